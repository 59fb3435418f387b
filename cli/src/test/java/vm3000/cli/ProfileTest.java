package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vm3000 run --profile FILE}: the samples land where the kernels' sources say the time
 * goes, add up to the cycles exactly, repeat byte for byte, and change nothing the guest, its
 * counters or its trace show; bad options are refused before the run.
 */
class ProfileTest {
    @TempDir
    Path dir;

    /** One row of the table. */
    record Row(long samples, long kernel, long user, String symbol) {}

    /** A profile file, parsed: its header lines and its table. */
    record Profile(String text, Map<String, String> header, List<Row> rows) {
        long number(String key) {
            Matcher m = Pattern.compile("^(\\d+)").matcher(header.get(key));
            assertTrue(m.find(), key + " in\n" + text);
            return Long.parseLong(m.group(1));
        }

        Row row(String symbol) {
            return rows.stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow(() -> new AssertionError(symbol + " in\n" + text));
        }

        long sum() { return rows.stream().mapToLong(Row::samples).sum(); }
    }

    private static final Pattern ROW = Pattern.compile("^ *(\\d+) +[\\d.]+ +[\\d.]+ +(\\d+) +(\\d+) +(0x[0-9a-f]{8}|-) +(\\S+)$");

    static Profile parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        String[] blocks = text.split("\n\n");
        for (String line : blocks[0].split("\n")) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("#")) header.put(line.substring(0, colon), line.substring(colon + 2));
        }
        String[] table = blocks[1].split("\n");
        assertTrue(table[0].trim().startsWith("samples"), text);
        for (String line : Arrays.asList(table).subList(1, table.length)) {
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), line);
            rows.add(new Row(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(5)));
        }
        return new Profile(text, header, rows);
    }

    /** Runs {@code vm3000 run --profile FILE options...}, which must exit with {@code code}, and reads FILE. */
    private Profile profile(int code, String... options) throws IOException {
        Path file = dir.resolve("profile.txt");
        Files.deleteIfExists(file);
        Cli c = Cli.run(args("run", "--profile", file, options));
        assertEquals(code, c.code(), c.err());
        return parse(Files.readString(file));
    }

    /** The strings and string arrays in {@code parts}, in one array: a command line. */
    private static String[] args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof String[] a) out.addAll(List.of(a));
            else if (o instanceof List<?> l) for (Object x : l) out.add((String) x);
            else out.add(o.toString());
        }
        return out.toArray(new String[0]);
    }

    /** compute's time is its user-mode loop at uwork, linked into the kernel and run through a kuseg alias. */
    @Test
    void compute_theHottestSymbol_isItsUserLoop() throws IOException {
        Profile p = profile(0, "compute", "100000");
        Row top = p.rows().get(0);
        assertEquals("uwork", top.symbol(), p.text());
        assertEquals(0, top.kernel(), p.text());
        assertTrue(top.samples() * 100 >= 95 * p.sum(), p.text()); // 11 instructions x 100000 of 1.1 M cycles
        assertEquals(p.number("cycles") / 1000, p.sum());
    }

    /**
     * tinyos spends most of its cycles in the user program "sum" (two runs of a 20,000-iteration
     * loop in tinyos/user.s), then in the console's polling loops; the samples add up exactly.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 777, 1000})
    void tinyos_theHottestSymbol_isTheSumProgram_andTheSamplesAddUp(long interval) throws IOException {
        Profile p = profile(0, "--profile-interval", Long.toString(interval), "tinyos");
        Row top = p.rows().get(0);
        assertEquals("prog_sum", top.symbol(), p.text());
        assertEquals(top.samples(), top.user(), "a user program: " + p.text());
        long cycles = p.number("cycles");
        assertEquals(cycles / interval, p.sum(), p.text());
        assertEquals(cycles / interval, p.number("samples"));
        assertEquals(interval, p.number("interval"));
        long kernel = p.rows().stream().mapToLong(Row::kernel).sum();
        assertTrue(p.header().get("samples").contains("kernel mode " + kernel + ","), p.text());
        assertTrue(p.text().contains("\nprog_sum (0x"), "its addresses are listed: " + p.text());
    }

    /** A run stopped by its instruction limit is sampled up to its last cycle too. */
    @Test
    void aRunStoppedAtItsLimit_isSampledToTheEnd() throws IOException {
        Profile p = profile(ExitCodes.INSTRUCTION_LIMIT, "--max-instructions", "50000", "compute", "100000");
        assertEquals(50000, p.number("cycles"));
        assertEquals(50, p.sum(), p.text());
    }

    /** Traced (which runs the interpreter) or with a gdb stub that no debugger stops, the run and so the profile are the same. */
    @Test
    void theSameRun_givesTheSameBytes_onEitherCore_tracedOrNot_underGdbOrNot() throws IOException {
        String first = profile(0, "tinyos").text();
        assertEquals(first, profile(0, "tinyos").text());
        assertEquals(first, profile(0, "--core", "interp", "tinyos").text());
        assertEquals(first, profile(0, "--gdb", "0", "tinyos").text());
        assertEquals(profile(0, "--profile-interval", "10", "hello").text(),
                profile(0, "--profile-interval", "10", "--trace", "x", "hello").text()); // tracing is slow: a small kernel
    }

    /** WAIT through a serial card's event (no line) until a timer's, with a state dump just before it. */
    static final String WAITS = "        .set noreorder\n        .text\n__start:\n"
            + "        li $t0, 0xbfe00000\n        li $t1, 'x'\n        sw $t1, 0($t0)\n"      // serial busy, its line off
            + "        li $t0, 0xbffd0000\n        li $t1, 100\n        sw $t1, 0x10($t0)\n"  // timer in 2,500 cycles
            + "        li $t2, 0xbffe0000\n        sw $zero, 0x0c($t2)\n"                     // the trace card's DUMP
            + "        wait\n        lw $t1, 0x0c($t0)\n        sw $zero, 0x1c($t2)\n";

    /**
     * The guest's console, its exit, the counters, System/161's trace (its "Waiting for
     * interrupt" lines, the dump's next event) are those of the run without a profiler.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tinyos", "compute 10000", "echo", "waits"})
    void profiling_changesNothingTheGuestOrItsCountersShow(String what) throws IOException {
        List<String> options = new ArrayList<>(List.of("--stats", "--trace", "ix"));
        if (what.equals("waits")) options.add(Files.writeString(dir.resolve("waits.s"), WAITS).toString());
        else options.addAll(List.of(what.split(" ")));
        String typed = what.equals("echo") ? "hello\nquit\n" : "";
        Cli plain = Cli.typing(typed, args("run", options));
        Path file = dir.resolve("p.txt");
        Cli sampled = Cli.typing(typed, args("run", "--profile", file, "--profile-interval", "7", options));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(plain.code(), sampled.code());
        assertEquals(plain.out(), sampled.out());
        assertEquals(withoutHostTime(plain.err()), withoutHostTime(sampled.err()));
        Profile p = parse(Files.readString(file));
        assertTrue(p.sum() > 0 && p.sum() == p.number("cycles") / 7, p.text());
        if (!what.equals("tinyos") && !what.startsWith("compute")) {
            assertTrue(p.row("<idle>").samples() > 0, "it waits: " + p.text());
        }
        if (what.equals("waits")) assertTrue(plain.err().contains("Waiting for interrupt"), "the check is not of nothing");
    }

    private static String withoutHostTime(String err) {
        return err.replaceAll("(?m)^host time: .*\n", "");
    }

    /** A WAIT that no device event can end stops the machine as before: samples would go on forever, but wake nothing. */
    @Test
    void aWaitNothingCanEnd_isStillAMachineCheck() throws IOException {
        Path file = dir.resolve("p.txt");
        String[] limit = {"--max-instructions", "10000000", "--stats", "echo"};
        Cli plain = Cli.run(args("run", limit));
        Cli sampled = Cli.run(args("run", "--profile", file, "--profile-interval", "10", limit));
        assertEquals(ExitCodes.MACHINE_CHECK, plain.code(), plain.err());
        assertEquals(ExitCodes.MACHINE_CHECK, sampled.code(), sampled.err());
        assertEquals(withoutHostTime(plain.err()), withoutHostTime(sampled.err()));
        assertTrue(Files.exists(file), "a machine check still writes the profile");
    }

    /** Two boot modules linked at the same address: each sample goes to the one whose code is in RAM there. */
    @Test
    void bootModules_atOneAddress_areToldApartByTheirCode() throws IOException {
        Path a = module("a", "spin_a", "$t0", 100000);
        Path b = module("b", "spin_b", "$t1", 50000);
        Profile p = profile(0, "tinyos", "--module", a.toString(), "--module", b.toString());
        Row ra = p.row("a.elf:spin_a");
        Row rb = p.row("b.elf:spin_b");
        // Three instructions an iteration: 300,000 and 150,000 cycles, one sample in 1,000 of them
        // give or take one for each time slice. Given to the first module that holds the address,
        // b's samples would be a's.
        assertTrue(Math.abs(ra.samples() - 300) <= 20 && ra.user() == ra.samples(), p.text());
        assertTrue(Math.abs(rb.samples() - 150) <= 20 && rb.user() == rb.samples(), p.text());
        assertEquals("a.elf, b.elf", p.header().get("modules"));
    }

    /** A tinyos user program at 0x00400000 looping {@code n} times on register {@code reg} at label {@code loop}. */
    private Path module(String name, String loop, String reg, int n) throws IOException {
        Path src = Files.writeString(dir.resolve(name + ".s"), "        .set noreorder\n        .text\n"
                + "__start: li " + reg + ", " + n + "\n" + loop + ": addiu " + reg + ", " + reg + ", -1\n"
                + "        bnez " + reg + ", " + loop + "\n        nop\n        li $a0, 0\n        li $v0, 4001\n"
                + "        syscall\n");
        Path elf = dir.resolve(name + ".elf");
        Cli c = Cli.run("asm", "--base", "0x00400000", src.toString(), "-o", elf.toString());
        assertEquals(0, c.code(), c.err());
        return elf;
    }

    /** Refused before the run: one line, exit code 2, the guest never started, no file. */
    private void refused(String message, String... args) {
        Cli c = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().contains(message), c.err());
        assertEquals("", c.out());
    }

    @Test
    void aFileThatCannotBeWritten_isRefusedBeforeTheRun() throws IOException {
        refused(dir + ": --profile: is a directory", "run", "--profile", dir.toString(), "hello");
        Path missing = dir.resolve("no/such/p.txt");
        refused(missing + ": --profile: no such directory", "run", "--profile", missing.toString(), "hello");
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void badIntervals_areRefused() {
        Path file = dir.resolve("p.txt");
        refused("--profile-interval must be at least 1: 0", "run", "--profile", file.toString(), "--profile-interval", "0", "hello");
        refused("--profile-interval must be at least 1: -5", "run", "--profile", file.toString(), "--profile-interval", "-5", "hello");
        refused("'often' is not a number", "run", "--profile", file.toString(), "--profile-interval", "often", "hello");
        refused("--profile-interval needs --profile FILE", "run", "--profile-interval", "10", "hello");
        assertFalse(Files.exists(file));
    }

    /** Under a VMM or on the RMR stack the CPU's pc is whichever VM's or level's is live: refused, not mixed. */
    @Test
    void vmmsAndTheRmrStack_areRefused() {
        Path file = dir.resolve("p.txt");
        refused("--profile samples the bare machine; it does not go with --vmm",
                "run", "--vmm", "trap", "--profile", file.toString(), "tinyos");
        refused("--profile samples the bare machine; it does not go with --vmm",
                "run", "--vmm", "rmr", "--depth", "2", "--profile", file.toString(), "tinyos", "hello");
        refused("--profile samples a plain R3000; it does not go with --rmr-levels",
                "run", "--rmr-levels", "1", "--profile", file.toString(), "rmrmon", "--module", "hello");
        assertFalse(Files.exists(file));
    }

    /** System/161's -P writes gprof's gmon.out; vm3000's profile is text, so -P stays unknown rather than mean something else. */
    @Test
    void sys161sDashP_isNotAccepted() {
        Cli c = Cli.run("run", "-P", "hello");
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.err().contains("Unknown option: '-P'"), c.err());
    }
}
