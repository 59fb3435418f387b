package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code vm3000 bench --quick}: the smoke test of the comparison pipeline. It runs the whole
 * matrix with tiny iteration counts and checks what it writes, never its times.
 */
// A quick run sets jmh.ignoreLock in this JVM; the busy test clears it: never both at once.
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class BenchCommandTest {
    static final List<String> WORKLOADS = List.of("cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute",
            "tinyos-gcc", "c-compute");
    static final List<String> CONFIGS = List.of("bare", "trap-1", "trap-2", "trap-3", "trap-4", "rmr-1", "rmr-2", "rmr-3",
            "rmr-4");

    @TempDir
    Path dir;

    @Test
    void quick_writesResultsReportAndCharts_forTheWholeMatrix() throws Exception {
        Path out = dir.resolve("results");
        Cli c = Cli.run("bench", "--quick", "--out", out.toString());
        assertEquals(0, c.code(), c.err() + c.out());
        assertTrue(c.out().contains("Timing:") && c.out().contains("JMH runs"), "states its duration first: " + c.out());
        JsonObject root = JsonParser.parseString(Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        Set<String> skipped = new HashSet<>();
        for (JsonElement s : root.getAsJsonArray("skipped")) {
            JsonObject o = s.getAsJsonObject();
            skipped.add(o.get("workload").getAsString());
            System.out.println("SKIPPED in this test: workload " + o.get("workload").getAsString() + ": "
                    + o.get("reason").getAsString());
            assertTrue(c.out().contains("SKIPPED workload " + o.get("workload").getAsString()), c.out());
        }
        assertTrue(Set.of("tinyos-gcc", "c-compute").containsAll(skipped), "only the GCC workloads may be skipped: " + skipped);
        Set<String> seen = new HashSet<>();
        for (JsonElement e : root.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            String key = cell.get("workload").getAsString() + " " + cell.get("config").getAsString();
            seen.add(key);
            assertTrue(cell.get("equivalent").getAsBoolean(), key + ": " + cell);
            assertTrue(cell.getAsJsonObject("full").get("median").getAsDouble() > 0, key + " has a time");
            JsonObject counts = cell.getAsJsonObject("fullCounts");
            assertTrue(counts.getAsJsonObject("guest").get("cycles").getAsLong() > 0, key);
            JsonArray levels = counts.getAsJsonArray("levels");
            int depth = cell.get("config").getAsString().equals("bare") ? 0
                    : Integer.parseInt(cell.get("config").getAsString().replaceAll("\\D", ""));
            assertEquals(depth, levels.size(), key + ": one set of counters per monitor level");
            for (JsonElement l : levels) {
                for (String k : List.of("entries", "interpreted", "direct", "memoryTraps", "shadowRefills", "asidRecycles",
                        "slices", "switches")) {
                    assertTrue(l.getAsJsonObject().has(k), key + " level counters have " + k);
                }
            }
            assertTrue(cell.getAsJsonObject("derived").has("modelledSlowdown"), key);
        }
        for (String w : WORKLOADS) {
            if (skipped.contains(w)) continue;
            for (String cfg : CONFIGS) assertTrue(seen.contains(w + " " + cfg), "missing " + w + " " + cfg);
        }
        // JMH's own JSON, one entry per timed run
        JsonArray jmh = root.getAsJsonArray("jmh");
        assertFalse(jmh.isEmpty());
        assertTrue(jmh.get(0).getAsJsonObject().get("benchmark").getAsString().endsWith("MatrixBench.run"));
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("## Slowdown against bare") && report.contains("## Modelled cost")
                && report.contains("## Monitor entries per operation"), report);
        for (String svg : List.of("slowdown.svg", "entries.svg", "modelled.svg")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            assertEquals("svg", f.newDocumentBuilder().parse(out.resolve(svg).toFile()).getDocumentElement().getLocalName());
            assertTrue(report.contains("(" + svg + ")"), "the report shows " + svg);
        }
    }

    /**
     * A full run while another JMH benchmark holds JMH's lock would time both at once: it stops
     * with one line saying so, instead of reporting every cell as failed.
     */
    @Test
    void fullRun_whileAnotherBenchmarkHoldsTheMachine_saysSoAndStops() throws Exception {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = ch.tryLock()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(lock != null, "another JMH run holds " + lockFile + " now");
            String ignore = System.clearProperty("jmh.ignoreLock");
            try {
                Cli c = Cli.run("bench", "--workloads", "cp0", "--configs", "bare", "--out", dir.resolve("busy").toString());
                assertEquals(ExitCodes.BENCH_BUSY, c.code(), c.err() + c.out());
                assertTrue(c.oneLineError() && c.err().contains("another JMH benchmark is running"), c.err());
            } finally {
                if (ignore != null) System.setProperty("jmh.ignoreLock", ignore);
            }
        }
    }

    /** Bare is what every other configuration is compared with, wherever the list names it. */
    @Test
    void bareNamedLast_stillRunsFirst() throws Exception {
        Path out = dir.resolve("order");
        Cli c = Cli.run("bench", "--quick", "--workloads", "cp0", "--configs", "rmr-1,bare", "--out", out.toString());
        assertEquals(0, c.code(), c.err() + c.out());
        assertTrue(c.out().contains("cp0        bare rmr-1"), c.out());
        JsonArray cells = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject()
                .getAsJsonArray("cells");
        assertEquals(2, cells.size());
        for (JsonElement e : cells) assertTrue(e.getAsJsonObject().get("equivalent").getAsBoolean(), e.toString());
    }

    @Test
    void badOptions_areOneLineErrors() {
        String[][] cases = {{"--configs", "trap-9"}, {"--workloads", "nope"}, {"--c-entry", "-1"}, {"--configs", "rmr"},
                {"--forks", "0"}, {"--c-interp", "1e400"}};
        String[] says = {"unknown configuration 'trap-9'", "unknown workload 'nope'", "at least 0", "unknown configuration 'rmr'",
                "--forks must be 1 to 20", "at least 0 and finite"};
        for (int i = 0; i < cases.length; i++) {
            Cli c = Cli.run("bench", "--quick", "--out", dir.resolve("x").toString(), cases[i][0], cases[i][1]);
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.err().contains(says[i]), c.err());
            assertEquals(1, c.err().strip().lines().count(), c.err());
            assertFalse(Files.exists(dir.resolve("x")), "nothing written");
        }
    }

    @Test
    void outThatIsNotADirectory_isOneLineErrorAndUntouched() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "mine");
        Cli c = Cli.run("bench", "--quick", "--workloads", "cp0", "--configs", "bare", "--out", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().contains("--out: " + file + " is not a directory"), c.err());
        assertEquals("mine", Files.readString(file));
    }
}
