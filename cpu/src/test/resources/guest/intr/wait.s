# intr/wait: WAIT as System/161 executes it. WAIT retires at once when a hardware interrupt line
# is active (masked or not). Otherwise the CPU idles from the next cycle until a hardware line
# rises: the software interrupts do not end it, and neither does the on-chip timer, because the
# CPU's own time (Count, Random, the timer) stands still while it idles and only machine time
# (the timer card's clock) goes on. Interrupts stay disabled: WAIT is meant to be used so.
        .include "../lib/harness.s"
        .equ    TIMER, 0xbffd0000       # the timer card, slot 29
        .equ    T_NSEC, 0x04
        .equ    T_RESTART, 0x08
        .equ    T_IRQ, 0x0c
        .equ    T_COUNTDOWN, 0x10
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s6, TIMER
        sw      $zero, T_RESTART($s6)

        mtc0    $zero, $9               # IP7 pending: WAIT retires at once
        li      $t0, 3
        mtc0    $t0, $11                # the match comes at the next cycle
        li      $t0, 100                # Count far past Compare: no second match soon
        mtc0    $t0, $9
        mfc0    $s0, $9
        .set    push
        .set    mips32                  # GNU as calls WAIT MIPS32 (OS/161 says the same)
        wait
        .set    pop
        mfc0    $s1, $9
        la      $a0, m_line
        subu    $a1, $s1, $s0
        li      $a2, 2
        jal     check
        li      $a3, 1
        li      $t0, 0x7fffffff         # lower IP7; no match for a long time
        mtc0    $t0, $11

        lw      $s2, T_NSEC($s6)        # idle until the timer card's interrupt, 40 us on
        li      $t0, 40
        sw      $t0, T_COUNTDOWN($s6)
        mfc0    $s0, $9                 # c
        mfc0    $s3, $1                 # c+1
        .set    push
        .set    mips32
        wait                            # c+2; idle from c+3 until the card's interrupt
        .set    pop
        mfc0    $s1, $9                 # then c+3 for Count: 3 on
        mfc0    $s4, $1                 # c+4 for Random: 3 on
        mfc0    $s5, $13
        lw      $t0, T_NSEC($s6)
        lw      $zero, T_IRQ($s6)       # acknowledge: lowers the line
        la      $a0, m_count
        subu    $a1, $s1, $s0
        li      $a2, 3
        jal     check
        li      $a3, 2
        la      $a0, m_random           # three steps, modulo the 56 slots 8..63
        srl     $t1, $s4, 8
        srl     $t2, $s3, 8
        subu    $a1, $t1, $t2
        bgez    $a1, 1f
        nop
        addiu   $a1, $a1, 56
1:      li      $a2, 3
        jal     check
        li      $a3, 3
        la      $a0, m_time
        subu    $a1, $t0, $s2
        li      $t1, 40000              # machine time went on by the countdown at least
        sltu    $a1, $a1, $t1
        li      $a2, 0
        jal     check
        li      $a3, 4
        la      $a0, m_woke
        andi    $a1, $s5, 0x0400
        li      $a2, 0x0400
        jal     check
        li      $a3, 5

        mfc0    $t0, $9                 # the on-chip timer does not end a WAIT
        addiu   $t0, $t0, 20            # c+1
        mtc0    $t0, $11                # c+2: the match would be at c+20
        li      $t0, 40                 # c+3
        sw      $t0, T_COUNTDOWN($s6)   # c+4
        .set    push
        .set    mips32
        wait                            # c+5: Count stands still from c+6 until the card's interrupt
        .set    pop
        mfc0    $s0, $13                # woken: Count is where it was at c+6
        lw      $zero, T_IRQ($s6)
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        mfc0    $s1, $13                # 14 cycles on: the match has come
        la      $a0, m_notimer
        andi    $a1, $s0, 0x8000
        li      $a2, 0
        jal     check
        li      $a3, 6
        la      $a0, m_timerlater
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 7
        li      $t0, 0x7fffffff
        mtc0    $t0, $11

        li      $t0, 0x100              # a software interrupt does not end a WAIT
        mtc0    $t0, $13
        lw      $s2, T_NSEC($s6)
        li      $t0, 40
        sw      $t0, T_COUNTDOWN($s6)
        .set    push
        .set    mips32
        wait
        .set    pop
        lw      $t0, T_NSEC($s6)
        lw      $zero, T_IRQ($s6)
        mtc0    $zero, $13
        la      $a0, m_soft
        subu    $a1, $t0, $s2
        li      $t1, 40000
        sltu    $a1, $a1, $t1
        li      $a2, 0
        jal     check
        li      $a3, 8
        j       exit
        move    $a0, $zero

        .rodata
m_line: .asciiz "WAIT with a hardware line active retires at once"
m_count: .asciiz "Count stands still while the CPU waits"
m_random: .asciiz "Random stands still while the CPU waits"
m_time: .asciiz "machine time goes on while the CPU waits"
m_woke: .asciiz "the timer card's interrupt ends the WAIT"
m_notimer: .asciiz "the on-chip timer does not end a WAIT"
m_timerlater: .asciiz "the on-chip timer goes on after the WAIT"
m_soft: .asciiz "a software interrupt does not end a WAIT"
