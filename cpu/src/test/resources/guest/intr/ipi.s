# intr/ipi: the mainboard's inter-processor interrupt register (CIPI of CPU 0's region) drives
# hardware interrupt 1, Cause.IP3, as on System/161: any nonzero write raises it, 0 lowers it,
# and the bus's interrupt enables (IRQE, CIRQE) do not gate it. With IM3 and IEc set it is
# taken at the next instruction.
        .include "../lib/harness.s"
        .equ    CIPI, 0xbfff8004        # slot 31, CPU 0's region, offset 4
        .equ    IRQE, 0xbfff7e0c        # the controller's own IRQE register
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s0, CIPI
        li      $t0, IRQE
        sw      $zero, 0($t0)           # every slot's line disabled
        li      $t0, 5
        sw      $t0, 0($s0)
        mfc0    $s1, $13
        lw      $s2, 0($s0)
        sw      $zero, 0($s0)
        mfc0    $s3, $13
        la      $a0, m_raise
        andi    $a1, $s1, 0xff00
        li      $a2, 0x0800
        jal     check
        li      $a3, 1
        la      $a0, m_read
        move    $a1, $s2
        li      $a2, -1
        jal     check
        li      $a3, 2
        la      $a0, m_lower
        andi    $a1, $s3, 0x0800
        li      $a2, 0
        jal     check
        li      $a3, 3

        li      $t0, 0x0801             # IM3, IEc
        mtc0    $t0, $12
        li      $t0, 1
        sw      $t0, 0($s0)             # taken before the next instruction
f_next: nop
        mtc0    $zero, $12
        sw      $zero, 0($s0)
        li      $s0, LOG + 0*32
        la      $a0, m_taken
        li      $a2, 1
        jal     cnexc
        li      $a3, 4
        la      $a0, m_code
        li      $a2, 0
        jal     ccode
        li      $a3, 5
        la      $a0, m_epc
        la      $a2, f_next
        jal     cepc
        li      $a3, 6
        j       exit
        move    $a0, $zero

        .rodata
m_raise: .asciiz "CIPI written nonzero: Cause.IP3, not gated by IRQE"
m_read: .asciiz "CIPI reads 0xffffffff while raised"
m_lower: .asciiz "CIPI written 0: IP3 lowered"
m_taken: .asciiz "IM3 and IEc set: one interrupt taken"
m_code: .asciiz "IPI: ExcCode 0 (Int)"
m_epc:  .asciiz "IPI: EPC = the next instruction"
