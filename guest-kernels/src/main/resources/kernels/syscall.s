# syscall: microbenchmark of system calls. A user-mode loop executes `syscall`; the kernel's
# general exception handler adds 4 to EPC and returns with `jr k0; rfe`: one user -> kernel ->
# user round trip per iteration. The user code is part of this image, mapped into kuseg at
# virtual = physical address (TLB slots 0..7 are never replaced, so no TLB refill happens).
# The iteration count is the first number in the boot arguments (default 1000).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"
        .include "lib/vectors.s"

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0
        beqz    $s0, bench_exit
        nop
        la      $a0, uloop
        j       bench_user
        nop

# General exception: a syscall returns to EPC + 4 (v0 = 0) or finishes the run (v0 != 0).
general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        bnez    $v0, bench_exit     # the loop's last syscall (v0 = 1): the run is over
        nop
        mfc0    $k0, $14
        addiu   $k0, $k0, 4
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"
        .include "lib/bench_user.s"

        .text
        .align  12
ustart:                                 # user mode from here to uend
uloop:  move    $v0, $zero
1:      syscall
        addiu   $s1, $s1, -1
        bnez    $s1, 1b
        nop
        li      $v0, 1
        syscall
        .align  12
uend:

        .rodata
s_done: .asciiz "syscall: "
s_iter: .asciiz " user -> kernel -> user round trips\n"
