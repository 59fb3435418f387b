package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.MachineOptions.Core;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.testing.RepositorySources;

/**
 * Loops that are one block (the branch at the block's end is taken back to its first
 * instruction) run many times inside their compiled code per call from the dispatcher
 * ({@link BlockCore#loopedRuns}), and that changes nothing the machine shows: the clock (and
 * Count), the instruction counters, pc, npc and the delay-slot state, the registers and RAM are
 * the interpreter's, and the block core's without compilation, when the on-chip timer's
 * interrupt lands inside a run of iterations (at every offset of the loops, delay slots
 * included), when the instruction limit does, when the loop's store writes over its own code
 * or over code on another page, and when the machine is run in slices.
 */
public class SelfLoopTest {
    /** RAM of the machines. */
    static final int RAM = 1 << 20;

    /**
     * A kernel of loops that are one block each: BNE (a load in it, the timer's interrupt
     * counting in RAM), BGEZAL (linking every time round), J and JR (endless: the interrupt
     * handler leaves them by returning elsewhere), a BNE loop whose two stores write every 64th
     * time round over the instruction after the first (in the same block) and over a routine on
     * another page, and a BGTZ loop of loads and stores to data. The Count/Compare interrupt
     * comes every 997 cycles, a prime, so it lands at every offset of the loops; its handler
     * adds EPC and Cause.BD to a checksum ($s3), which is right only if each interrupt is
     * taken at the interpreter's instruction. Exit code: a checksum of the loops' results.
     * Uses only the trace card's EXIT, which an RMR-stack test monitor emulates.
     */
    public static final String SOURCE = String.join("\n",
            ".set noreorder",
            ".equ PERIOD, 997",
            ".section .vectors",
            ".org 0x80",                                  // general exception: only the timer's interrupt
            "  mfc0 $k0, $14",
            "  mfc0 $k1, $13",
            "  addu $s3, $s3, $k0",
            "  srl $k1, $k1, 31",
            "  sll $s3, $s3, 1",
            "  addu $s3, $s3, $k1",                        // checksum of EPC and BD
            "  lw $k1, 0($s6)",
            "  addiu $k1, $k1, 1",
            "  sw $k1, 0($s6)",                            // ticks++
            "  bne $k1, $s5, 1f",
            "  nop",
            "  beqz $s7, 1f",
            "  nop",
            "  move $k0, $s7",                             // the last tick of an endless loop: leave it
            "1: mfc0 $k1, $9",
            "  addiu $k1, $k1, PERIOD",
            "  mtc0 $k1, $11",                             // next interrupt; clears this one
            "  jr $k0",
            "  rfe",
            ".text",
            ".globl __start",
            "__start:",
            "  mtc0 $zero, $12",
            "  la $s6, ticks",
            "  move $s3, $zero",
            "  move $s7, $zero",
            "  li $s5, 40",
            "  mfc0 $t0, $9",
            "  addiu $t0, $t0, PERIOD",
            "  mtc0 $t0, $11",
            "  li $t0, 0x8001",                            // IM7 | IEc
            "  mtc0 $t0, $12",
            "  li $s0, 1",
            "  li $s1, 7",
            "  move $s2, $zero",
            "# BNE, until 40 interrupts",
            "1: addu $s0, $s0, $s1",
            "  sll $t0, $s0, 3",
            "  xor $s0, $s0, $t0",
            "  addiu $s1, $s1, 1",
            "  lw $t1, 0($s6)",
            "  bne $t1, $s5, 1b",
            "  addiu $s2, $s2, 1",
            "# BGEZAL, 3000 times",
            "  li $s4, 3000",
            "2: addiu $s0, $s0, 3",
            "  srl $t0, $s0, 5",
            "  xor $s0, $s0, $t0",
            "  addiu $s4, $s4, -1",
            "  bgezal $s4, 2b",
            "  nop",
            "# J, left by the handler 5 interrupts on",
            "  lw $t0, 0($s6)",
            "  addiu $s5, $t0, 5",
            "  la $s7, 3f",
            "4: addu $s0, $s0, $s2",
            "  addiu $s2, $s2, 1",
            "  j 4b",
            "  xor $s0, $s0, $s2",
            "# JR, left by the handler 5 interrupts on",
            "3: lw $t0, 0($s6)",
            "  addiu $s5, $t0, 5",
            "  la $s7, 5f",
            "  la $t9, 6f",
            "6: addiu $s0, $s0, 5",
            "  sll $t0, $s0, 1",
            "  jr $t9",
            "  xor $s0, $t0, $s2",
            "5: move $s7, $zero",
            "# BNE with stores over its own code and over patch's page",
            "  la $t5, 7f",
            "  la $t6, scratch",
            "  la $t7, patch",
            "  la $t8, scratch2",
            "  lui $t1, 0x2673",                           // addiu $s3, $s3, 0
            "  lui $s1, 0x2402",                           // addiu $v0, $zero, 0
            "  jal patch",                                 // decoded before the loop writes over it
            "  li $s4, 600",
            "  addu $s0, $s0, $v0",
            "8: andi $t2, $s4, 63",
            "  sltiu $t4, $t2, 1",
            "  subu $t4, $zero, $t4",                      // -1 when s4 % 64 == 0
            "  xor $t3, $t6, $t5",
            "  and $t3, $t3, $t4",
            "  xor $t3, $t3, $t6",                         // 7f then, else scratch
            "  andi $t2, $s4, 0xff",
            "  or $t0, $t1, $t2",
            "  sw $t0, 0($t3)",                            // addiu $s3, $s3, s4 & 0xff
            "7: addiu $s3, $s3, 0",
            "  andi $t2, $s4, 63",
            "  xori $t2, $t2, 32",
            "  sltiu $t4, $t2, 1",
            "  subu $t4, $zero, $t4",                      // -1 when s4 % 64 == 32
            "  xor $t3, $t8, $t7",
            "  and $t3, $t3, $t4",
            "  xor $t3, $t3, $t8",                         // patch then, else scratch2
            "  andi $t2, $s4, 0x7f",
            "  or $t0, $s1, $t2",
            "  sw $t0, 0($t3)",                            // addiu $v0, $zero, s4 & 0x7f
            "  addiu $s4, $s4, -1",
            "  bnez $s4, 8b",
            "  nop",
            "  jal patch",
            "  nop",
            "  addu $s0, $s0, $v0",
            "# BGTZ, loads and stores to data, 2000 times",
            "  la $t0, array",
            "  li $s4, 2000",
            "9: andi $t3, $s4, 60",
            "  addu $t3, $t3, $t0",
            "  lw $t2, 0($t3)",
            "  addu $s0, $s0, $t2",
            "  sw $s0, 0($t3)",
            "  addiu $s4, $s4, -1",
            "  bgtz $s4, 9b",
            "  nop",
            "  mtc0 $zero, $12",
            "  xor $a0, $s0, $s3",
            "  lw $t0, 0($s6)",
            "  addu $a0, $a0, $t0",
            "  andi $a0, $a0, 0xff",
            "  li $t8, 0xbffe001c",
            "  sw $a0, 0($t8)",                            // trace card: exit
            "1: b 1b",
            "  nop",
            ".align 12",
            "patch: addiu $v0, $zero, 7",
            "  jr $ra",
            "  nop",
            ".align 12",
            ".data",
            "ticks: .word 0",
            "scratch: .word 0",
            "scratch2: .word 0",
            "array: .space 64",
            "");

