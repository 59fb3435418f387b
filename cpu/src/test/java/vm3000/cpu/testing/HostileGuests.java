package vm3000.cpu.testing;

import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.elf.ElfFile;

/**
 * A hostile guest kernel: it tries to make the host use memory and time that the machine's
 * configuration does not account for. It needs 16 MiB of RAM and System/161's sample slot table
 * (serial console in slot 0, timer in 29, trace in 30), and it never stops by itself: a run ends
 * at the instruction limit, or with exit code 0x100 + ExcCode·4 if an exception it does not expect
 * shows that the guest itself is wrong.
 *
 * <p>Its kernel writes a code sled over physical 4..12 MiB (a {@code jr $ra} at the end of every
 * page, and of every 256 bytes in the first 4 MiB, the rest zero: {@code nop}s), maps all of kuseg
 * one to one onto physical memory from its refill handler, and runs a user-mode loop whose every
 * iteration a xorshift generator seeded with {@code seed} steers:
 * <ul>
 *   <li>code spraying: a call to a random word of the sled's first 4 MiB, or to the end of a
 *       random page of all of it, so that the block core decodes a block at every entry point;</li>
 *   <li>self-modifying code: a random word of the sled's first 64 KiB that is not a {@code jr} is
 *       rewritten as an {@code addiu} and called, then rewritten again under the block just
 *       decoded there and called again;</li>
 *   <li>device floods, through a system call whose handler stores to a device register on every
 *       cycle, 1..64 times: the timer card's countdown, CP0 Compare and Count, the console's
 *       character register (without waiting, so most characters are dropped), the timer's
 *       speaker, the trace card's state dump and its code print.</li>
 * </ul>
 * Interrupts stay off, so the floods never reach the guest: what they exercise is the host.
 */
public final class HostileGuests {
    private HostileGuests() {}

    /** The RAM the guest expects. */
    public static final int RAM = 16 << 20;

    /** The guest's source for {@code seed}. */
    public static String source(long seed) {
        int s = (int) (seed * 0x9E3779B9L) | 1;
        return SOURCE.replace("@SEED@", "0x" + Integer.toHexString(s));
    }

    /** The guest for {@code seed}, assembled. */
    public static ElfFile image(long seed) {
        String src = source(seed);
        try {
            return ElfFile.parse(Assembler.assembleElf(src, "hostile.s", Assembler.Options.defaults()), "hostile.s");
        } catch (BadInputException e) {
            throw new AssertionError("the hostile guest does not assemble", e);
        }
    }

