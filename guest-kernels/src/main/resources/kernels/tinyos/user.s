# tinyos/user.s: tinyos's built-in user programs, in user mode. They are part of the kernel
# image, between ustart and uend, and every process maps these pages read-only at virtual =
# physical address, so code linked at kseg0 addresses runs unchanged (jal keeps the pc's top
# four bits, branches are relative) and a string's user address is its label - KSEG0.
# System calls follow Linux o32: number in $v0, arguments in $a0..$a2, `syscall`.

        .text
        .align  12
ustart:

# u_puts(a0 = string): write(1, string, strlen(string))
u_puts: move    $t0, $a0
1:      lbu     $t1, 0($t0)
        bnez    $t1, 1b
        addiu   $t0, $t0, 1
        addiu   $t0, $t0, -1
        subu    $a2, $t0, $a0
        move    $a1, $a0
        li      $a0, 1
        li      $v0, SYS_WRITE
        syscall
        jr      $ra
        nop

# u_putdec(a0): a0 in decimal
u_putdec:
        addiu   $sp, $sp, -16
        addiu   $t0, $sp, 16            # digits are stored right to left, ending at sp + 16
        move    $t3, $t0
        li      $t1, 10
1:      divu    $zero, $a0, $t1
        mfhi    $t2
        mflo    $a0
        addiu   $t2, $t2, '0'
        addiu   $t0, $t0, -1
        bnez    $a0, 1b
        sb      $t2, 0($t0)
        move    $a1, $t0
        subu    $a2, $t3, $t0
        li      $a0, 1
        li      $v0, SYS_WRITE
        syscall
        jr      $ra
        addiu   $sp, $sp, 16

# u_exit(a0): exit(a0)
u_exit: li      $v0, SYS_EXIT
        syscall

# hello: says hello with its PID.
prog_hello:
        la      $a0, m_hello - KSEG0
        jal     u_puts
        nop
        li      $v0, SYS_GETPID
        syscall
        jal     u_putdec
        move    $a0, $v0
        la      $a0, m_nl - KSEG0
        jal     u_puts
        nop
        jal     u_exit
        move    $a0, $zero

# sum: adds 1..20000, long enough to be preempted many times; yields every 4096 numbers.
prog_sum:
        move    $s0, $zero
        li      $s1, 1
        li      $s2, 20001
1:      addu    $s0, $s0, $s1
        andi    $t0, $s1, 4095
        bnez    $t0, 2f
        nop
        li      $v0, SYS_YIELD
        syscall
2:      addiu   $s1, $s1, 1
        bne     $s1, $s2, 1b
        nop
        la      $a0, m_sum - KSEG0
        jal     u_puts
        nop
        jal     u_putdec
        move    $a0, $s0
        la      $a0, m_nl - KSEG0
        jal     u_puts
        nop
        jal     u_exit
        move    $a0, $zero

# heap: grows the break by 4 pages, checks each page reads zero on first touch, writes it.
prog_heap:
        move    $a0, $zero
        li      $v0, SYS_BRK
        syscall                         # brk(0): the current break
        move    $s0, $v0
        addiu   $a0, $v0, 0x4000
        li      $v0, SYS_BRK
        syscall
        move    $s1, $v0                # the new break
        move    $s2, $zero              # sum of what the pages held
        move    $t0, $s0
1:      lw      $t1, 0($t0)             # first touch: a demand-zero fault
        addu    $s2, $s2, $t1
        lw      $t1, 0xffc($t0)
        addu    $s2, $s2, $t1
        sw      $t0, 0($t0)
        addiu   $t0, $t0, 0x1000
        bne     $t0, $s1, 1b
        nop
        la      $a0, m_heap1 - KSEG0
        jal     u_puts
        nop
        jal     u_putdec
        subu    $a0, $s1, $s0
        la      $a0, m_heap2 - KSEG0
        jal     u_puts
        nop
        jal     u_putdec
        move    $a0, $s2
        la      $a0, m_nl - KSEG0
        jal     u_puts
        nop
        jal     u_exit
        li      $a0, 7

# stack: recursion 200 deep with 64-byte frames: the stack grows over 4 demand-zero pages.
prog_stack:
        jal     rec
        li      $a0, 200
        move    $s0, $v0
        la      $a0, m_stack - KSEG0
        jal     u_puts
        nop
        jal     u_putdec
        move    $a0, $s0
        la      $a0, m_nl - KSEG0
        jal     u_puts
        nop
        move    $a0, $zero
        li      $v0, SYS_EXIT_GROUP
        syscall

rec:    addiu   $sp, $sp, -64           # rec(n) = n + rec(n - 1), rec(0) = 0
        sw      $ra, 60($sp)
        sw      $a0, 0($sp)
        beqz    $a0, 1f
        move    $v0, $zero
        jal     rec
        addiu   $a0, $a0, -1
        lw      $a0, 0($sp)
        addu    $v0, $v0, $a0
1:      lw      $ra, 60($sp)
        jr      $ra
        addiu   $sp, $sp, 64

# fault: stores to an address that is not mapped: killed (TLBS).
prog_fault:
        la      $a0, m_fault - KSEG0
        jal     u_puts
        nop
        li      $t0, 0x10
        sw      $zero, 0($t0)
        la      $a0, m_notreached - KSEG0
        jal     u_puts
        nop
        jal     u_exit
        li      $a0, 1

# textwrite: stores into its own (read-only) code: killed (Mod).
prog_textwrite:
        la      $a0, m_textwrite - KSEG0
        jal     u_puts
        nop
        la      $t0, prog_textwrite - KSEG0
        sw      $zero, 0($t0)
        la      $a0, m_notreached - KSEG0
        jal     u_puts
        nop
        jal     u_exit
        li      $a0, 1

m_hello:     .asciiz "hello from pid "
m_sum:       .asciiz "sum of 1..20000 = "
m_heap1:     .asciiz "heap: grew by "
m_heap2:     .asciiz " bytes; sum of the new memory before writing = "
m_stack:     .asciiz "stack: recursion 200 deep, sum = "
m_fault:     .asciiz "fault: storing to address 0x10\n"
m_textwrite: .asciiz "textwrite: storing into my own code\n"
m_notreached: .asciiz "not reached\n"
m_nl:        .asciiz "\n"

        .align  12
uend:

# The built-in workload: (entry, name) of each program, started in this order, PID 1 first.
        .rodata
        .align  2
progs:  .word   prog_hello, n_hello
        .word   prog_sum, n_sum
        .word   prog_heap, n_heap
        .word   prog_fault, n_fault
        .word   prog_stack, n_stack
        .word   prog_textwrite, n_textwrite
        .word   prog_hello, n_hello
        .word   prog_sum, n_sum
n_hello:     .asciiz "hello"
n_sum:       .asciiz "sum"
n_heap:      .asciiz "heap"
n_fault:     .asciiz "fault"
n_stack:     .asciiz "stack"
n_textwrite: .asciiz "textwrite"
