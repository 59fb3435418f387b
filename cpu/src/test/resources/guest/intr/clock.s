# intr/clock: the on-chip timer driven as OS/161 2.x drives it. Its clock handler writes the same
# Compare value (CPU frequency / HZ; PERIOD here) on every tick and never reads Count: it relies
# on Count restarting from 0 at each match. Ticks must then come exactly PERIOD cycles apart
# however long the handler runs. Each tick records the timer card's clock (machine time, 40 ns a
# cycle) and Count; the program prints the tick times and checks the spacing and that Count in
# the handler is the same at every tick. The first tick: Count is 1 at cycle 0, so it would
# reach PERIOD at cycle PERIOD - 1, where the interrupt is taken; the vector, the harness's
# dispatch and the handler's first four instructions take 16 cycles more, so the card's clock
# reads (PERIOD + 15) * 40 ns at the first tick and PERIOD * 40 ns more at each next one.
        .include "../lib/harness.s"
        .equ    PERIOD, 1500            # cycles between ticks
        .equ    TICKS, 10
        .equ    TIMER_NSEC, 0xbffd0004
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        la      $t0, tick
        sw      $t0, INTHOOK($s7)
        la      $s0, times              # where the next tick's time goes
        la      $s1, counts             # and its Count
        move    $s2, $zero              # ticks so far
        li      $t0, PERIOD             # the first tick when Count (started at reset) gets there
        mtc0    $t0, $11
        li      $t0, 0x8001             # IM7 (the on-chip timer), IEc
        mtc0    $t0, $12
1:      sltiu   $t0, $s2, TICKS         # the rest of the time: a spin with uneven work
        andi    $t1, $s2, 3
2:      bnez    $t1, 2b
        addiu   $t1, $t1, -1
        bnez    $t0, 1b
        nop
        mtc0    $zero, $12

        move    $s3, $zero              # tick k at times[k]: print them, count bad spacings
        move    $s4, $zero
        la      $s0, times
        la      $s1, counts
3:      lw      $a0, 0($s0)
        jal     puthex
        nop
        la      $a0, s_nl
        jal     puts
        nop
        beqz    $s3, 4f
        lw      $t0, 0($s0)
        lw      $t1, -4($s0)
        subu    $t0, $t0, $t1
        li      $t1, PERIOD * 40
        beq     $t0, $t1, 4f
        nop
        addiu   $s4, $s4, 1
4:      addiu   $s0, $s0, 4
        addiu   $s3, $s3, 1
        sltiu   $t0, $s3, TICKS
        bnez    $t0, 3b
        nop
        la      $a0, m_spacing
        move    $a1, $s4
        li      $a2, 0
        jal     check
        li      $a3, 1

        move    $s3, $zero              # Count in the handler: the same at every tick
        move    $s4, $zero
        la      $s1, counts
        lw      $s5, 0($s1)
5:      lw      $t0, 0($s1)
        beq     $t0, $s5, 6f
        nop
        addiu   $s4, $s4, 1
6:      addiu   $s1, $s1, 4
        addiu   $s3, $s3, 1
        sltiu   $t0, $s3, TICKS
        bnez    $t0, 5b
        nop
        la      $a0, m_count
        move    $a1, $s4
        li      $a2, 0
        jal     check
        li      $a3, 2
        la      $a0, m_small
        sltiu   $a1, $s5, 20            # a few cycles into the tick, not PERIOD-odd ones
        li      $a2, 1
        jal     check
        li      $a3, 3
        j       exit
        move    $a0, $zero

# The clock interrupt, through the harness's INTHOOK: k0 and k1 are free.
tick:   mfc0    $k1, $9
        sw      $k1, 0($s1)
        li      $k0, TIMER_NSEC
        lw      $k0, 0($k0)
        sw      $k0, 0($s0)
        addiu   $s0, $s0, 4
        addiu   $s1, $s1, 4
        addiu   $s2, $s2, 1
        li      $k0, PERIOD
        mtc0    $k0, $11                # the same value every tick; lowers IP7
        mfc0    $k0, $14
        jr      $k0
        rfe

        .rodata
m_spacing: .asciiz "ticks exactly PERIOD cycles apart"
m_count: .asciiz "Count in the handler the same at every tick"
m_small: .asciiz "Count restarted from 0 at each match"

        .bss
times:  .space  4 * TICKS
counts: .space  4 * TICKS
