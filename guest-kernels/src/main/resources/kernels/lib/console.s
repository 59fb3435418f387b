# lib/console.s: polled output on the serial console and power-off. Kernel mode only (the
# console is in kseg1). The serial card drops a character written while it is still sending the
# previous one, so putc waits for WIRQ.CMPL after each character and then clears it.
#
# Calling convention (o32-like): arguments in $a0.., return in $v0, $ra; each routine uses only
# $t0..$t4 and $a0..$a1 and calls nothing, except putdec and puthex which call putc and keep
# their state in $t5..$t7 and $v1.

        .text
# putc(a0): one character.
putc:   li      $t0, SERIAL
        sw      $a0, SERIAL_CHAR($t0)
1:      lw      $t1, SERIAL_WIRQ($t0)
        andi    $t1, $t1, WIRQ_CMPL
        beqz    $t1, 1b
        nop
        jr      $ra
        sw      $zero, SERIAL_WIRQ($t0)

# puts(a0): the NUL-terminated string at a0.
puts:   li      $t0, SERIAL
1:      lbu     $t2, 0($a0)
        beqz    $t2, 3f
        addiu   $a0, $a0, 1
        sw      $t2, SERIAL_CHAR($t0)
2:      lw      $t1, SERIAL_WIRQ($t0)
        andi    $t1, $t1, WIRQ_CMPL
        beqz    $t1, 2b
        nop
        b       1b
        sw      $zero, SERIAL_WIRQ($t0)
3:      jr      $ra
        nop

# putn(a0, a1): the a1 bytes at a0.
putn:   li      $t0, SERIAL
1:      beqz    $a1, 3f
        addiu   $a1, $a1, -1
        lbu     $t2, 0($a0)
        addiu   $a0, $a0, 1
        sw      $t2, SERIAL_CHAR($t0)
2:      lw      $t1, SERIAL_WIRQ($t0)
        andi    $t1, $t1, WIRQ_CMPL
        beqz    $t1, 2b
        nop
        b       1b
        sw      $zero, SERIAL_WIRQ($t0)
3:      jr      $ra
        nop

# puthex(a0): "0x" and 8 hex digits.
puthex: move    $v1, $ra
        move    $t5, $a0
        jal     putc
        li      $a0, '0'
        jal     putc
        li      $a0, 'x'
        li      $t6, 8
1:      srl     $a0, $t5, 28
        sll     $t5, $t5, 4
        sltiu   $t1, $a0, 10
        bnez    $t1, 2f
        addiu   $a0, $a0, '0'
        addiu   $a0, $a0, 'a' - '0' - 10
2:      jal     putc
        addiu   $t6, $t6, -1
        bnez    $t6, 1b
        nop
        jr      $v1
        nop

# putdec(a0): a0 as an unsigned decimal number.
putdec: move    $v1, $ra
        addiu   $sp, $sp, -16           # digits, last first
        move    $t5, $sp
1:      li      $t1, 10
        divu    $zero, $a0, $t1
        mfhi    $t2
        mflo    $a0
        addiu   $t2, $t2, '0'
        sb      $t2, 0($t5)
        bnez    $a0, 1b
        addiu   $t5, $t5, 1
2:      addiu   $t5, $t5, -1
        jal     putc
        lbu     $a0, 0($t5)
        bne     $t5, $sp, 2b
        nop
        addiu   $sp, $sp, 16
        jr      $v1
        nop

# poweroff(a0): power the machine off with exit code a0. Does not return.
poweroff:
        li      $t0, TRACE_EXIT
        sw      $a0, 0($t0)
1:      b       1b
        nop
