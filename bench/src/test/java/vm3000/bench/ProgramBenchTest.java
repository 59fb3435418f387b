package vm3000.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.asm.Assembler;

/** ProgramBench's operation: a whole run of the image on a fresh machine, checked to end cleanly. */
class ProgramBenchTest {
    /** A loop of 5,000 iterations, then the trace card's exit with code {@code exit}. */
    private static String program(int exit) {
        return String.join("\n",
                ".set noreorder",
                ".text",
                ".globl __start",
                "__start:",
                "  li $t1, 5000",
                "1: addiu $t1, $t1, -1",
                "  bne $t1, $zero, 1b",
                "  nop",
                "  li $a0, " + exit,
                "  li $t8, 0xbffe001c",
                "  sw $a0, 0($t8)",
                "2: b 2b",
                "  nop",
                "");
    }

    private static ProgramBench bench(Path dir, int exit) throws Exception {
        Path elf = dir.resolve("loop-" + exit + ".elf");
        Files.write(elf, Assembler.assembleElf(program(exit), elf.toString(), Assembler.Options.defaults()));
        ProgramBench b = new ProgramBench();
        b.image = elf.toString();
        b.setUp();
        return b;
    }

    @Test
    void run_isTheWholeProgram_onAFreshMachineEachTime(@TempDir Path dir) throws Exception {
        ProgramBench b = bench(dir, 0);
        long first = b.run();
        assertTrue(first > 3 * 5_000, "ran only " + first + " instructions");
        assertEquals(first, b.run(), "a second run, on a new machine, ran another count");
    }

    @Test
    void run_failsOnAnExitCodeOtherThanZero(@TempDir Path dir) throws Exception {
        ProgramBench b = bench(dir, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::run);
        assertTrue(e.getMessage().contains("exit 3"), e.getMessage());
    }

    @Test
    void setUp_saysWhichImageIsMissing(@TempDir Path dir) {
        ProgramBench b = new ProgramBench();
        b.image = dir.resolve("none.elf").toString();
        IllegalStateException e = assertThrows(IllegalStateException.class, b::setUp);
        assertTrue(e.getMessage().endsWith("none.elf: no such file"), e.getMessage());
    }
}
