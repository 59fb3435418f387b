package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.realclient.CCorpus;
import vm3000.cpu.realclient.Toolchain;
import vm3000.cpu.rmr.RmrLevel;
import vm3000.cpu.rmr.RmrTrap;

/**
 * rmrmon, the MIPS-coded monitor, stacked k = 1..4 deep on the RMR-stack machine under every
 * built-in kernel: each prints its bare-metal transcript and powers off with the same code, and
 * the counters at the guest's level (instructions, exceptions by code, refills, TLB writes) and
 * its cycles equal the bare machine's with the same RAM. The guest's own sensitive work causes
 * no monitor entry at any level below it: only its console accesses (one memory trap each, at
 * the monitor that owns its window) and the monitors' own time slices (one interrupt entry each,
 * at that monitor) leave the guest's level (docs/rmr.md).
 */
class RmrStackTest {
    static final int RAM = 32 << 20;
    /**
     * Kernels rmrmon cannot run: itself (it is the monitor), and those that use cards rmrmon does
     * not emulate for its child (it emulates console output, EXIT, PWR and RAMSZ only): echo reads
     * the console, lsbus reads the bus's config regions, lab4 takes the timer card's interrupt,
     * lab6 polls the timer card and reads a device register by byte and halfword (rmrmon emulates
     * word accesses only). The RMR VMM in Java runs all four (vmm: RmrEquivalenceTest).
     */
    static final java.util.Set<String> BEYOND_RMRMON = java.util.Set.of("rmrmon", "echo", "lsbus", "lab4", "lab6");
    static final long LIMIT = 400_000_000L;
    private static final Pattern ARGS = Pattern.compile("^#\\s*golden-args:(.*)$", Pattern.MULTILINE);

    /** A run of {@code kernel} under {@code depth} rmrmons. */
    record Stack(Machine machine, PowerState end, String transcript, int depth) {
        RmrLevel level(int i) { return machine.rmr().level(i); }
        Counters guest() { return level(depth).counters(); }
        long guestCycles() { return level(depth).cp0().cycles(); }
        int guestRam() { return (int) level(depth).bound(); }

        /** A word of rmrmon's data at level {@code h} (a symbol of its image). */
        int monitorWord(int h, String symbol) throws Exception {
            long real = (Kernels.load("rmrmon").symbol(symbol) & 0x1FFFFFFFL);
            for (int j = 1; j <= h; j++) real += level(j).base();
            return machine.ram().loadWord((int) real);
        }
    }

    static Stack stack(int depth, String kernel, String args, List<Boot.Module> extra) throws Exception {
        return stack(depth, kernel, args, extra, 0);
    }

    /**
     * The boot arguments that give the rmrmons of a stack {@code depth} deep time slices: the one
     * at level i every {@code slice} - 3,000 i cycles of its own time (so that the levels' timers
     * do not fire together); none if {@code slice} is 0.
     */
    static String sliceArgs(int depth, int slice) {
        StringBuilder a = new StringBuilder();
        for (int i = 0; slice > 0 && i < depth; i++) a.append("rmrmon.slice=").append(slice - 3_000 * i).append(' ');
        return a.toString();
    }

