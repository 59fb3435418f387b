package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** --stats-json: the same counters as --stats, by name, for a tool; parsed here and checked against the text. */
class StatsJsonTest {
    @TempDir
    Path dir;

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Long.parseLong(m.group(1));
    }

    private JsonObject run(String... args) throws Exception {
        Path file = dir.resolve("stats.json");
        String[] all = new String[args.length + 4];
        all[0] = "run";
        all[1] = "--stats";
        all[2] = "--stats-json";
        all[3] = file.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        Cli c = Cli.run(all);
        assertEquals(0, c.code(), c.err());
        JsonObject doc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        doc.addProperty("_text", c.err());
        return doc;
    }

    @Test
    void bare_agreesWithTheText() throws Exception {
        JsonObject doc = run("tinyos");
        String text = doc.get("_text").getAsString();
        JsonObject counters = doc.getAsJsonObject("counters");
        assertEquals(number(text, "^cycles: (\\d+)$"), doc.get("cycles").getAsLong());
        assertEquals(number(text, "^instructions: (\\d+) "), counters.get("instructions").getAsLong());
        assertEquals(number(text, "\\(user (\\d+),"), counters.get("user_instructions").getAsLong());
        assertEquals(number(text, "kernel (\\d+)\\)$"), counters.get("kernel_instructions").getAsLong());
        assertEquals(number(text, "^exceptions: (\\d+)$"), counters.get("exceptions").getAsLong());
        assertEquals(number(text, "^  Sys +(\\d+)$"), counters.getAsJsonObject("exceptions_by_code").get("Sys").getAsLong());
        assertEquals(number(text, "^interrupts: (\\d+)$"), counters.get("interrupts").getAsLong());
        assertEquals(number(text, "^utlb refills: (\\d+)$"), counters.get("utlb_refills").getAsLong());
        assertEquals(number(text, "^tlb writes: (\\d+)$"), counters.get("tlb_writes").getAsLong());
        assertTrue(counters.get("utlb_refills").getAsLong() > 0, "tinyos takes refills: the check is not of zeros");
        assertEquals("power_off", doc.getAsJsonObject("outcome").get("reason").getAsString());
        assertEquals(0, doc.getAsJsonObject("outcome").get("exit_status").getAsInt());
        assertTrue(doc.getAsJsonObject("host").get("wall_seconds").getAsDouble() >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap", "rmr"})
    void underAVmm_everyLevelAndVm_agreeWithTheText(String vmm) throws Exception {
        JsonObject doc = run("--vmm", vmm, "--depth", "2", "tinyos", "hello");
        String text = doc.get("_text").getAsString();
        assertEquals(vmm, doc.get("vmm").getAsString());
        JsonArray vms = doc.getAsJsonArray("vms");
        assertEquals(2, vms.size());
        for (int i = 0; i < 2; i++) {
            JsonObject v = vms.get(i).getAsJsonObject();
            assertEquals(number(text, "^vm3000: vm" + i + " \\(\\w+\\): exit code 0 after (\\d+) cycles"), v.get("cycles").getAsLong());
        }
        JsonArray levels = doc.getAsJsonArray("levels");
        assertEquals(2, levels.size());
        for (int l = 0; l < 2; l++) {
            JsonObject level = levels.get(l).getAsJsonObject();
            assertEquals(number(text, "^level " + l + ": monitor entries (\\d+)"), level.get("monitor_entries").getAsLong());
            Matcher m = Pattern.compile("(?s)^level " + l + ":.*?instructions interpreted (\\d+), run directly (\\d+)", Pattern.MULTILINE).matcher(text);
            assertTrue(m.find(), text);
            assertEquals(Long.parseLong(m.group(1)), level.get("instructions_interpreted").getAsLong());
            assertEquals(Long.parseLong(m.group(2)), level.get("instructions_direct").getAsLong());
            Matcher s = Pattern.compile("(?s)^level " + l + ":.*?time slices (\\d+), VM switches (\\d+)", Pattern.MULTILINE).matcher(text);
            assertTrue(s.find(), text);
            assertEquals(Long.parseLong(s.group(1)), level.get("time_slices").getAsLong());
            assertEquals(Long.parseLong(s.group(2)), level.get("vm_switches").getAsLong());
        }
        assertTrue(levels.get(1).getAsJsonObject().get("monitor_entries").getAsLong() > 0);
    }

    @Test
    void aDirectoryOrAMissingDirectory_refusedBeforeTheRun_oneLine() {
        for (String bad : new String[] {dir.toString(), dir.resolve("no/such/s.json").toString()}) {
            for (String[] args : new String[][] {{"run", "--stats-json", bad, "hello"}, {"run", "--vmm", "trap", "--stats-json", bad, "hello"}}) {
                Cli c = Cli.run(args);
                assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
                assertTrue(c.oneLineError() && c.err().startsWith("vm3000: " + bad), c.err());
                assertEquals("", c.out(), "the guest did not run");
            }
        }
    }
}
