# ticker: interrupts from two sources (the LAMEbus timer card and the on-chip Count/Compare
# timer) interleaved with work that reads the random card. Prints when each interrupt arrived
# (Count at entry) and a checksum of the random values. Run twice, it must print the same.
        .set    noreorder
        .equ    SERIAL, 0xbfe00000
        .equ    RANDOM, 0xbffc0000
        .equ    TIMER, 0xbffd0000
        .equ    TRACE, 0xbffe0000

        .section .vectors
        .org    0x80
general:
        mfc0    $k0, $13                # Cause
        andi    $k1, $k0, 0x0400        # IP2: LAMEbus (the timer card)
        beqz    $k1, 1f
        nop
        li      $k1, TIMER
        lw      $k1, 0x0c($k1)          # reading INTERRUPT lowers the line
        mfc0    $k1, $9                 # Count at this interrupt
        sll     $k0, $s1, 2
        addu    $k0, $k0, $s3
        sw      $k1, 0($k0)             # samples[s1] = Count
        addiu   $s1, $s1, 1
        mfc0    $k0, $13
1:      andi    $k1, $k0, 0x8000        # IP7: Count/Compare
        beqz    $k1, 2f
        nop
        mfc0    $k1, $9
        addiu   $k1, $k1, 3001
        mtc0    $k1, $11                # next in 3001 cycles; writing Compare clears IP7
        addiu   $s2, $s2, 1
2:      mfc0    $k0, $14
        jr      $k0
        rfe

        .text
        .globl  __start
__start:
        la      $s3, samples
        move    $s1, $zero              # timer-card interrupts
        move    $s2, $zero              # Count/Compare interrupts
        move    $s4, $zero              # checksum of random values
        mfc0    $t0, $9
        addiu   $t0, $t0, 3001
        mtc0    $t0, $11
        li      $t0, TIMER
        li      $t1, 1
        sw      $t1, 0x08($t0)          # RESTART: periodic
        li      $t1, 97
        sw      $t1, 0x10($t0)          # every 97 us = 2425 cycles
        li      $t0, 0x8401             # IM7 | IM2 | IEc, BEV clear, kernel mode
        mtc0    $t0, $12
        li      $t2, RANDOM
work:   lw      $t3, 0($t2)
        sll     $t4, $s4, 5
        subu    $s4, $t4, $s4
        addu    $s4, $s4, $t3           # checksum = checksum * 31 + random
        slti    $t5, $s1, 16
        bnez    $t5, work
        nop
        mtc0    $zero, $12              # interrupts off
        move    $a0, $s1
        jal     puthex
        nop
        move    $a0, $s2
        jal     puthex
        nop
        move    $a0, $s4
        jal     puthex
        nop
        move    $s5, $zero
3:      sll     $t0, $s5, 2
        addu    $t0, $t0, $s3
        lw      $a0, 0($t0)
        jal     puthex
        nop
        addiu   $s5, $s5, 1
        slti    $t0, $s5, 16
        bnez    $t0, 3b
        nop
        li      $t0, TRACE
        sw      $zero, 0x1c($t0)        # power off, exit code 0
4:      b       4b
        nop

# puthex(a0): eight hex digits and a newline.
puthex:
        move    $t6, $ra
        li      $t7, 28
5:      srlv    $t8, $a0, $t7
        andi    $t8, $t8, 15
        la      $t9, digits
        addu    $t9, $t9, $t8
        lbu     $t8, 0($t9)
        jal     putc
        nop
        bnez    $t7, 5b
        addiu   $t7, $t7, -4
        li      $t8, 10
        jal     putc
        nop
        jr      $t6
        nop

# putc(t8): one character, waiting for the serial card to finish it.
putc:
        li      $t9, SERIAL
        sw      $t8, 0($t9)
6:      lw      $t8, 4($t9)
        andi    $t8, $t8, 2
        beqz    $t8, 6b
        nop
        jr      $ra
        sw      $zero, 4($t9)

        .rodata
digits: .ascii  "0123456789abcdef"
        .bss
samples:
        .space  64
