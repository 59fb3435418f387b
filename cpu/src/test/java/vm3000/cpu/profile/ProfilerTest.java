package vm3000.cpu.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/** The profiler on a machine of its own: samples on the clock, by symbol, the same on either core. */
class ProfilerTest {
    /**
     * 200 iterations of a loop at {@code count}, then 10,000 at {@code spin} run through the kseg1
     * alias of its own code, where no symbol is: 600 + 30,000 cycles and a few more.
     */
    static final String KERNEL = ".set noreorder\n.text\n"
            + "__start: li $t2, 200\n"
            + "count:  addiu $t2, $t2, -1\n        bnez $t2, count\n        nop\n"
            + "        la $t0, spin\n        lui $t1, 0x2000\n        or $t0, $t0, $t1\n"
            + "        jr $t0\n        li $t2, 10000\n"
            + "spin:   addiu $t2, $t2, -1\n        bnez $t2, spin\n        nop\n"
            + "        li $t0, 0xbffe001c\n        sw $zero, 0($t0)\n";

    static String profile(MachineOptions.Core core, long interval) throws BadInputException {
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(KERNEL, "k.s", Assembler.Options.defaults()), "k.s");
        MachineOptions o = MachineOptions.defaults().withRam(1 << 20).withCore(core)
                .withConsole(OutputStream.nullOutputStream()).withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(1 << 20));
        Boot.load(m, elf, "");
        Profiler p = Profiler.attach(m, interval, elf, List.of());
        assertEquals(PowerState.Reason.POWER_OFF, m.run(1_000_000).reason());
        assertEquals(m.clock().now() / interval, p.samples());
        return p.report("k.s", "");
    }

    /** The block core runs blocks up to each sample, so it sees every pc the interpreter sees. */
    @Test
    void everyCycleSampled_isTheSameOnEitherCore() throws BadInputException {
        assertEquals(profile(MachineOptions.Core.INTERP, 1), profile(MachineOptions.Core.BLOCK, 1));
    }

    @Test
    void codeWithoutASymbol_isCountedBy256ByteRegions() throws BadInputException {
        String text = profile(MachineOptions.Core.BLOCK, 100);
        assertTrue(text.contains("\n      300   98.04   98.04       300         0  0xa0001000  <0xa0001000>\n"), text);
        assertTrue(text.contains("\n        6    1.96  100.00         6         0  0x80001004  count\n"), text);
        assertFalse(text.contains("spin"), "the loop ran at kseg1, where no symbol is: " + text);
        assertTrue(text.contains("\ncount (0x80001004), by address:\n        2    0.65  0x80001004  count+0x0\n"), text);
        assertFalse(text.contains("<0xa0001000> (0x"), "a region is not listed by address: " + text);
    }
}
