package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.MachineOptions.Core;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Loops of several blocks run inside one compiled region (RegionCompiler), a loop entered at two
 * of its blocks included: block after block
 * without the dispatcher (many instructions a region run: {@link BlockCore#regionInstructions}), and nothing the machine shows changes:
 * the clock, the counters, pc, npc and the delay-slot state, the registers and RAM are the
 * interpreter's, and the block core's with blocks compiled alone, when the timer's interrupt
 * lands at every offset of the loops, when the instruction limit does, when a loop writes over
 * an instruction of another block of its own region, and when the same physical page is entered
 * at another virtual address, where a J that the region followed inside the page leaves it.
 */
class RegionsTest {
    static final int RAM = 1 << 20;

    /**
     * The start of a kernel-mode test program: the Count/Compare interrupt every {@code period}
     * cycles, whose handler adds EPC and Cause.BD to the checksum ($s3) and sets the next one;
     * then {@code __start}, which clears the checksum and turns the interrupt on. The program goes
     * on after it in .text.
     */
    static String timerPrelude(int period) {
        return String.join("\n",
                ".set noreorder",
                ".equ PERIOD, " + period,
                ".section .vectors",
                ".org 0x80",
                "  mfc0 $k0, $14",
                "  mfc0 $k1, $13",
                "  addu $s3, $s3, $k0",
                "  srl $k1, $k1, 31",
                "  sll $s3, $s3, 1",
                "  addu $s3, $s3, $k1",
                "  mfc0 $k1, $9",
                "  addiu $k1, $k1, PERIOD",
                "  mtc0 $k1, $11",
                "  jr $k0",
                "  rfe",
                ".text",
                ".globl __start",
                "__start:",
                "  mtc0 $zero, $12",
                "  move $s3, $zero",
                "  mfc0 $t0, $9",
                "  addiu $t0, $t0, PERIOD",
                "  mtc0 $t0, $11",
                "  li $t0, 0x8001",                        // IM7 | IEc
                "  mtc0 $t0, $12");
    }

    /**
     * Loops of several blocks in kernel mode: an if/else in a loop (with a load and a store), a
     * nested loop, a loop entered both at its top and in its middle, a loop closed by J with a conditional exit, a loop whose store writes every
     * 16th time round over an instruction of a later block of the same loop; then a routine with a
     * J loop on a page of its own, called at its kseg0 address, then through two kuseg aliases of
     * its physical page (the routine's J, assembled for kseg0, goes to the other alias); BGEZAL
     * links put the virtual pcs into the checksum. The Count/Compare interrupt every 991 cycles (a
     * prime) lands at every offset; its handler adds EPC and Cause.BD to the checksum ($s3).
     */
    static final String SOURCE = String.join("\n",
            timerPrelude(991),
            "  la $s6, array",
            "  li $s0, 1",
            "# if/else in a loop, 3000 times",
            "  li $s4, 3000",
            "1: andi $t1, $s4, 60",
            "  addu $t1, $t1, $s6",
            "  andi $t0, $s4, 3",
            "  beqz $t0, 2f",
            "  lw $t2, 0($t1)",
            "  addu $s0, $s0, $t2",
            "  b 3f",
            "  sll $t3, $s0, 2",
            "2: xor $s0, $s0, $s4",
            "  sw $s0, 0($t1)",
            "  srl $t3, $s0, 3",
            "3: addu $s0, $s0, $t3",
            "  addiu $s4, $s4, -1",
            "  bgtz $s4, 1b",
            "  nop",
            "# nested loops, 60 x 25",
            "  li $s4, 60",
            "4: li $s5, 25",
            "5: addiu $s0, $s0, 7",
            "  addiu $s5, $s5, -1",
            "  bnez $s5, 5b",
            "  xor $s0, $s0, $s5",
            "  addiu $s4, $s4, -1",
            "  bnez $s4, 4b",
            "  sll $t0, $s0, 1",
            "# a loop entered at its top and in its middle (irreducible: RegionLoops makes one way in leave the region)",
            "  li $s5, 300",
            "15: andi $t0, $s5, 1",
            "  bnez $t0, 17f",                             // odd: by the outer part into the middle
            "  li $s4, 5",
            "16: addiu $s0, $s0, 3",                       // the loop's top
            "  xor $s0, $s0, $s4",
            "18: addiu $s4, $s4, -1",                      // its middle
            "  bgtz $s4, 16b",
            "  sll $t1, $s0, 2",
            "17: addu $s0, $s0, $t1",                      // the outer part
            "  addiu $s5, $s5, -1",
            "  andi $t0, $s5, 3",
            "  bnez $t0, 18b",                             // back into the middle
            "  li $s4, 3",
            "  bnez $s5, 15b",
            "  nop",
            "# J loop with an exit, 2000 times",
            "  li $s4, 2000",
            "6: addiu $s4, $s4, -1",
            "  beqz $s4, 7f",
            "  addu $s0, $s0, $s4",
            "  srl $t0, $s0, 7",
            "  j 6b",
            "  xor $s0, $s0, $t0",
            "# a loop that writes over an instruction of its later block",
            "7: la $t5, 9f",
            "  lui $t6, 0x2673",                           // addiu $s3, $s3, 0
            "  li $s4, 400",
            "8: andi $t0, $s4, 15",
            "  bnez $t0, 9f",
            "  andi $t2, $s4, 0xff",
            "  or $t2, $t6, $t2",
            "  sw $t2, 0($t5)",                            // addiu $s3, $s3, s4 & 0xff
            "9: addiu $s3, $s3, 0",
            "  addiu $s4, $s4, -1",
            "  bnez $s4, 8b",
            "  addu $s0, $s0, $s3",
            "# the routine at kseg0, and at two kuseg aliases of its page",
            "  la $s7, routine",
            "  li $t0, 0x1fffffff",
            "  and $s5, $s7, $t0",                         // physical address = kuseg alias A
            "  srl $t1, $s5, 12",
            "  sll $t1, $t1, 12",
            "  ori $t2, $t1, 0x700",                       // EntryLo: PFN | D | V | G
            "  mtc0 $t2, $2",
            "  mtc0 $t1, $10",                             // EntryHi: alias A's page
            "  mtc0 $zero, $0",
            "  tlbwi",
            "  mtc0 $t2, $2",
            "  li $t3, 0x00400000",
            "  mtc0 $t3, $10",                             // EntryHi: alias B's page
            "  li $t4, 0x100",
            "  mtc0 $t4, $0",
            "  tlbwi",
            "  subu $t4, $s5, $t1",
            "  addu $s2, $t3, $t4",                        // alias B of routine
            "  li $s4, 30",
            "10: jalr $s7",                                 // kseg0
            "  nop",
            "  jalr $s5",                                  // alias A
            "  nop",
            "  jalr $s2",                                  // alias B: its J goes to alias A
            "  nop",
            "  addiu $s4, $s4, -1",
            "  bnez $s4, 10b",
            "  nop",
            "  mtc0 $zero, $12",
            "  xor $a0, $s0, $s3",
            "  srl $t0, $a0, 8",
            "  xor $a0, $a0, $t0",
            "  andi $a0, $a0, 0xff",
            "  li $t8, 0xbffe001c",
            "  sw $a0, 0($t8)",                            // trace card: exit
            "11: b 11b",
            "  nop",
            ".align 12",
            "routine:",
            "  move $t7, $ra",
            "  li $t0, 12",
            "12: bgezal $zero, 13f",                       // links the virtual pc
            "  nop",
            "13: addu $s3, $s3, $ra",
            "  addiu $t0, $t0, -1",
            "  bnez $t0, 14f",
            "  nop",
            "  jr $t7",
            "  nop",
            "14: j 12b",
            "  sll $s3, $s3, 1",
            ".align 12",
            ".data",
            "array: .space 64",
            "");

    static Consumer<Machine> program() {
        ElfFile elf = SelfLoopTest.assemble("regions", SOURCE);
        return m -> {
            try {
                Boot.load(m, elf, "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    /** The cores compared: the interpreter, blocks compiled alone, regions at 50 runs, regions from the second run. */
    enum Config { INTERP, BLOCKS, REGIONS, REGIONS_EAGER }

    record Run(Machine m, String state) {
        BlockCore core() { return m.blockCore(); }
    }

    static Run run(Config c, long limit) { return run(c, limit, Endian.BIG, program()); }

    /** {@code program} loaded on a machine of byte order {@code e} with core {@code c}, run to {@code limit}. */
    static Run run(Config c, long limit, Endian e, Consumer<Machine> program) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withEndian(e)
                .withCore(c == Config.INTERP ? Core.INTERP : Core.BLOCK)
                .withConsole(console).withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
        if (c != Config.INTERP) {
            m.blockCore().configureJit(true, c == Config.REGIONS_EAGER ? 1 : 50);
            m.blockCore().configureRegions(c != Config.BLOCKS);
        }
        program.accept(m);
        m.run(limit);
        return new Run(m, MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1)));
    }

    static Run[] assertSameOnEveryCore(long limit) {
        Run[] runs = new Run[Config.values().length];
        for (Config c : Config.values()) {
            runs[c.ordinal()] = run(c, limit);
            assertEquals(runs[0].state(), runs[c.ordinal()].state(), "limit " + limit + ": " + c + " disagrees");
        }
        return runs;
    }

    static final long LIMIT = 2_000_000;

    @Test
    void loopsOfSeveralBlocks_runInsideTheirRegion_sameOnEveryCore() {
        Run[] runs = assertSameOnEveryCore(LIMIT);
        Machine interp = runs[Config.INTERP.ordinal()].m();
        assertEquals(PowerState.Reason.POWER_OFF, interp.power().reason(), runs[0].state());
        assertTrue(interp.cpu().executed() > 50_000, "ran only " + interp.cpu().executed());
        assertEquals(0, runs[Config.BLOCKS.ordinal()].core().regionRuns(), "regions with regions off");
        for (Config c : new Config[] {Config.REGIONS, Config.REGIONS_EAGER}) {
            BlockCore core = runs[c.ordinal()].core();
            // thousands of iterations of loops of 2 to 4 blocks, an interrupt every 991 cycles
            // (a region that left at every jump would retire one block, a few instructions, a run)
            assertTrue(core.regionInstructions() > 40_000, c + ": only " + core.regionInstructions() + " instructions inside regions");
            assertTrue(core.regionInstructions() > 30 * core.regionRuns(), c + ": " + core.regionRuns() + " region runs for "
                    + core.regionInstructions() + " instructions inside them");
            assertTrue(core.invalidations() >= 25, c + ": the loop's code was rewritten only " + core.invalidations() + " times");
        }
    }

    /** The instruction limit at every offset of every loop: a step of 1,999 (a prime) over the whole run. */
    @Test
    void instructionLimitInsideTheLoops_sameOnEveryCore() {
        long total = run(Config.INTERP, LIMIT).m().cpu().executed();
        for (long limit = 1_003; limit < total; limit += 1_999) {
            Run[] runs = assertSameOnEveryCore(limit);
            assertEquals(limit, runs[Config.INTERP.ordinal()].m().cpu().executed(), "stopped at the limit");
        }
    }

    /** Run in slices of 1,013 instructions, the machine kept on: as the interpreter in one go. */
    @Test
    void runInSlices_sameAsInOneGo() {
        Run whole = run(Config.INTERP, LIMIT);
        for (Config c : new Config[] {Config.REGIONS, Config.REGIONS_EAGER}) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(Core.BLOCK).withConsole(console)
                    .withMessages(new PrintStream(OutputStream.nullOutputStream()));
            Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
            m.blockCore().configureJit(true, c == Config.REGIONS_EAGER ? 1 : 50);
            program().accept(m);
            for (long limit = 1_013; m.power().isRunning() && limit < LIMIT; limit += 1_013) {
                m.blockCore().runUntil(limit);
                if (m.power().isRunning()) assertEquals(limit, m.cpu().executed(), c + ": stopped short of " + limit);
            }
            assertEquals(whole.state(), MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1)), c + ", in slices");
            assertTrue(m.blockCore().regionInstructions() > 10 * m.blockCore().regionRuns(), c + ": "
                    + m.blockCore().regionRuns() + " region runs for " + m.blockCore().regionInstructions() + " instructions");
        }
    }
}
