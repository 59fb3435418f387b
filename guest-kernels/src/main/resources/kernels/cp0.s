# cp0: microbenchmark of the CP0 moves. Each iteration reads and writes Status and EntryHi
# (MFC0, MTC0), the instructions a trap-and-emulate VMM must interpret. Kernel mode only, no
# exceptions. The iteration count is the first number in the boot arguments (default 1000).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"

        .text
        .globl  __start
__start:
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0                # iterations
        move    $s1, $v0
        beqz    $s1, 2f
        nop
1:      mfc0    $t0, $12                # Status: read and write back (BEV stays set)
        mtc0    $t0, $12
        mfc0    $t1, $10                # EntryHi: a new ASID each time
        addiu   $t1, $t1, 1 << 6
        andi    $t1, $t1, 0xfc0
        mtc0    $t1, $10
        addiu   $s1, $s1, -1
        bnez    $s1, 1b
        nop
2:      j       bench_exit
        nop

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"

        .rodata
s_done: .asciiz "cp0: "
s_iter: .asciiz " iterations of mfc0/mtc0 Status and EntryHi\n"
