# lib/args.s: reading numbers from the boot argument string.

        .text
# argnum(a0 = string, a1 = default): the first decimal number in the string (digits after any
# other characters), or a1 if there is none. Uses $t0..$t2.
argnum: lbu     $t0, 0($a0)
        beqz    $t0, 3f                 # no digits at all: the default
        addiu   $t1, $t0, -'0'
        sltiu   $t1, $t1, 10
        beqz    $t1, argnum
        addiu   $a0, $a0, 1
        move    $v0, $zero              # a0 is one past the first digit
        addiu   $a0, $a0, -1
1:      lbu     $t0, 0($a0)
        addiu   $t1, $t0, -'0'
        sltiu   $t2, $t1, 10
        beqz    $t2, 2f
        addiu   $a0, $a0, 1
        sll     $t2, $v0, 3             # v0 = v0 * 10 + digit
        sll     $v0, $v0, 1
        addu    $v0, $v0, $t2
        b       1b
        addu    $v0, $v0, $t1
2:      jr      $ra
        nop
3:      jr      $ra
        move    $v0, $a1