    private static final String SOURCE = String.join("\n",
            "        .set    noreorder",
            "        .equ    SERIAL, 0xbfe00000",
            "        .equ    TIMER, 0xbffd0000",
            "        .equ    TRACE, 0xbffe0000",
            "        .equ    JR_RA, 0x03e00008",
            "",
            "        .section .vectors",
            "utlb:   mfc0    $k0, $8                 # BadVAddr: map its page one to one, dirty and valid",
            "        srl     $k0, $k0, 12",
            "        sll     $k0, $k0, 12",
            "        ori     $k0, $k0, 0x600",
            "        mtc0    $k0, $2",
            "        tlbwr",
            "        mfc0    $k1, $14",
            "        jr      $k1",
            "        rfe",
            "        .org    0x80",
            "        j       general",
            "        nop",
            "",
            "        .text",
            "        .globl  __start",
            "__start:",
            "        mtc0    $zero, $12              # BEV off, kernel mode, interrupts off",
            "        li      $t2, JR_RA",
            "        li      $t0, 0x80400000         # the first 4 MiB: a return every 256 bytes",
            "        li      $t1, 0x80800000",
            "1:      sw      $t2, 248($t0)",
            "        addiu   $t0, $t0, 256",
            "        bne     $t0, $t1, 1b",
            "        nop",
            "        li      $t1, 0x80c00000         # the rest: a return at every page end",
            "2:      sw      $t2, 0xff8($t0)",
            "        addiu   $t0, $t0, 0x1000",
            "        bne     $t0, $t1, 2b",
            "        nop",
            "        li      $s0, @SEED@",
            "        li      $s1, 0x00400000         # the sled in kuseg",
            "        la      $k0, uloop",
            "        lui     $k1, 0x8000",
            "        subu    $k0, $k0, $k1           # its kuseg address: the same physical page",
            "        li      $t0, 0x8                # KUp = 1, IEp = 0: user mode, interrupts off",
            "        mtc0    $t0, $12",
            "        jr      $k0",
            "        rfe",
            "",
            "general:",
            "        mfc0    $k0, $13",
            "        andi    $k0, $k0, 0x7c",
            "        li      $k1, 0x20               # Sys",
            "        bne     $k0, $k1, fatal",
            "        nop",
            "        li      $t8, TIMER",
            "        li      $t9, TRACE",
            "        beq     $v0, $zero, countdown",
            "        addiu   $v0, $v0, -1",
            "        beq     $v0, $zero, compare",
            "        addiu   $v0, $v0, -1",
            "        beq     $v0, $zero, console",
            "        addiu   $v0, $v0, -1",
            "        beq     $v0, $zero, beep",
            "        addiu   $v0, $v0, -1",
            "        beq     $v0, $zero, dump",
            "        nop",
            "print:  sw      $a0, 8($t9)",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, print",
            "        nop",
            "        b       done",
            "        nop",
            "countdown:",
            "        sw      $a1, 8($t8)             # RESTART",
            "3:      sw      $a0, 0x10($t8)          # COUNTDOWN, every cycle",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, 3b",
            "        nop",
            "        b       done",
            "        nop",
            "compare:",
            "4:      mtc0    $a1, $11                # Compare",
            "        mtc0    $a0, $9                 # Count",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, 4b",
            "        addu    $a1, $a1, $a0",
            "        b       done",
            "        nop",
            "console:",
            "        li      $t8, SERIAL",
            "5:      sw      $a1, 0($t8)             # CHAR, without waiting for the card",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, 5b",
            "        addiu   $a1, $a1, 1",
            "        b       done",
            "        nop",
            "beep:",
            "6:      sw      $a0, 0x14($t8)          # the speaker: a BEL on the console",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, 6b",
            "        nop",
            "        b       done",
            "        nop",
            "dump:",
            "7:      sw      $a0, 0xc($t9)           # a state dump",
            "        addiu   $a0, $a0, -1",
            "        bgtz    $a0, 7b",
            "        nop",
            "done:   mfc0    $k1, $14",
            "        addiu   $k1, $k1, 4",
            "        jr      $k1",
            "        rfe",
            "fatal:  li      $k1, TRACE",
            "        ori     $k0, $k0, 0x100",
            "        sw      $k0, 0x1c($k1)          # EXIT: the guest itself is wrong",
            "9:      b       9b",
            "        nop",
            "",
            "        .align  4",
            "uloop:  sll     $t0, $s0, 13            # xorshift32",
            "        xor     $s0, $s0, $t0",
            "        srl     $t0, $s0, 17",
            "        xor     $s0, $s0, $t0",
            "        sll     $t0, $s0, 5",
            "        xor     $s0, $s0, $t0",
            "        andi    $t1, $s0, 15",
            "        srl     $t2, $s0, 4",
            "        sltiu   $t3, $t1, 9",
            "        bnez    $t3, dense",
            "        sltiu   $t3, $t1, 11",
            "        bnez    $t3, pages",
            "        sltiu   $t3, $t1, 13",
            "        bnez    $t3, rewrite",
            "        nop",
            "        srl     $v0, $s0, 8             # a device flood: action 0..5, 1..64 stores",
            "        andi    $v0, $v0, 7",
            "        sltiu   $t3, $v0, 6",
            "        bnez    $t3, 8f",
            "        nop",
            "        addiu   $v0, $v0, -2",
            "8:      srl     $a0, $s0, 12",
            "        andi    $a0, $a0, 63",
            "        addiu   $a0, $a0, 1",
            "        srl     $a1, $s0, 20",
            "        syscall",
            "        b       uloop",
            "        nop",
            "dense:  li      $t3, 0x3ffffc           # a word of the first 4 MiB",
            "        and     $t2, $t2, $t3",
            "        addu    $t4, $s1, $t2",
            "        jalr    $t4",
            "        nop",
            "        b       uloop",
            "        nop",
            "pages:  li      $t3, 0x7ff000           # the end of a page of all 8 MiB",
            "        and     $t2, $t2, $t3",
            "        addu    $t4, $s1, $t2",
            "        addiu   $t4, $t4, 0xff8",
            "        jalr    $t4",
            "        nop",
            "        b       uloop",
            "        nop",
            "rewrite:",
            "        li      $t3, 0xfffc             # a word of the first 64 KiB",
            "        and     $t2, $t2, $t3",
            "        addu    $t4, $s1, $t2",
            "        lw      $t5, 0($t4)",
            "        li      $t6, JR_RA",
            "        beq     $t5, $t6, uloop         # never a return: the sled must come back",
            "        nop",
            "        lui     $t5, 0x2508             # addiu $t0, $t0, imm",
            "        andi    $t6, $s0, 0x7fff",
            "        or      $t5, $t5, $t6",
            "        sw      $t5, 0($t4)",
            "        jalr    $t4",
            "        nop",
            "        addiu   $t5, $t5, 1             # again, over the block just run",
            "        sw      $t5, 0($t4)",
            "        jalr    $t4",
            "        nop",
            "        b       uloop",
            "        nop",
            "");
}
