package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;

/**
 * Compiled code's loads and stores through the JitTlb (the RAM's words read and written at once
 * when the page's entry matches) do what the interpreter does: bytes and halfwords in both byte
 * orders, and never with a stale entry: after the ASID changes, after a page the entry allows
 * stores to gets decoded code, and for a store to a page that only loads were remembered for.
 */
class JitTlbTest {
    static final long LIMIT = 2_000_000;

    /** The exit: $a0 to the trace card's exit register (power off). */
    static final String EXIT = "  li $t8, 0xbffe001c\n  sw $a0, 0($t8)\n4: b 4b\n  nop\n";

    /** A general-exception handler that counts exceptions in $s4 and skips the instruction. */
    static final String SKIP = String.join("\n",
            ".set noreorder",
            ".section .vectors",
            "  j handler",
            "  nop",
            ".org 0x80",
            "handler:",
            "  mfc0 $k0, $14",
            "  addiu $s4, $s4, 1",
            "  addiu $k0, $k0, 4",
            "  jr $k0",
            "  rfe",
            "");

    static RegionsTest.Run run(String name, String source, Endian e, RegionsTest.Config c) {
        ElfFile elf = SelfLoopTest.assemble(name, source, e);
        return RegionsTest.run(c, LIMIT, e, m -> {
            try {
                Boot.load(m, elf, "");
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        });
    }

    /** Runs {@code source} on every core; asserts that they agree and the program powered off; the interpreter's run. */
    static RegionsTest.Run[] onEveryCore(String name, String source, Endian e) {
        RegionsTest.Run[] runs = new RegionsTest.Run[RegionsTest.Config.values().length];
        for (RegionsTest.Config c : RegionsTest.Config.values()) {
            runs[c.ordinal()] = run(name, source, e, c);
            assertEquals(PowerState.Reason.POWER_OFF, runs[c.ordinal()].m().power().reason(), c + ": " + runs[c.ordinal()].state());
            assertEquals(runs[0].state(), runs[c.ordinal()].state(), name + ", " + e + ": " + c + " disagrees with the interpreter");
        }
        return runs;
    }

    /** Bytes and halfwords stored and loaded at every offset of a buffer, mixed with words. */
    static final String SUBWORDS = String.join("\n",
            ".set noreorder",
            ".text",
            ".globl __start",
            "__start:",
            "  la $s6, buf",
            "  li $s4, 3000",
            "  li $s0, 0x9e3779b9",
            "2: andi $t0, $s4, 60",
            "  addu $t1, $s6, $t0",
            "  andi $t5, $s4, 3",
            "  addu $t6, $t1, $t5",
            "  sb $s0, 0($t6)",
            "  lb $t2, 0($t6)",
            "  addu $s0, $s0, $t2",
            "  lbu $t2, 1($t1)",
            "  xor $s0, $s0, $t2",
            "  andi $t7, $s4, 2",
            "  addu $t7, $t1, $t7",
            "  sh $s0, 0($t7)",
            "  lh $t2, 0($t7)",
            "  addu $s0, $s0, $t2",
            "  lhu $t2, 2($t1)",
            "  sll $t3, $s0, 5",
            "  xor $s0, $t3, $t2",
            "  lw $t2, 4($t1)",
            "  addu $s0, $s0, $t2",
            "  sw $s0, 8($t1)",
            "  addiu $s4, $s4, -1",
            "  bgtz $s4, 2b",
            "  nop",
            "  li $t0, 80",
            "  move $t1, $s6",
            "3: lw $t2, 0($t1)",
            "  addiu $t1, $t1, 4",
            "  addiu $t0, $t0, -4",
            "  bnez $t0, 3b",
            "  addu $s0, $s0, $t2",
            "  andi $a0, $s0, 0xff",
            EXIT,
            ".data",
            ".align 2",
            "buf: .word 0x01234567, 0x89abcdef, 0xdeadbeef, 0x0badf00d, 0x13579bdf, 0x2468ace0",
            ".space 80",
            "");

    @ParameterizedTest
    @EnumSource(names = {"BIG", "LITTLE"})
    void bytesAndHalfwords_bothByteOrders_sameOnEveryCore_foundInTheTable(Endian e) {
        RegionsTest.Run[] runs = onEveryCore("subwords", SUBWORDS, e);
        for (RegionsTest.Config c : new RegionsTest.Config[] {RegionsTest.Config.REGIONS, RegionsTest.Config.REGIONS_EAGER}) {
            RegionsTest.Run r = runs[c.ordinal()];
            assertTrue(r.core().compiledInstructions() > r.m().cpu().executed() / 2, c + ": little ran compiled");
            // 3000 iterations of 8 accesses to the buffer's page or two: each remembered once for
            // loads, once for stores (the helpers remember every access they make)
            assertTrue(r.core().jitTlbFills() <= 16, c + ": " + r.core().jitTlbFills() + " accesses missed the JitTlb");
        }
    }

    /**
     * A compiled loop fills a page with "addiu $v0, $v0, 1" (the page remembered for stores), the
     * page is called (decoded), then the same loop fills it with "addiu $v0, $v0, 2" and it is
     * called again: the second call runs the new code ($v0 = 62 + 2 * 62).
     */
    static final String CODE_OVER_STORES = String.join("\n",
            ".set noreorder",
            ".text",
            ".globl __start",
            "__start:",
            "  move $v0, $zero",
            "  li $a1, 0x24420001",                        // addiu $v0, $v0, 1
            "  jal fill",
            "  nop",
            "  jal fill",                                   // again: the loop compiled, the page remembered
            "  nop",
            "  la $t9, page",
            "  jalr $t9",
            "  nop",
            "  li $a1, 0x24420002",                        // addiu $v0, $v0, 2
            "  jal fill",
            "  nop",
            "  la $t9, page",
            "  jalr $t9",
            "  nop",
            "  move $a0, $v0",
            EXIT,
            "fill:",                                        // 62 words of $a1, then jr $ra; nop
            "  la $t0, page",
            "  li $t1, 62",
            "1: sw $a1, 0($t0)",
            "  addiu $t1, $t1, -1",
            "  bnez $t1, 1b",
            "  addiu $t0, $t0, 4",
            "  li $t2, 0x03e00008",                        // jr $ra
            "  sw $t2, 0($t0)",
            "  jr $ra",
            "  sw $zero, 4($t0)",                          // nop
            ".data",
            ".align 12",
            "page: .space 256",
            "");

    @Test
    void codeWrittenOnAPageRememberedForStores_theNewCodeRuns() {
        RegionsTest.Run[] runs = onEveryCore("code over stores", CODE_OVER_STORES, Endian.BIG);
        assertEquals(62 + 2 * 62, runs[0].m().cpu().reg(2), "$v0 on the interpreter");
        RegionsTest.Run eager = runs[RegionsTest.Config.REGIONS_EAGER.ordinal()];
        assertTrue(eager.core().invalidations() > 0, "the page's code was never dropped");
    }

    /**
     * The same kuseg page mapped under ASID 1 and ASID 2 onto two physical pages; a compiled loop
     * in kernel mode reads it under ASID 1, 2, then 1 again, and sums what it reads.
     */
    static final String TWO_ASIDS = String.join("\n",
            ".set noreorder",
            ".text",
            ".globl __start",
            "__start:",
            "  mtc0 $zero, $12",
            "  li $t0, 0x800c0000",                        // physical page 0xc0000
            "  li $t1, 0x11111111",
            "  sw $t1, 0($t0)",
            "  li $t0, 0x800c1000",                        // physical page 0xc1000
            "  li $t1, 0x22222222",
            "  sw $t1, 0($t0)",
            "  li $t0, 0x00400040",                        // VPN 0x400, ASID 1
            "  mtc0 $t0, $10",
            "  li $t0, 0x000c0600",                        // PFN 0xc0, D, V
            "  mtc0 $t0, $2",
            "  mtc0 $zero, $0",                            // TLB entry 0
            "  tlbwi",
            "  li $t0, 0x00400080",                        // VPN 0x400, ASID 2
            "  mtc0 $t0, $10",
            "  li $t0, 0x000c1600",                        // PFN 0xc1, D, V
            "  mtc0 $t0, $2",
            "  li $t0, 0x100",                             // TLB entry 1
            "  mtc0 $t0, $0",
            "  tlbwi",
            "  move $s0, $zero",
            "  li $s2, 3",
            "  li $s3, 0x40",                              // ASID 1
            "round:",
            "  mtc0 $s3, $10",
            "  li $s1, 200",
            "  li $t2, 0x00400000",
            "1: lw $t3, 0($t2)",
            "  addiu $s1, $s1, -1",
            "  bnez $s1, 1b",
            "  addu $s0, $s0, $t3",
            "  xori $s3, $s3, 0xc0",                       // ASID 1 <-> 2
            "  addiu $s2, $s2, -1",
            "  bnez $s2, round",
            "  nop",
            "  move $a0, $zero",
            EXIT,
            "");

    @Test
    void asidChanged_compiledLoadsReadTheNewMapping() {
        RegionsTest.Run[] runs = onEveryCore("two ASIDs", TWO_ASIDS, Endian.BIG);
        assertEquals(200 * (0x11111111 + 0x22222222 + 0x11111111), runs[0].m().cpu().reg(16), "$s0 on the interpreter");
    }

    /**
     * A page mapped valid but not dirty: a compiled loop loads from it, then another stores to it
     * 60 times; each store is a TLB modification exception (counted by the handler in $s4), and
     * the word is unchanged.
     */
    static final String CLEAN_PAGE = SKIP + String.join("\n",
            ".text",
            ".globl __start",
            "__start:",
            "  mtc0 $zero, $12",
            "  li $t0, 0x800c0000",
            "  li $t1, 0x5a5a5a5a",
            "  sw $t1, 0($t0)",
            "  li $t0, 0x00400000",                        // VPN 0x400, ASID 0
            "  mtc0 $t0, $10",
            "  li $t0, 0x000c0200",                        // PFN 0xc0, V, not D
            "  mtc0 $t0, $2",
            "  mtc0 $zero, $0",
            "  tlbwi",
            "  move $s4, $zero",
            "  move $s0, $zero",
            "  li $t2, 0x00400000",
            "  li $s1, 100",
            "1: lw $t3, 0($t2)",
            "  addiu $s1, $s1, -1",
            "  bnez $s1, 1b",
            "  addu $s0, $s0, $t3",
            "  li $s1, 60",
            "2: sw $s1, 0($t2)",
            "  addiu $s1, $s1, -1",
            "  bnez $s1, 2b",
            "  nop",
            "  lw $a0, 0($t2)",
            EXIT,
            "");

    @Test
    void storeToAPageRememberedOnlyForLoads_isATlbModification() {
        RegionsTest.Run[] runs = onEveryCore("clean page", CLEAN_PAGE, Endian.BIG);
        assertEquals(60, runs[0].m().cpu().reg(20), "TLB modification exceptions on the interpreter");
        assertEquals(0x5a5a5a5a, runs[0].m().cpu().reg(4), "the word after the stores");
    }
}
