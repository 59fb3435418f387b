package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.testing.RandomPrograms;

/**
 * Random 32-bit words run as code — at the entry point and at every exception vector, in kernel
 * and in user mode, with a random TLB — never let a Java exception escape, and every run stops
 * within its instruction limit.
 */
class HostileGuestTest {
    private static final int RAM = 256 << 10;
    private static final long LIMIT = 20_000;
    private static final int SEEDS = 150;

    private static Machine machine(long seed) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withSeed(seed)
                .withConsole(OutputStream.nullOutputStream()).withMessages(sink);
        return Boot.machine(o, Sys161Config.defaults(RAM));
    }

    @ParameterizedTest(name = "{0} mode")
    @ValueSource(strings = {"kernel", "user"})
    void randomWords_neverEscape_andAlwaysStop(String mode) {
        long[] seenCodes = new long[16];
        java.util.EnumMap<vm3000.cpu.bus.PowerState.Reason, Integer> endings =
                new java.util.EnumMap<>(vm3000.cpu.bus.PowerState.Reason.class);
        for (long seed = 0; seed < SEEDS; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 7919 + mode.length());
            Machine m = machine(seed);
            RandomPrograms.randomWords(m, rnd, mode.equals("user"));
            try {
                m.run(LIMIT);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + " (" + mode + "): a Java exception escaped the machine", e);
            }
            assertFalse(m.power().isRunning(), "seed " + seed + ": the run did not stop");
            if (System.getenv("VM3000_FUZZ_VERBOSE") != null) {
                System.err.println(mode + " seed " + seed + ": " + m.power().reason() + " " + m.power().message());
            }
            assertTrue(m.cpu().executed() <= LIMIT, "seed " + seed + ": ran past its limit");
            for (int c = 0; c < 16; c++) seenCodes[c] += m.counters().exceptions(c);
            endings.merge(m.power().reason(), 1, Integer::sum);
        }
        // The fuzz must really exercise the machine: many kinds of exception taken.
        int kinds = 0;
        for (long n : seenCodes) if (n > 0) kinds++;
        assertTrue(kinds >= 8, "only " + kinds + " exception kinds seen: " + java.util.Arrays.toString(seenCodes)
                + ", endings " + endings);
    }
}
