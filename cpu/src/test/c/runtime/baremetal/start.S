/*
 * start.S: bare-metal start-up for vm3000 (docs/machine.md, "Booting"). The boot loader enters
 * __start in kernel mode with interrupts off and $sp just below the boot argument string at the
 * top of RAM. We keep that stack, zero .bss, call main() and power off with its return value as
 * the exit code through the trace device's EXIT register. No exception is expected, so the
 * boot-ROM vectors (Status.BEV = 1) are left as they are: a stray exception stops the machine
 * with a diagnostic, which is what a test wants.
 */
        .set    noreorder
        .equ    TRACE_EXIT, 0xbffe001c

        .text
        .globl  __start
        .ent    __start
__start:
        li      $t0, -8
        and     $sp, $sp, $t0           # 8-byte aligned, as the o32 ABI wants
        addiu   $sp, $sp, -32           # argument save area for main
        la      $t0, __bss_start
        la      $t1, __bss_end
1:      beq     $t0, $t1, 2f
        nop
        sw      $zero, 0($t0)
        b       1b
        addiu   $t0, $t0, 4
2:      move    $a0, $zero              # argc
        jal     main
        move    $a1, $zero              # argv
        move    $s0, $v0
        jal     rt_flush
        nop
        li      $t0, TRACE_EXIT
        sw      $s0, 0($t0)             # power off with main's return value
3:      b       3b
        nop
        .end    __start
