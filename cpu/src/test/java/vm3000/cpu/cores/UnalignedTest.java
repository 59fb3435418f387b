package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;

/**
 * LWL, LWR, SWL and SWR run in compiled code (their fast paths): a loop of unaligned loads and
 * stores at every byte offset, in both byte orders, runs inside its compiled region, and leaves the
 * machine exactly as the interpreter does, when every 128th iteration the same instructions miss
 * the TLB (the exception taken from compiled code: EPC, Cause and BadVAddr go into the checksum),
 * read a device register, and write over an instruction of the loop itself; and when the
 * Count/Compare interrupt lands at every offset of the loop.
 */
class UnalignedTest {
    static final int RAM = 1 << 20;

    /** The loop; {@code L} and {@code R} are the offsets of the LWL/LWR (SWL/SWR) pair of an unaligned word. */
    static final String SOURCE = String.join("\n",
            ".set noreorder",
            ".equ PERIOD, 997",
            ".section .vectors",
            "  j handler",                                  // UTLB refill
            "  nop",
            ".org 0x80",
            "handler:",
            "  mfc0 $k0, $14",
            "  mfc0 $k1, $8",
            "  addu $s3, $s3, $k0",
            "  sll $s3, $s3, 1",
            "  addu $s3, $s3, $k1",
            "  mfc0 $k1, $13",
            "  addu $s3, $s3, $k1",
            "  andi $k1, $k1, 0x7c",
            "  bnez $k1, 1f",                               // a TLB miss: skip the instruction
            "  nop",
            "  mfc0 $k1, $9",                               // the timer: next interrupt
            "  addiu $k1, $k1, PERIOD",
            "  mtc0 $k1, $11",
            "  jr $k0",
            "  rfe",
            "1: addiu $k0, $k0, 4",
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
            "  li $t0, 0x8001",                             // IM7 | IEc
            "  mtc0 $t0, $12",
            "  la $s6, buf",
            "  li $s7, 0x00500001",                         // kuseg, never mapped
            "  li $s8, 0xbfff0200",                         // the mainboard's RAMSZ
            "  la $s5, patch",
            "  lui $s2, 0x2673",                            // addiu $s3, $s3, 0
            "  li $s0, 0x9e3779b9",
            "  li $s4, 4000",
            "2: andi $t0, $s4, 63",
            "  addu $t1, $s6, $t0",
            "  lwl $t2, L($t1)",                            // the unaligned word at $t1
            "  lwr $t2, R($t1)",
            "  addu $s0, $s0, $t2",
            "  lwr $t3, 1($t1)",                            // half merges, every offset
            "  lwl $t3, 2($t1)",
            "  xor $s0, $s0, $t3",
            "  sll $t4, $s0, 3",
            "  addu $t4, $t4, $s4",
            "  swl $t4, L+1($t1)",
            "  swr $t4, R+1($t1)",
            "  swr $s0, 2($t1)",
            "  swl $t3, 5($t1)",
            "  andi $t5, $s4, 127",
            "  bnez $t5, patch",
            "  nop",
            "  lwl $t6, 0($s7)",                            // TLB misses, skipped by the handler
            "  swr $t6, 2($s7)",
            "  lwl $t6, L($s8)",                            // a device register
            "  lwr $t6, R($s8)",
            "  addu $s0, $s0, $t6",
            "  andi $t7, $s4, 0xff",
            "  or $t7, $t7, $s2",
            "  swl $t7, L($s5)",                            // addiu $s3, $s3, $s4 & 0xff over patch
            "  swr $t7, R($s5)",
            "patch: addiu $s3, $s3, 0",
            "  addiu $s4, $s4, -1",
            "  bgtz $s4, 2b",
            "  nop",
            "  mtc0 $zero, $12",
            "  li $t0, 72",
            "  move $t1, $s6",
            "3: lw $t2, 0($t1)",                            // the buffer into the checksum
            "  addiu $t1, $t1, 4",
            "  addiu $t0, $t0, -4",
            "  bnez $t0, 3b",
            "  addu $s0, $s0, $t2",
            "  xor $a0, $s0, $s3",
            "  srl $t0, $a0, 8",
            "  xor $a0, $a0, $t0",
            "  andi $a0, $a0, 0xff",
            "  li $t8, 0xbffe001c",
            "  sw $a0, 0($t8)",                             // trace card: exit
            "4: b 4b",
            "  nop",
            ".data",
            ".align 2",
            "buf: .word 0x01234567, 0x89abcdef, 0xdeadbeef, 0x0badf00d, 0x13579bdf, 0x2468ace0",
            ".space 48",
            "");

