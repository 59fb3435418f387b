# exc/delayslot: an exception in a delay slot reports EPC = the branch or jump and Cause.BD = 1,
# for a taken branch, a not-taken branch (System/161 2.0.8 gets this one wrong), j, jal, jalr
# and jr; BadVAddr is still the faulting data address. The next exception outside a slot has
# BD = 0 again.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        la      $t0, r1
        sw      $t0, RESUME($s7)
f_beq:  beq     $zero, $zero, r1        # taken
        syscall
r1:     la      $t0, r2
        sw      $t0, RESUME($s7)
f_bne:  bne     $zero, $zero, r1        # not taken
        break
r2:     la      $t0, r3
        sw      $t0, RESUME($s7)
f_j:    j       r3
        syscall
r3:     la      $t0, r4
        sw      $t0, RESUME($s7)
f_jal:  jal     r4
        syscall
r4:     la      $t0, r5
        sw      $t0, RESUME($s7)
        la      $t1, r5
f_jalr: jalr    $t1
        syscall
r5:     la      $t0, r6
        sw      $t0, RESUME($s7)
        la      $t1, r6
        li      $t2, 0x80000402
f_jr:   jr      $t1
        lw      $t3, 0($t2)             # AdEL in the slot
r6:     syscall                         # not in a slot

        la      $a0, m_n
        li      $a2, 7
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 0*32
        la      $a0, m_beq
        la      $a2, f_beq
        jal     cepc
        li      $a3, 2
        la      $a0, m_beqbd
        li      $a2, 1
        jal     cbd
        li      $a3, 3
        la      $a0, m_beqc
        li      $a2, 8
        jal     ccode
        li      $a3, 4
        li      $s0, LOG + 1*32
        la      $a0, m_bne
        la      $a2, f_bne
        jal     cepc
        li      $a3, 5
        la      $a0, m_bnebd
        li      $a2, 1
        jal     cbd
        li      $a3, 6
        la      $a0, m_bnec
        li      $a2, 9
        jal     ccode
        li      $a3, 7
        li      $s0, LOG + 2*32
        la      $a0, m_j
        la      $a2, f_j
        jal     cepc
        li      $a3, 8
        la      $a0, m_jbd
        li      $a2, 1
        jal     cbd
        li      $a3, 9
        li      $s0, LOG + 3*32
        la      $a0, m_jal
        la      $a2, f_jal
        jal     cepc
        li      $a3, 10
        la      $a0, m_jalbd
        li      $a2, 1
        jal     cbd
        li      $a3, 11
        li      $s0, LOG + 4*32
        la      $a0, m_jalr
        la      $a2, f_jalr
        jal     cepc
        li      $a3, 12
        la      $a0, m_jalrbd
        li      $a2, 1
        jal     cbd
        li      $a3, 13
        li      $s0, LOG + 5*32
        la      $a0, m_jr
        la      $a2, f_jr
        jal     cepc
        li      $a3, 14
        la      $a0, m_jrbd
        li      $a2, 1
        jal     cbd
        li      $a3, 15
        la      $a0, m_jrc
        li      $a2, 4
        jal     ccode
        li      $a3, 16
        la      $a0, m_jrbad
        li      $a2, 0x80000402
        jal     cbad
        li      $a3, 17
        li      $s0, LOG + 6*32
        la      $a0, m_after
        li      $a2, 0
        jal     cbd
        li      $a3, 18
        la      $a0, m_afterepc
        la      $a2, r6
        jal     cepc
        li      $a3, 19
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "7 exceptions taken"
m_beq:  .asciiz "taken beq, syscall in slot: EPC = the beq"
m_beqbd: .asciiz "taken beq: BD = 1"
m_beqc: .asciiz "taken beq: ExcCode 8 (Sys)"
m_bne:  .asciiz "not-taken bne, break in slot: EPC = the bne"
m_bnebd: .asciiz "not-taken bne: BD = 1"
m_bnec: .asciiz "not-taken bne: ExcCode 9 (Bp)"
m_j:    .asciiz "j: EPC = the j"
m_jbd:  .asciiz "j: BD = 1"
m_jal:  .asciiz "jal: EPC = the jal"
m_jalbd: .asciiz "jal: BD = 1"
m_jalr: .asciiz "jalr: EPC = the jalr"
m_jalrbd: .asciiz "jalr: BD = 1"
m_jr:   .asciiz "jr, misaligned lw in slot: EPC = the jr"
m_jrbd: .asciiz "jr: BD = 1"
m_jrc:  .asciiz "jr: ExcCode 4 (AdEL)"
m_jrbad: .asciiz "jr: BadVAddr = the load address"
m_after: .asciiz "syscall outside a slot: BD = 0"
m_afterepc: .asciiz "syscall outside a slot: EPC = it"