    /** As {@link #stack(int, String, String, List)}, the rmrmons with time slices ({@link #sliceArgs}). */
    static Stack stack(int depth, String kernel, String guestArgs, List<Boot.Module> extra, int slice) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Machine m = booted(depth, kernel, sliceArgs(depth, slice) + guestArgs, extra, console);
        PowerState end = m.run(LIMIT);
        return new Stack(m, end, console.toString(StandardCharsets.ISO_8859_1), depth);
    }

    /** {@code kernel} booted above {@code depth} rmrmons (at depth 0, alone), its console to {@code console}. */
    static Machine booted(int depth, String kernel, String args, List<Boot.Module> extra, OutputStream console)
            throws Exception {
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withRmrLevels(depth).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults());
        if (depth == 0) {
            Boot.load(m, Kernels.load(kernel), args, extra);
            return m;
        }
        List<Boot.Module> mods = new ArrayList<>();
        for (int i = 1; i < depth; i++) mods.add(new Boot.Module("rmrmon", "rmrmon", Kernels.bytes("rmrmon")));
        mods.add(new Boot.Module(kernel, kernel, Kernels.bytes(kernel)));
        mods.addAll(extra);
        Boot.load(m, Kernels.load("rmrmon"), args, mods);
        return m;
    }

    /**
     * A machine run in windows ({@link Machine#runUntil}, as RmrPairBench times the middle of a
     * run) stays on between them and does exactly what one run does: the same transcript, and the
     * same counters and cycles at every level.
     */
    @ParameterizedTest(name = "{0} at depth {1}, in windows")
    @CsvSource({"interrupt,0", "interrupt,2", "syscall,3", "tlbmiss,1"})
    void runInWindows_sameAsOneRun(String kernel, int depth) throws Exception {
        ByteArrayOutputStream oneConsole = new ByteArrayOutputStream(), windowsConsole = new ByteArrayOutputStream();
        Machine one = booted(depth, kernel, "300", List.of(), oneConsole);
        Machine windows = booted(depth, kernel, "300", List.of(), windowsConsole);
        PowerState end = one.run(LIMIT);
        assertEquals(PowerState.Reason.POWER_OFF, end.reason(), end.message());
        long total = one.cpu().executed(), at = 0;
        int stops = 0;
        for (int w = 1; windows.power().isRunning(); w++) {
            at += total / 37 + w;
            windows.runUntil(at);
            if (windows.power().isRunning()) {
                stops++;
                assertEquals(at, windows.cpu().executed(), "a window ends at its limit");
            }
        }
        assertTrue(stops > 10 && at > total / 2, stops + " windows, " + total + " instructions");
        assertEquals(end.exitCode(), windows.power().exitCode());
        assertEquals(oneConsole.toString(StandardCharsets.ISO_8859_1), windowsConsole.toString(StandardCharsets.ISO_8859_1));
        assertEquals(total, windows.cpu().executed());
        assertEquals(one.clock().now(), windows.clock().now(), "cycles");
        for (int h = 0; h <= depth; h++) {
            Counters a = depth == 0 ? one.counters() : one.rmr().level(h).counters();
            Counters b = depth == 0 ? windows.counters() : windows.rmr().level(h).counters();
            assertEquals(a.report(), b.report(), "level " + h + "'s counters");
        }
    }

    /** The bare machine with {@code ram} bytes, as the guest's level has it under the stack. */
    static KernelRun bare(String kernel, String args, int ram, List<Boot.Module> modules) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(ram).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(ram));
        Boot.load(m, Kernels.load(kernel), args, modules);
        PowerState end = m.run(LIMIT);
        return new KernelRun(m, end, console.toString(StandardCharsets.ISO_8859_1), "");
    }

    static String goldenArgs(String kernel) throws Exception {
        Matcher a = ARGS.matcher(Kernels.source(kernel));
        return a.find() ? a.group(1).strip() : "";
    }

    static Stream<Arguments> kernelsAndDepths() {
        return Stream.of(1, 2, 3, 4).flatMap(d -> Kernels.NAMES.stream().filter(k -> !BEYOND_RMRMON.contains(k))
                .map(k -> Arguments.of(k, d)));
    }

    /** The guest at the top of the stack behaves, and is counted, exactly as on the bare machine. */
    static void assertSameAsBare(Stack s, KernelRun b) {
        assertEquals(PowerState.Reason.POWER_OFF, s.end().reason(), s.end().message() + "\n" + s.transcript());
        assertEquals(b.end().exitCode(), s.end().exitCode(), "exit code");
        assertEquals(b.transcript(), s.transcript(), "transcript");
        assertEquals(b.machine().counters().report(), s.guest().report(), "the guest level's counters");
        assertEquals(b.machine().cp0().cycles(), s.guestCycles(), "the guest level's cycles");
    }

    @ParameterizedTest(name = "{0} under {1} rmrmon")
    @MethodSource("kernelsAndDepths")
    void kernel_underStackedRmrmon_sameAsBare(String kernel, int depth) throws Exception {
        String args = goldenArgs(kernel);
        Stack s = stack(depth, kernel, args, List.of());
        assertSameAsBare(s, bare(kernel, args, s.guestRam(), List.of()));
        assertEquals(depth, s.machine().rmr().levels());
        for (int h = 0; h < depth; h++) {
            assertEquals(0, s.level(h).counters().totalExceptions(), "a monitor level takes no exception of its own");
            assertEquals(0, s.level(h).counters().entries(RmrTrap.Kind.INTERRUPT.ordinal()),
                    "level " + h + ": rmrmon without a slice sets no timer");
        }
    }

    static Stream<Arguments> slicedKernelsAndDepths() {
        return Stream.of(1, 2, 3, 4).flatMap(d -> Stream.of("hello", "interrupt", "tlbmiss", "tinyos")
                .map(k -> Arguments.of(k, d)));
    }

    /**
     * With time slices, every rmrmon's timer preempts the levels above it (at points unrelated to
     * the guest's own timer), and the guest still cannot tell: its transcript, counters and
     * cycles are the bare machine's.
     */
    @ParameterizedTest(name = "{0} under {1} rmrmon with slices")
    @MethodSource("slicedKernelsAndDepths")
    void kernel_underRmrmonTakingTimeSlices_sameAsBare(String kernel, int depth) throws Exception {
        String args = goldenArgs(kernel);
        Stack s = stack(depth, kernel, args, List.of(), 5_000 + 3_000 * depth);
        assertSameAsBare(s, bare(kernel, args, s.guestRam(), List.of()));
        for (int h = 0; h < depth; h++) {
            long slices = s.level(h).counters().entries(RmrTrap.Kind.INTERRUPT.ordinal());
            assertTrue(slices > 0, "level " + h + ": rmrmon took no time slice");
            assertEquals(s.monitorWord(h, "slices"), slices, "level " + h + ": one entry per time slice");
        }
    }

    /** The built-in tinyos workload's counters at level 4 (refills, TLB writes, syscalls, interrupts). */
    @Test
    void tinyos_fourDeep_takesItsOwnRefillsSyscallsAndInterrupts() throws Exception {
        Stack s = stack(4, "tinyos", "", List.of());
        Counters g = s.guest();
        assertTrue(g.utlbRefills() > 0 && g.tlbWrites() > 0 && g.exceptions(8) > 0 && g.interrupts() > 0, g.report());
        for (int h = 0; h < 4; h++) {
            Counters c = s.level(h).counters();
            assertEquals(0, c.utlbRefills() + c.tlbWrites() + c.totalExceptions(), "level " + h + ": " + c.report());
        }
    }

    static final List<String> CORPUS = TinyosModulesTest.CORPUS;
    private static List<Boot.Module> corpusModules;

    private static synchronized List<Boot.Module> corpusModules() throws Exception {
        if (corpusModules == null) {
            List<Boot.Module> mods = new ArrayList<>();
            for (String name : CORPUS) {
                CCorpus.Build build = CCorpus.build(CCorpus.program(name), CCorpus.Endian.BIG);
                mods.add(new Boot.Module(name, build.linux().toString(), Files.readAllBytes(build.linux())));
            }
            corpusModules = mods;
        }
        return corpusModules;
    }

    /** tinyos running GCC-built programs from the C corpus as processes, under 1..4 rmrmons. */
    @ParameterizedTest(name = "under {0} rmrmon")
    @MethodSource("depths")
    void tinyosWithGccPrograms_underStackedRmrmon_sameAsBare(int depth) throws Exception {
        CCorpus.Endian be = CCorpus.Endian.BIG;
        Toolchain.assumeTools("RmrStackTest.tinyosWithGccPrograms_underStackedRmrmon_sameAsBare", List.of(be.gcc(), be.ld()));
        List<Boot.Module> mods = corpusModules();
        Stack s = stack(depth, "tinyos", "", mods);
        KernelRun b = bare("tinyos", "", s.guestRam(), mods);
        assertTrue(b.transcript().contains("--- pid 5 (sieve): exit 0"), b.transcript());
        assertSameAsBare(s, b);
    }

    static Stream<Integer> depths() { return Stream.of(1, 2, 3, 4); }

    static Stream<Arguments> microbenchmarksAndDepths() {
        return Stream.of(1, 2, 3, 4).flatMap(d -> Stream.of("cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt")
                .map(k -> Arguments.of(k, d)));
    }

    /**
     * Doubling a microbenchmark's iterations adds no monitor entry at any level below the guest,
     * but for the monitors' own time slices; and every entry is accounted for where it belongs:
     * each level's memory-trap entries are exactly the memory traps its rmrmon handled, and its
     * interrupt entries exactly the time slices its rmrmon took (one entry each, at that level).
     */
    @ParameterizedTest(name = "{0} under {1} rmrmon")
    @MethodSource("microbenchmarksAndDepths")
    void microbenchmark_sensitiveOperations_causeNoMonitorEntries(String kernel, int depth) throws Exception {
        Stack one = stack(depth, kernel, "200", List.of(), 20_000);
        Stack two = stack(depth, kernel, "400", List.of(), 20_000);
        int memory = RmrTrap.Kind.MEMORY.ordinal(), interrupt = RmrTrap.Kind.INTERRUPT.ordinal();
        for (Stack s : List.of(one, two)) {
            assertEquals(PowerState.Reason.POWER_OFF, s.end().reason(), s.end().message());
            for (int h = 0; h < depth; h++) {
                Counters c = s.level(h).counters();
                assertEquals(s.monitorWord(h, "memtraps"), c.entries(memory), "level " + h + ": one entry per memory trap");
                assertEquals(s.monitorWord(h, "slices"), c.entries(interrupt), "level " + h + ": one entry per time slice");
                assertEquals(c.entries(memory) + c.entries(interrupt), c.totalEntries(), "level " + h + ": nothing else");
            }
        }
        assertTrue(two.guest().instructions() > one.guest().instructions() + 200, "the work doubled");
        for (int h = 0; h < depth; h++) {
            assertEquals(one.level(h).counters().entries(memory), two.level(h).counters().entries(memory),
                    "level " + h + ": 200 more iterations of " + kernel + " cause no memory trap");
        }
    }

    /**
     * Without time slices the stack below the guest does nothing while the guest works: doubling
     * a microbenchmark's iterations changes no monitor entry of any kind at any level, and no
     * level below the guest takes an interrupt entry.
     */
    @ParameterizedTest(name = "{0} under {1} rmrmon, no slices")
    @MethodSource("microbenchmarksAndDepths")
    void microbenchmark_withoutSlices_entriesDoNotGrowAtAll(String kernel, int depth) throws Exception {
        Stack one = stack(depth, kernel, "200", List.of());
        Stack two = stack(depth, kernel, "400", List.of());
        assertTrue(two.guest().instructions() > one.guest().instructions() + 200, "the work doubled");
        for (int h = 0; h < depth; h++) {
            Counters c1 = one.level(h).counters(), c2 = two.level(h).counters();
            assertEquals(0, c2.entries(RmrTrap.Kind.INTERRUPT.ordinal()), "level " + h + ": " + c2.report());
            for (int k = 0; k < Counters.ENTRY_KINDS.length; k++) {
                assertEquals(c1.entries(k), c2.entries(k), "level " + h + ", " + Counters.ENTRY_KINDS[k]
                        + " entries: 200 more iterations of " + kernel + " cause none");
            }
        }
    }
}
