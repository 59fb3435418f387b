# syscall: microbenchmark of system calls. A user-mode loop executes `syscall`; the kernel's
# general exception handler adds 4 to EPC and returns with `jr k0; rfe`: one user -> kernel ->
# user round trip per iteration. The user code is part of this image, mapped into kuseg at
# virtual = physical address (TLB slots 0..7 are never replaced, so no TLB refill happens).
# The iteration count is the first number in the boot arguments (default 1000).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"

        .section .vectors
        j       panic                   # 0x80000000: UTLB refill: not expected here
        nop
        .org    0x80
        j       general                 # 0x80000080: general exception
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0
        beqz    $s0, done
        nop
        la      $a0, ustart
        la      $a1, uend
        jal     map_user
        nop
        move    $s1, $s0                # the user loop's counter
        la      $a0, uloop
        j       enter_user
        move    $a1, $zero              # user mode, interrupts off

# The user loop ends with syscall v0 = 1, which lands here, still in kernel mode.
done:   la      $a0, s_done
        jal     puts
        nop
        jal     putdec
        move    $a0, $s0
        la      $a0, s_iter
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

# General exception: a syscall returns to EPC + 4 (v0 = 0) or finishes the run (v0 != 0).
general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        bnez    $v0, done
        nop
        mfc0    $k0, $14
        addiu   $k0, $k0, 4
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"

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
