# compute: microbenchmark of plain user-mode work, with no sensitive instruction at all: a
# linear congruential generator and a checksum in registers. Under a trap-and-emulate VMM it
# should run at bare-metal speed. The loop runs in user mode (mapped as in the syscall kernel)
# and ends with one syscall that hands the result back to the kernel. The iteration count is
# the first number in the boot arguments (default 1000).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"
        .include "lib/vectors.s"

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0
        la      $a0, uwork
        j       bench_user
        nop

general:                                # only the final syscall is expected
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        jal     bench_report            # the count, then the loop's checksum
        nop
        jal     puthex
        move    $a0, $s2
        jal     putc
        li      $a0, '\n'
        jal     poweroff
        move    $a0, $zero

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"
        .include "lib/bench_user.s"

        .text
        .align  12
ustart:
uwork:  li      $s2, 0                  # checksum
        li      $s3, 12345              # x
        li      $s4, 1103515245         # the ANSI C rand() multiplier
        beqz    $s1, 2f
        nop
1:      multu   $s3, $s4                # x = x * 1103515245 + 12345
        mflo    $s3
        addiu   $s3, $s3, 12345
        srl     $t0, $s3, 16
        xor     $s2, $s2, $t0           # checksum = rotl(checksum, 1) ^ (x >> 16)
        sll     $t1, $s2, 1
        srl     $t2, $s2, 31
        or      $s2, $t1, $t2
        addiu   $s1, $s1, -1
        bnez    $s1, 1b
        nop
2:      syscall
        .align  12
uend:

        .rodata
s_done: .asciiz "compute: "
s_iter: .asciiz " iterations, checksum "