    /** {@link #SOURCE}, loaded on a machine. */
    public static Consumer<Machine> selfLoops() {
        ElfFile elf = assemble("self-loops", SOURCE);
        return m -> load(m, elf, "");
    }

    static ElfFile assemble(String name, String source) { return assemble(name, source, Endian.BIG); }

    static ElfFile assemble(String name, String source, Endian order) {
        try {
            Assembler.Options asm = Assembler.Options.defaults().withEndian(order).withIncludeResolver(IncludeResolver.files(List.of()));
            return ElfFile.parse(Assembler.assembleElf(source, name, asm), name);
        } catch (Exception e) {
            throw new AssertionError(name + " does not assemble", e);
        }
    }

    private static void load(Machine m, ElfFile elf, String args) {
        try {
            Boot.load(m, elf, args);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The block core: without compilation, compiling after the default 50 runs, from the second run. */
    enum Config {
        INTERP(-1), BLOCK_NO_JIT(0), BLOCK(50), BLOCK_EAGER(1);

        final int threshold;

        Config(int threshold) { this.threshold = threshold; }
    }

    static Machine machine(Config config, Consumer<Machine> setup, ByteArrayOutputStream console) {
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(config == Config.INTERP ? Core.INTERP : Core.BLOCK)
                .withConsole(console).withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
        if (config != Config.INTERP) {
            m.blockCore().configureJit(config.threshold > 0, Math.max(1, config.threshold));
            m.blockCore().configureRegions(false); // blocks compiled alone, so that their own loops run (RegionsTest: in regions)
        }
        setup.accept(m);
        return m;
    }

    /** A finished run: the machine and its state as text. */
    record Run(Machine m, String state) {
        BlockCore core() { return m.blockCore(); }
    }

    static Run run(Config config, Consumer<Machine> setup, long limit) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Machine m = machine(config, setup, console);
        m.run(limit);
        return new Run(m, MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1)));
    }

    /** Runs on every core configuration, which must agree; the runs, by configuration. */
    static Run[] assertSameOnEveryCore(String what, Consumer<Machine> setup, long limit) {
        Run[] runs = new Run[Config.values().length];
        for (Config c : Config.values()) {
            runs[c.ordinal()] = run(c, setup, limit);
            if (c != Config.INTERP) {
                assertEquals(runs[0].state(), runs[c.ordinal()].state(), what + ", limit " + limit + ": " + c + " disagrees");
            }
        }
        return runs;
    }

    static final long LIMIT = 2_000_000;

    @Test
    void selfLoopingBlocks_loopInsideCompiledCode_sameOnEveryCore() {
        Run[] runs = assertSameOnEveryCore("self-loops", selfLoops(), LIMIT);
        Machine interp = runs[Config.INTERP.ordinal()].m();
        assertEquals(PowerState.Reason.POWER_OFF, interp.power().reason(), runs[0].state());
        assertTrue(interp.cpu().executed() > 50_000, "ran only " + interp.cpu().executed());
        assertEquals(0, runs[Config.BLOCK_NO_JIT.ordinal()].core().compiledRuns());
        for (Config c : List.of(Config.BLOCK, Config.BLOCK_EAGER)) {
            BlockCore core = runs[c.ordinal()].core();
            // Thousands of iterations of each loop, an interrupt every 997 cycles: most runs of
            // the loops' blocks are made inside compiled code.
            assertTrue(core.loopedRuns() > 5_000, c + ": only " + core.loopedRuns() + " runs looped inside compiled code");
            assertTrue(core.compiledRuns() > core.loopedRuns(), c + ": compiledRuns counts the looped runs too");
            // 9 stores over the loop's own next instruction; the first of the 9 over patch's page
            // (the others find no decoded code there: patch runs again only after the loop).
            assertTrue(core.invalidations() >= 10, c + ": the code was rewritten only " + core.invalidations() + " times");
        }
    }

    /**
     * Without compilation a looping block goes back to the dispatcher after every run; so does
     * a compiled one when its budget holds no second run. The instruction limit lands at every
     * offset of every loop: a step of 2,003 (a prime) over the whole run.
     */
    @Test
    void instructionLimitInsideTheLoops_sameOnEveryCore() {
        long total = run(Config.INTERP, selfLoops(), LIMIT).m().cpu().executed();
        for (long limit = 1_001; limit < total; limit += 2_003) {
            Run[] runs = assertSameOnEveryCore("self-loops", selfLoops(), limit);
            assertEquals(limit, runs[Config.INTERP.ordinal()].m().cpu().executed(), "stopped at the limit");
        }
    }

    /**
     * Stopping at a limit in the middle of a looping run and going on from there is exact: the
     * block core run to ever larger limits (steps of 1,009 instructions, the machine kept on)
     * ends as the interpreter run in one go.
     */
    @Test
    void runInSlices_sameAsInOneGo() {
        Run whole = run(Config.INTERP, selfLoops(), LIMIT);
        for (Config c : List.of(Config.BLOCK_NO_JIT, Config.BLOCK, Config.BLOCK_EAGER)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Machine m = machine(c, selfLoops(), console);
            for (long limit = 1_009; m.power().isRunning() && limit < LIMIT; limit += 1_009) {
                m.blockCore().runUntil(limit);
                if (m.power().isRunning()) assertEquals(limit, m.cpu().executed(), c + ": stopped short of " + limit);
            }
            assertEquals(whole.state(), MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1)), c + ", in slices");
            if (c != Config.BLOCK_NO_JIT) assertTrue(m.blockCore().loopedRuns() > 0, c + ": no run looped inside compiled code");
        }
    }

    /**
     * The benchmark kernels whose loops are one block: compute's in user mode (through the TLB),
     * interrupt's in kernel mode with a timer interrupt every 200 cycles, to their end and
     * stopped by the limit in the middle of a run of iterations.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"compute, 3000", "interrupt, 200"})
    void benchmarkKernels_sameOnEveryCore(String kernel, int iterations) throws Exception {
        Path src = RepositorySources.root().resolve("guest-kernels/src/main/resources/kernels/" + kernel + ".s");
        ElfFile elf = assemble(src.toString(), Files.readString(src, StandardCharsets.UTF_8));
        Consumer<Machine> boot = m -> load(m, elf, kernel + " " + iterations);
        Run[] runs = assertSameOnEveryCore(kernel, boot, LIMIT);
        assertEquals(PowerState.Reason.POWER_OFF, runs[0].m().power().reason(), runs[0].state());
        assertTrue(runs[0].state().contains(" " + iterations + " "), runs[0].state());
        assertTrue(runs[Config.BLOCK.ordinal()].core().loopedRuns() > iterations / 2, "the loop ran inside compiled code");
        long total = runs[0].m().cpu().executed();
        for (long limit = total / 2 + 1; limit < total; limit += total / 7 + 3) assertSameOnEveryCore(kernel, boot, limit);
    }
}
