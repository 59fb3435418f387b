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
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.dev.Sys161Config;

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

    /** Fills the first 64 KiB of RAM (vectors and code) with random words, biased to useful ones. */
    private static void randomCode(Machine m, SplittableRandom rnd) {
        for (int pa = 0; pa < 64 << 10; pa += 4) {
            int w = rnd.nextInt();
            switch (rnd.nextInt(8)) {
                case 0: w &= 0x03FFFFFF; w |= 0x40000000 | (rnd.nextInt(8) << 21); break; // CP0 ops
                case 1: w = (w & ~0xFC000000) | (0x8C000000 + (rnd.nextInt(16) << 26)); break;  // loads/stores
                case 2: w &= 0x03FFFFFF; break;                                                // SPECIAL
                default: break;
            }
            m.ram().storeWord(pa, w);
        }
    }

    private static void randomState(Machine m, SplittableRandom rnd, boolean user) {
        Cpu cpu = m.cpu();
        for (int r = 1; r < 32; r++) {
            // Pointers into kseg0/kseg1/kuseg/devices as often as pure noise.
            int base = new int[] {0x80000000, 0xA0000000, 0x00400000, 0xBFE00000}[rnd.nextInt(4)];
            cpu.setReg(r, rnd.nextBoolean() ? rnd.nextInt() : base + (rnd.nextInt(1 << 16) & ~3));
        }
        Cp0 cp0 = m.cp0();
        for (int i = 0; i < 64; i++) {
            int hi = rnd.nextBoolean() ? (i << 12) | (rnd.nextInt(64) << 6) : rnd.nextInt();
            int lo = rnd.nextBoolean() ? (rnd.nextInt(64) << 12) | 0x700 : rnd.nextInt();
            cp0.tlb().write(i, hi, lo);
        }
        cp0.write(Cp0.ENTRYHI, 0, rnd.nextInt(64) << 6);
        cp0.write(Cp0.COMPARE, 0, rnd.nextInt(5000));
        int status = (rnd.nextInt() & 0xFF00) | (user ? 0x2 : 0) | (rnd.nextBoolean() ? 1 : 0);
        cp0.setStatus(status); // BEV clear: exceptions go to the random code at the vectors
        cpu.setPc(user ? rnd.nextInt(16) << 12 : 0x80001000 + (rnd.nextInt(1024) << 2));
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
            randomCode(m, rnd);
            randomState(m, rnd, mode.equals("user"));
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
