# lib/show.s: a named register value on the console, for kernels that report what the hardware
# left in CP0 or found in memory (the course labs' lab1 to lab4, lab6). Needs lib/console.s.

        .text
# show(a0 = name, a1 = value): prints the NUL-terminated name, "0x" and 8 hex digits, and a
# newline. Uses s6 and s7 besides what puts, puthex and putc use.
show:   move    $s7, $ra
        move    $s6, $a1
        jal     puts
        nop
        jal     puthex
        move    $a0, $s6
        jal     putc
        li      $a0, '\n'
        jr      $s7
        nop
