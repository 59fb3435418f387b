# disk/read: the second run on the image disk/write wrote: the size comes from the image, each
# sector written reads back as written (sector 1 with its string in address order, whether read
# by bytes or words), a sector never written reads as zeros, and a read past the end is an
# invalid sector.
        .include "../guest/lib/harness.s"
        .include "lhd.s"
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s6, LHD

        la      $a0, m_nsect
        lw      $a1, LHD_NSECT($s6)
        li      $a2, 10240
        jal     check
        li      $a3, 1

        li      $a0, 0
        jal     dio
        li      $a1, LHD_READ
        la      $a0, m_r0
        move    $a1, $v0
        li      $a2, 4
        jal     check
        li      $a3, 2
        sw      $zero, LHD_STAT($s6)
        jal     verify
        li      $a0, 0
        la      $a0, m_d0
        move    $a1, $v0
        li      $a2, 0
        jal     check
        li      $a3, 3

        li      $a0, 1
        jal     dio
        li      $a1, LHD_READ
        la      $a0, m_r1
        move    $a1, $v0
        li      $a2, 4
        jal     check
        li      $a3, 4
        sw      $zero, LHD_STAT($s6)
        la      $t0, s_text             # the string, compared byte by byte
        li      $t1, LHD + LHD_BUF
        li      $s0, 0                  # bytes that differ
1:      lbu     $t2, 0($t0)
        lbu     $t3, 0($t1)
        beq     $t2, $t3, 2f
        nop
        addiu   $s0, $s0, 1
2:      addiu   $t0, $t0, 1
        bnez    $t2, 1b
        addiu   $t1, $t1, 1
        la      $a0, m_bytes
        move    $a1, $s0
        li      $a2, 0
        jal     check
        li      $a3, 5
        li      $t1, LHD + LHD_BUF      # and its first word, "vm30", read whole
        la      $a0, m_word
        lw      $a1, 0($t1)
        li      $a2, 0x766d3330
        jal     check
        li      $a3, 6
        jal     verify                  # past the string and its NUL (33 bytes): the pattern
        li      $a0, 1
        la      $a0, m_d1
        move    $a1, $v0
        li      $a2, 9                  # words 0..8 hold the string
        jal     check
        li      $a3, 7

        li      $a0, 5000
        jal     dio
        li      $a1, LHD_READ
        jal     verify
        li      $a0, 5000
        la      $a0, m_d5000
        move    $a1, $v0
        li      $a2, 0
        jal     check
        li      $a3, 8

        li      $a0, 10239
        jal     dio
        li      $a1, LHD_READ
        jal     verify
        li      $a0, 10239
        la      $a0, m_dlast
        move    $a1, $v0
        li      $a2, 0
        jal     check
        li      $a3, 9

        li      $a0, 2                  # never written
        jal     dio
        li      $a1, LHD_READ
        la      $a0, m_r2
        move    $a1, $v0
        li      $a2, 4
        jal     check
        li      $a3, 10
        li      $t0, LHD + LHD_BUF
        li      $t1, LHD + LHD_BUF + 512
        li      $s0, 0                  # OR of every word
3:      lw      $t2, 0($t0)
        addiu   $t0, $t0, 4
        bne     $t0, $t1, 3b
        or      $s0, $s0, $t2
        la      $a0, m_zero
        move    $a1, $s0
        li      $a2, 0
        jal     check
        li      $a3, 11

        li      $a0, 10240
        jal     dio
        li      $a1, LHD_READ
        la      $a0, m_past
        move    $a1, $v0
        li      $a2, 12
        jal     check
        li      $a3, 12
        sw      $zero, LHD_STAT($s6)

        j       exit
        li      $a0, 0

        .rodata
m_nsect: .asciiz "NSECT is the image's size"
m_r0:    .asciiz "read of sector 0 succeeds"
m_d0:    .asciiz "sector 0 reads back as written"
m_r1:    .asciiz "read of sector 1 succeeds"
m_bytes: .asciiz "sector 1's string reads back byte by byte"
m_word:  .asciiz "its first word is the bytes in address order"
m_d1:    .asciiz "the rest of sector 1 is the pattern"
m_d5000: .asciiz "sector 5000 reads back as written"
m_dlast: .asciiz "the last sector reads back as written"
m_r2:    .asciiz "read of sector 2 succeeds"
m_zero:  .asciiz "sector 2, never written, is zeros"
m_past:  .asciiz "read past the end: invalid sector"
s_text:  .asciiz "vm3000 lhd: written byte by byte"
