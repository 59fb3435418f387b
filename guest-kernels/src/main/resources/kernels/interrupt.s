# interrupt: microbenchmark of interrupts. The on-chip timer (Count/Compare, hardware
# interrupt 5 = Cause.IP7) fires every PERIOD cycles; the handler counts it and sets Compare
# for the next one. The kernel spins with interrupts enabled until it has taken the number of
# interrupts given by the first number in the boot arguments (default 1000).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"
        .equ    PERIOD, 200             # cycles between interrupts

        .include "lib/vectors.s"

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0
        la      $s1, ticks
        beqz    $s0, bench_exit
        nop
        mfc0    $t0, $9                 # Compare = Count + PERIOD
        addiu   $t0, $t0, PERIOD
        mtc0    $t0, $11
        li      $t0, ST_IM7 | ST_IEC    # only the Count/Compare interrupt, enabled
        mtc0    $t0, $12
1:      lw      $t0, 0($s1)             # spin until enough interrupts
        bne     $t0, $s0, 1b
        nop
        j       bench_exit
        mtc0    $zero, $12              # interrupts off

# General exception: only the timer interrupt is expected. Returns to EPC itself: the
# interrupted instruction has not executed.
general:
        mfc0    $k0, $13
        andi    $k1, $k0, 0x7c
        bnez    $k1, panic              # not an interrupt
        andi    $k0, $k0, 0x8000
        beqz    $k0, panic              # not IP7
        nop
        la      $k0, ticks
        lw      $k1, 0($k0)
        addiu   $k1, $k1, 1
        sw      $k1, 0($k0)
        mfc0    $k1, $9
        addiu   $k1, $k1, PERIOD
        mtc0    $k1, $11                # also clears the interrupt
        mfc0    $k0, $14
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"

        .bss
ticks:  .space  4

        .rodata
s_done: .asciiz "interrupt: "
s_iter: .asciiz " timer interrupts\n"
