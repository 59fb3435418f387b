/*
 * start.S: Linux o32 user-mode start-up for qemu-mips. The kernel enters __start with $sp at
 * argc; the program ignores its arguments. Calls main(), flushes the output buffer and exits
 * with main's return value through exit_group.
 */
        .set    noreorder
        .equ    SYS_exit_group, 4246

        .text
        .globl  __start
        .ent    __start
__start:
        li      $t0, -8
        and     $sp, $sp, $t0
        addiu   $sp, $sp, -32           # argument save area for main
        move    $a0, $zero
        jal     main
        move    $a1, $zero
        move    $s0, $v0
        jal     rt_flush
        nop
        move    $a0, $s0
        li      $v0, SYS_exit_group
        syscall
1:      b       1b
        nop
        .end    __start
