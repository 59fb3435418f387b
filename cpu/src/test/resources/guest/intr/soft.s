# intr/soft: software interrupts. Writing Cause.IP0 with IM0 and IEc set takes an Int before the
# next instruction, with IP0 in Cause; IP1 with only IM0 enabled is not taken but reads back in
# Cause; writing Cause clears them. Enabled by an mtc0 in a delay slot, the interrupt is taken
# before the branch target (EPC = the target); pending before a branch, before the branch (EPC =
# the branch, BD = 0), whose slot then runs once after the return.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $t0, 0x0101             # IM0, IEc
        mtc0    $t0, $12
        li      $t0, 0x0100
        mtc0    $t0, $13                # IP0: taken
f_next: nop
        li      $t0, 0x0200
        mtc0    $t0, $13                # IP1 (IP0 cleared)
        li      $t0, 0x0101
        mtc0    $t0, $12                # IM0 only: IP1 masked
        nop
        mfc0    $s1, $13
        mtc0    $zero, $13
        mfc0    $s2, $13
        mtc0    $zero, $12
        li      $s0, LOG + 0*32
        la      $a0, m_n
        li      $a2, 1
        jal     cnexc
        li      $a3, 1
        la      $a0, m_code
        li      $a2, 0
        jal     ccode
        li      $a3, 2
        la      $a0, m_ip
        lw      $a1, E_CAUSE($s0)
        andi    $a1, $a1, 0xff00
        li      $a2, 0x0100
        jal     check
        li      $a3, 3
        la      $a0, m_epc
        la      $a2, f_next
        jal     cepc
        li      $a3, 4
        la      $a0, m_ip1
        andi    $a1, $s1, 0xff00
        li      $a2, 0x0200
        jal     check
        li      $a3, 5
        la      $a0, m_clr
        andi    $a1, $s2, 0xff00
        li      $a2, 0
        jal     check
        li      $a3, 6

        li      $s3, 0                  # Int before a delay-slot instruction
        li      $t0, 0x0100
        mtc0    $t0, $13                # IP0 pending, masked by IEc = 0
        li      $t1, 0x0101
f_br:   beq     $zero, $zero, 1f        # slot enables interrupts; the taken branch's
        mtc0    $t1, $12                # target is not in a slot: taken before it
1:      addiu   $s3, $s3, 1
        mtc0    $zero, $13
        li      $s0, LOG + 1*32
        la      $a0, m_tgt
        la      $a2, 1b
        jal     cepc
        li      $a3, 7
        mtc0    $zero, $12
        li      $t0, 0x0100
        mtc0    $t0, $13                # again, now with IEc set by the instruction before the branch
        li      $s3, 0
        li      $t1, 0x0101
        mtc0    $t1, $12
f_br2:  bne     $zero, $zero, 2f        # Int taken before this branch: EPC = it, BD = 0
        addiu   $s3, $s3, 1             # the slot runs once, after the return
2:      mtc0    $zero, $13
        mtc0    $zero, $12
        li      $s0, LOG + 2*32
        la      $a0, m_br
        la      $a2, f_br2
        jal     cepc
        li      $a3, 8
        la      $a0, m_slot
        move    $a1, $s3
        li      $a2, 1
        jal     check
        li      $a3, 9
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "IP0 with IM0 and IEc: one interrupt"
m_code: .asciiz "IP0: ExcCode 0 (Int)"
m_ip:   .asciiz "IP0: Cause.IP = IP0"
m_epc:  .asciiz "IP0: EPC = the next instruction"
m_ip1:  .asciiz "IP1 masked: reads back in Cause"
m_clr:  .asciiz "writing Cause clears IP1"
m_tgt:  .asciiz "enabled in a slot: EPC = the branch target"
m_br:   .asciiz "pending before a branch: EPC = the branch"
m_slot: .asciiz "the branch's slot ran once"
