# intr/count: what the MIPS-161 on-chip timer does to Count, as System/161 does it (the R3000
# has no such timer; System/161's documentation does not describe it, so its behaviour is the
# dialect). Count steps once per cycle. The timer is off until Compare is first written: Count
# wrapping to 0 = Compare raises nothing. When Count steps onto Compare it becomes 0 instead and
# IP7 rises; with Compare left alone the next match comes Compare cycles later. Writing Compare
# lowers IP7 and sets Count to 0 if Count is above the new value (unsigned), not if equal or
# below. Interrupts stay disabled: only Count and Cause.IP7 are looked at.
        .include "../lib/harness.s"
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000

        li      $t0, -8                 # Count wraps past 0 (= Compare) in 8 cycles
        mtc0    $t0, $9
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        mfc0    $s0, $13
        la      $a0, m_off
        andi    $a1, $s0, 0x8000
        li      $a2, 0
        jal     check
        li      $a3, 1

        mtc0    $zero, $9               # c:    Count 0 (the next instruction sees 1)
        li      $t0, 10                 # c+1:  1
        mtc0    $t0, $11                # c+2:  2; the match would be 10, at c+10, where it is 0
        nop                             # c+3 .. c+14
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        mfc0    $s0, $9                 # c+15: 5
        mfc0    $s1, $13                # c+16: 6
        nop                             # c+17 .. c+22
        nop
        nop
        nop
        nop
        nop
        mfc0    $s2, $9                 # c+23: 3, after the second match at c+20
        la      $a0, m_match
        move    $a1, $s0
        li      $a2, 5
        jal     check
        li      $a3, 2
        la      $a0, m_ip7
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 3
        la      $a0, m_again
        move    $a1, $s2
        li      $a2, 3
        jal     check
        li      $a3, 4

        li      $t0, 1000               # Compare below Count: Count 0
        mtc0    $t0, $9                 # c:   1000
        li      $t0, 500                # c+1: 1001
        mtc0    $t0, $11                # c+2: 1002 > 500, so 0
        mfc0    $s0, $9                 # c+3: 1
        mfc0    $s1, $13
        la      $a0, m_below
        move    $a1, $s0
        li      $a2, 1
        jal     check
        li      $a3, 5
        la      $a0, m_clears
        andi    $a1, $s1, 0x8000
        li      $a2, 0
        jal     check
        li      $a3, 6

        li      $t0, 1000               # Compare equal to Count: Count goes on
        mtc0    $t0, $9                 # c:   1000
        li      $t0, 1002               # c+1: 1001
        mtc0    $t0, $11                # c+2: 1002 = Compare
        mfc0    $s0, $9                 # c+3: 1003, and no match until Count wraps
        nop
        nop
        nop
        nop
        mfc0    $s1, $13
        la      $a0, m_equal
        move    $a1, $s0
        li      $a2, 1003
        jal     check
        li      $a3, 7
        la      $a0, m_nomatch
        andi    $a1, $s1, 0x8000
        li      $a2, 0
        jal     check
        li      $a3, 8

        li      $t0, 0xfffffff0         # Compare above Count (unsigned): Count goes on
        mtc0    $t0, $9                 # c:   0xfffffff0
        li      $t0, 0xfffffffa         # c+1: 0xfffffff1
        mtc0    $t0, $11                # c+2: 0xfffffff2 < Compare
        mfc0    $s0, $9                 # c+3: 0xfffffff3
        nop                             # c+4
        nop
        nop
        nop
        nop
        nop                             # c+9
        mfc0    $s1, $13                # c+10: Count would be 0xfffffffa: IP7 rises at this cycle
        mfc0    $s2, $9                 # c+11: 1
        la      $a0, m_above
        move    $a1, $s0
        li      $a2, 0xfffffff3
        jal     check
        li      $a3, 9
        la      $a0, m_above_ip7
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 10
        la      $a0, m_above_count
        move    $a1, $s2
        li      $a2, 1
        jal     check
        li      $a3, 11
        j       exit
        move    $a0, $zero

        .rodata
m_off:  .asciiz "timer off until Compare is written: no IP7 when Count wraps to 0"
m_match: .asciiz "Count steps onto Compare: becomes 0"
m_ip7:  .asciiz "Count steps onto Compare: IP7 rises"
m_again: .asciiz "next match Compare cycles later"
m_below: .asciiz "writing Compare below Count sets Count to 0"
m_clears: .asciiz "writing Compare lowers IP7"
m_equal: .asciiz "writing Compare equal to Count leaves Count"
m_nomatch: .asciiz "Compare equal to Count: no match at once"
m_above: .asciiz "writing Compare above Count leaves Count"
m_above_ip7: .asciiz "Compare above Count: IP7 at the match"
m_above_count: .asciiz "Compare above Count: Count restarts from 0 at the match"
