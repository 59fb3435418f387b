# compute: an endless loop of integer work with no sensitive instruction (ALU, shifts, a
# multiply, loads and stores to a small buffer, branches), for measuring raw guest speed.
        .set    noreorder
        .text
        .globl  __start
__start:
        la      $s0, buffer
        li      $s1, 12345
loop:   li      $t0, 64
1:      sll     $t1, $s1, 5
        xor     $s1, $s1, $t1
        srl     $t1, $s1, 7
        xor     $s1, $s1, $t1
        andi    $t2, $s1, 0x3c
        addu    $t3, $s0, $t2
        lw      $t4, 0($t3)
        multu   $t4, $s1
        mflo    $t5
        addiu   $t4, $t5, 1
        sw      $t4, 0($t3)
        addiu   $t0, $t0, -1
        bnez    $t0, 1b
        nop
        b       loop
        nop
        .bss
buffer: .space  64