    static ElfFile assemble(Endian e) {
        String source = SOURCE.replace("L+1(", (e == Endian.BIG ? 1 : 4) + "(").replace("R+1(", (e == Endian.BIG ? 4 : 1) + "(")
                .replace(" L(", e == Endian.BIG ? " 0(" : " 3(").replace(" R(", e == Endian.BIG ? " 3(" : " 0(");
        return SelfLoopTest.assemble("unaligned", source, e);
    }

    static RegionsTest.Run run(Endian e, RegionsTest.Config c, long limit) {
        ElfFile elf = assemble(e);
        return RegionsTest.run(c, limit, e, m -> {
            try {
                Boot.load(m, elf, "");
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        });
    }

    static final long LIMIT = 2_000_000;

    @ParameterizedTest
    @EnumSource(names = {"BIG", "LITTLE"})
    void unalignedLoadsAndStores_runCompiled_sameOnEveryCore(Endian e) {
        RegionsTest.Run interp = run(e, RegionsTest.Config.INTERP, LIMIT);
        assertEquals(PowerState.Reason.POWER_OFF, interp.m().power().reason(), interp.state());
        assertTrue(interp.m().cpu().executed() > 80_000, "ran only " + interp.m().cpu().executed());
        assertTrue(interp.m().counters().report().contains("TLBL"), "no TLB miss taken: " + interp.m().counters().report());
        for (RegionsTest.Config c : new RegionsTest.Config[] {RegionsTest.Config.BLOCKS, RegionsTest.Config.REGIONS,
                RegionsTest.Config.REGIONS_EAGER}) {
            RegionsTest.Run r = run(e, c, LIMIT);
            assertEquals(interp.state(), r.state(), e + ", " + c + " disagrees with the interpreter");
            long compiled = r.core().compiledInstructions(), all = r.m().cpu().executed();
            assertTrue(compiled > all / 2, c + ": compiled code retired only " + compiled + " of " + all + " instructions");
            if (c != RegionsTest.Config.BLOCKS) {
                // the whole loop is one region: iteration after iteration without the dispatcher
                long inside = r.core().regionInstructions(), runs = r.core().regionRuns();
                assertTrue(inside > 20_000 && inside > 30 * runs, c + ": " + runs + " region runs for " + inside
                        + " instructions inside regions");
                assertTrue(r.core().invalidations() >= 25, c + ": the loop was rewritten only " + r.core().invalidations() + " times");
            }
        }
    }

    /** The instruction limit at every offset of the loop: a step of 997 + 2 over the whole run. */
    @ParameterizedTest
    @EnumSource(names = {"BIG", "LITTLE"})
    void instructionLimitInsideTheLoop_sameOnEveryCore(Endian e) {
        long total = run(e, RegionsTest.Config.INTERP, LIMIT).m().cpu().executed();
        for (long limit = 1_001; limit < total; limit += 9_973) {
            String interp = run(e, RegionsTest.Config.INTERP, limit).state();
            for (RegionsTest.Config c : new RegionsTest.Config[] {RegionsTest.Config.BLOCKS, RegionsTest.Config.REGIONS_EAGER})
                assertEquals(interp, run(e, c, limit).state(), e + ", limit " + limit + ": " + c + " disagrees");
        }
    }
}
