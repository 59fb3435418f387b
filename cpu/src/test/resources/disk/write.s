# disk/write: the first of two runs on one fresh 5 MiB image (rpm=7200 size=5M, created by the
# run): writes four sectors, one of them byte by byte, checks each operation's status, the
# interrupt line and the out-of-range statuses, and powers off. disk/read, the second run,
# reads the sectors back.
        .include "../guest/lib/harness.s"
        .include "lhd.s"
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s6, LHD

        li      $t0, LHD_CONFIG
        la      $a0, m_did
        lw      $a1, 4($t0)
        li      $a2, 3
        jal     check
        li      $a3, 1
        li      $t0, LHD_CONFIG
        la      $a0, m_drl
        lw      $a1, 8($t0)
        li      $a2, 2
        jal     check
        li      $a3, 2
        la      $a0, m_nsect
        lw      $a1, LHD_NSECT($s6)
        li      $a2, 10240
        jal     check
        li      $a3, 3
        la      $a0, m_rpm
        lw      $a1, LHD_RPM($s6)
        li      $a2, 7200
        jal     check
        li      $a3, 4
        la      $a0, m_idle
        lw      $a1, LHD_STAT($s6)
        li      $a2, LHD_IDLE
        jal     check
        li      $a3, 5

        jal     fill                    # sector 0: whole words
        li      $a0, 0
        sw      $zero, LHD_SECT($s6)
        li      $t0, LHD_WRITE
        sw      $t0, LHD_STAT($s6)
        la      $a0, m_busy
        lw      $a1, LHD_STAT($s6)
        li      $a2, LHD_WRITE
        jal     check
        li      $a3, 6
        li      $t0, IRQS
        la      $a0, m_noirq
        lw      $a1, 0($t0)
        andi    $a1, $a1, 4
        li      $a2, 0
        jal     check
        li      $a3, 7
        jal     dwait
        nop
        la      $a0, m_w0
        move    $a1, $v0
        li      $a2, 6
        jal     check
        li      $a3, 8
        li      $t0, IRQS
        la      $a0, m_irq
        lw      $a1, 0($t0)
        andi    $a1, $a1, 4
        li      $a2, 4
        jal     check
        li      $a3, 9
        sw      $zero, LHD_STAT($s6)    # idle: lowers the line
        li      $t0, IRQS
        la      $a0, m_irqoff
        lw      $a1, 0($t0)
        andi    $a1, $a1, 4
        li      $a2, 0
        jal     check
        li      $a3, 10

        jal     fill                    # sector 1: the pattern, then a string byte by byte
        li      $a0, 1
        la      $t0, s_text
        li      $t1, LHD + LHD_BUF
1:      lbu     $t2, 0($t0)
        sb      $t2, 0($t1)
        addiu   $t0, $t0, 1
        bnez    $t2, 1b
        addiu   $t1, $t1, 1
        li      $a0, 1
        jal     dio
        li      $a1, LHD_WRITE
        la      $a0, m_w1
        move    $a1, $v0
        li      $a2, 6
        jal     check
        li      $a3, 11

        jal     fill
        li      $a0, 5000
        jal     dio
        li      $a1, LHD_WRITE
        la      $a0, m_w5000
        move    $a1, $v0
        li      $a2, 6
        jal     check
        li      $a3, 12

        jal     fill
        li      $a0, 10239
        jal     dio
        li      $a1, LHD_WRITE
        la      $a0, m_wlast
        move    $a1, $v0
        li      $a2, 6
        jal     check
        li      $a3, 13

        li      $a0, 10240              # one past the end: ends at once
        jal     dio
        li      $a1, LHD_WRITE
        la      $a0, m_wpast
        move    $a1, $v0
        li      $a2, 14
        jal     check
        li      $a3, 14
        li      $a0, -1
        jal     dio
        li      $a1, LHD_READ
        la      $a0, m_rpast
        move    $a1, $v0
        li      $a2, 12
        jal     check
        li      $a3, 15
        sw      $zero, LHD_STAT($s6)

        j       exit
        li      $a0, 0

        .rodata
m_did:   .asciiz "slot 2 holds a disk (DID 3)"
m_drl:   .asciiz "disk revision 2"
m_nsect: .asciiz "NSECT is the configured size"
m_rpm:   .asciiz "RPM is the configured speed"
m_idle:  .asciiz "STAT is idle at power-on"
m_busy:  .asciiz "STAT says write in progress"
m_noirq: .asciiz "no interrupt while in progress"
m_w0:    .asciiz "write of sector 0 succeeds"
m_irq:   .asciiz "the slot's line is up when it ends"
m_irqoff: .asciiz "writing idle lowers the line"
m_w1:    .asciiz "write of sector 1 (bytes) succeeds"
m_w5000: .asciiz "write of sector 5000 succeeds"
m_wlast: .asciiz "write of the last sector succeeds"
m_wpast: .asciiz "write past the end: invalid sector"
m_rpast: .asciiz "read of sector 0xffffffff: invalid sector"
s_text:  .asciiz "vm3000 lhd: written byte by byte"
