# intr/timer: the Count/Compare timer (hardware interrupt 5, Cause.IP7). Count steps once per
# cycle. When Count reaches Compare with IM7 and IEc set, an Int is taken at the general vector
# with IP7 in Cause and the IE bit pushed; writing Compare clears IP7. With IM7 clear, or IEc
# clear, the interrupt is not taken but IP7 shows in Cause; setting IEc then takes it before
# the next instruction (EPC = that instruction). A timer interrupt that falls on a delay-slot
# instruction (Compare swept over a window around a branch) has EPC = the branch and BD = 1.
# (intr/clock.s tests what Count does at a match and on a Compare write.)
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        mfc0    $t0, $9
        mfc0    $t1, $9
        subu    $a1, $t1, $t0
        la      $a0, m_count
        li      $a2, 1
        jal     check
        li      $a3, 1

        li      $t0, 0x8001             # IM7, IEc: taken
        mtc0    $t0, $12
        mfc0    $t0, $9
        addiu   $t0, $t0, 50
        mtc0    $t0, $11
        li      $s2, 200
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        mtc0    $zero, $12
        mfc0    $s1, $13
        li      $s0, LOG + 0*32
        la      $a0, m_n1
        li      $a2, 1
        jal     cnexc
        li      $a3, 2
        la      $a0, m_code
        li      $a2, 0
        jal     ccode
        li      $a3, 3
        la      $a0, m_vec
        li      $a2, 2
        jal     cvec
        li      $a3, 4
        la      $a0, m_ip7
        lw      $a1, E_CAUSE($s0)
        andi    $a1, $a1, 0xff00
        li      $a2, 0x8000
        jal     check
        li      $a3, 5
        la      $a0, m_push
        li      $a2, 0x04               # IEc moved to IEp
        jal     cstat
        li      $a3, 6
        la      $a0, m_still
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 7
        mfc0    $t0, $11                # writing Compare clears IP7
        mtc0    $t0, $11
        mfc0    $a1, $13
        andi    $a1, $a1, 0x8000
        la      $a0, m_clr
        li      $a2, 0
        jal     check
        li      $a3, 8

        li      $t0, 0x0001             # IEc but IM7 clear: not taken
        mtc0    $t0, $12
        mfc0    $t0, $9
        addiu   $t0, $t0, 20
        mtc0    $t0, $11
        li      $s2, 100
2:      addiu   $s2, $s2, -1
        bnez    $s2, 2b
        nop
        mfc0    $s1, $13
        la      $a0, m_im
        li      $a2, 1
        jal     cnexc
        li      $a3, 9
        la      $a0, m_imip
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 10

        li      $t0, 0x8000             # IM7 but IEc clear: not taken (IP7 still pending)
        mtc0    $t0, $12
        li      $s2, 100
3:      addiu   $s2, $s2, -1
        bnez    $s2, 3b
        nop
        mfc0    $s1, $13
        la      $a0, m_ie
        li      $a2, 1
        jal     cnexc
        li      $a3, 11
        la      $a0, m_ieip
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 12
        li      $t0, 0x8001
        mtc0    $t0, $12                # now IEc: taken before the next instruction
f_next: nop
        mtc0    $zero, $12
        li      $s0, LOG + 1*32
        la      $a0, m_late
        li      $a2, 2
        jal     cnexc
        li      $a3, 13
        la      $a0, m_lateepc
        la      $a2, f_next
        jal     cepc
        li      $a3, 14
        la      $a0, m_latebd
        li      $a2, 0
        jal     cbd
        li      $a3, 15

        li      $s4, 0                  # sweep Compare across a taken branch and its slot
        li      $s5, 0                  # interrupts with BD = 1 and EPC = the branch
        li      $s6, 0                  # interrupts with BD = 1 and another EPC
4:      lw      $t5, NEXC($s7)
        li      $t0, -1                 # no match while the window is set up: Count
        mtc0    $t0, $11                # restarts from 0 at every match, so a Compare
        mtc0    $zero, $9               # left from the last round could fire in between
        addiu   $t0, $s4, 2             # Count 1
        mtc0    $t0, $11                # Count 2: the match comes s4 cycles on
        li      $t0, 0x8001
        mtc0    $t0, $12
f_tb:   beq     $zero, $zero, 5f
        nop
5:      nop
        nop
        nop
        mtc0    $zero, $12
        mfc0    $t0, $11
        mtc0    $t0, $11                # clear IP7 if it came late
        lw      $t0, NEXC($s7)
        beq     $t0, $t5, 7f            # not taken in the window
        sll     $t0, $t0, 5
        addu    $t0, $t0, $s7
        lw      $t1, 0x1e4($t0)         # Cause of the last entry
        bgez    $t1, 7f                 # BD = 0
        lw      $t2, 0x1e8($t0)         # EPC
        la      $t3, f_tb
        bne     $t2, $t3, 6f
        nop
        b       7f
        addiu   $s5, $s5, 1
6:      addiu   $s6, $s6, 1
7:      addiu   $s4, $s4, 1
        sltiu   $t0, $s4, 12
        bnez    $t0, 4b
        nop
        la      $a0, m_slot
        sltu    $a1, $zero, $s5
        li      $a2, 1
        jal     check
        li      $a3, 16
        la      $a0, m_slotbad
        move    $a1, $s6
        li      $a2, 0
        jal     check
        li      $a3, 17
        j       exit
        move    $a0, $zero

        .rodata
m_count: .asciiz "Count steps once per cycle"
m_n1:   .asciiz "IM7 and IEc set: one interrupt taken"
m_code: .asciiz "timer: ExcCode 0 (Int)"
m_vec:  .asciiz "timer: general vector"
m_ip7:  .asciiz "timer: Cause.IP = IP7 only"
m_push: .asciiz "timer: IEc pushed to IEp"
m_still: .asciiz "IP7 stays until Compare is written"
m_clr:  .asciiz "writing Compare clears IP7"
m_im:   .asciiz "IM7 clear: not taken"
m_imip: .asciiz "IM7 clear: IP7 visible in Cause"
m_ie:   .asciiz "IEc clear: not taken"
m_ieip: .asciiz "IEc clear: IP7 visible in Cause"
m_late: .asciiz "setting IEc: taken at once"
m_lateepc: .asciiz "setting IEc: EPC = the next instruction"
m_latebd: .asciiz "setting IEc: BD = 0"
m_slot: .asciiz "timer in a delay slot: BD = 1, EPC = the branch"
m_slotbad: .asciiz "timer in a delay slot: never another EPC"
