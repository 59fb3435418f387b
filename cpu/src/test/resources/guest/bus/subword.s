# bus/subword: byte and halfword accesses to device registers, as System/161's bus makes them.
# Device registers are words: a sub-word load reads the register and takes its lane; a sub-word
# store reads the register, replaces the lane and writes the word back (OS/161's drivers copy
# into device buffers byte by byte). The mainboard's CPU scratch RAM (CRAM) shows the merge; a
# byte stored in the low lane of the serial card's character register prints that character;
# a sub-word store to an empty slot is a bus error (DBE), as its read would be.
        .include "../lib/harness.s"
        .equ    CRAM, 0xbfff8300        # slot 31, CPU 0's region, offset 0x300
        .equ    EMPTY, 0xbfe50000       # slot 5: no card
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s0, CRAM
        sw      $zero, 0($s0)
        li      $t0, 0x11
        sb      $t0, 0($s0)
        li      $t0, 0x22
        sb      $t0, 1($s0)
        li      $t0, 0x33
        sb      $t0, 2($s0)
        li      $t0, 0x44
        sb      $t0, 3($s0)
        la      $a0, m_sb
        lw      $a1, 0($s0)
        li      $a2, 0x11223344
        jal     check
        li      $a3, 1
        li      $t0, 0xaabb
        sh      $t0, 2($s0)
        li      $t0, 0xccdd
        sh      $t0, 0($s0)
        la      $a0, m_sh
        lw      $a1, 0($s0)
        li      $a2, 0xccddaabb
        jal     check
        li      $a3, 2
        la      $a0, m_lb
        lb      $a1, 1($s0)
        li      $a2, 0xffffffdd
        jal     check
        li      $a3, 3
        la      $a0, m_lbu
        lbu     $a1, 1($s0)
        li      $a2, 0xdd
        jal     check
        li      $a3, 4
        la      $a0, m_lh
        lh      $a1, 2($s0)
        li      $a2, 0xffffaabb
        jal     check
        li      $a3, 5
        la      $a0, m_lhu
        lhu     $a1, 2($s0)
        li      $a2, 0xaabb
        jal     check
        li      $a3, 6

        li      $t1, SERIAL             # 'X' through the low byte lane (offset 3, big-endian)
        li      $t0, 'X'
        sb      $t0, 3($t1)
1:      lw      $t3, 4($t1)
        andi    $t3, $t3, 2
        beqz    $t3, 1b
        nop
        sw      $zero, 4($t1)
        la      $a0, m_serial
        jal     puts
        nop

        li      $t0, EMPTY
        sb      $zero, 0($t0)
        li      $s0, LOG + 0*32
        la      $a0, m_dbe
        li      $a2, 1
        jal     cnexc
        li      $a3, 7
        la      $a0, m_dbecode
        li      $a2, 7
        jal     ccode
        li      $a3, 8
        j       exit
        move    $a0, $zero

        .rodata
m_sb:   .asciiz "sb into a device register merges its byte"
m_sh:   .asciiz "sh into a device register merges its halfword"
m_lb:   .asciiz "lb from a device register: its lane, sign-extended"
m_lbu:  .asciiz "lbu from a device register: its lane"
m_lh:   .asciiz "lh from a device register: its lane, sign-extended"
m_lhu:  .asciiz "lhu from a device register: its lane"
m_serial: .asciiz " printed by sb into the serial card\n"
m_dbe:  .asciiz "sb to an empty slot: one exception"
m_dbecode: .asciiz "sb to an empty slot: DBE"
