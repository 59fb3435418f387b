# macros: every macro and addressing form of the vm3000 assembler, in both .set modes, so that
# GnuAsIdentityTest compares their expansions with GNU as. Not run on the machine.

        .equ    SMALL, 0x1234
        .equ    NEG, -5
        .equ    BIG, 0x12345678

        .text
        .set    noreorder
        .globl  __start
__start:
        li      $t0, 0
        li      $t0, 5
        li      $t0, -1
        li      $t0, -32768
        li      $t0, 0x8000
        li      $t0, 0xffff
        li      $t0, 0x10000
        li      $t0, 0x12340000
        li      $t0, 0x12345678
        li      $t0, 0xffffffff
        li      $t0, 0x80000000
        li      $t0, -100000
        li      $t1, SMALL
        li      $t1, NEG
        li      $t1, BIG
        la      $a0, msg
        la      $a0, msg + 4
        la      $a0, 16($sp)
        la      $a0, 0x1234
        la      $a0, buffer
        move    $s0, $a0
        not     $t2, $t3
        neg     $t2, $t3
        negu    $t2, $t3
        abs     $t2, $t3
        abs     $t2, $t2
        mul     $v0, $t0, $t1
        lw      $t0, word
        lw      $t0, word + 4
        sw      $t0, buffer
        lb      $t0, msg($t1)
        lhu     $t0, 0x12345($t2)
        lw      $t0, 4($sp)
        lw      $t0, ($sp)
        sb      $zero, -1($a0)
        b       1f
        nop
        bal     1f
        nop
        beqz    $t0, 1f
        nop
        bnez    $t0, 1f
        nop
        blt     $t0, $t1, 1f
        nop
        bge     $t0, $t1, 1f
        nop
        bgt     $t0, $t1, 1f
        nop
        ble     $t0, $t1, 1f
        nop
        bltu    $t0, $t1, 1f
        nop
        bgeu    $t0, $t1, 1f
        nop
        bgtu    $t0, $t1, 1f
        nop
        bleu    $t0, $t1, 1f
        nop
        blt     $t0, 5, 1f
        nop
        bge     $t0, 5, 1f
        nop
        bgt     $t0, 5, 1f
        nop
        ble     $t0, 5, 1f
        nop
        blt     $t0, $zero, 1f
        nop
        bgt     $zero, $t1, 1f
        nop
1:      j       2f
        nop
2:      jal     3f
        nop
3:      j       $t9
        nop
        jal     $t9
        nop
        jalr    $t9
        nop
        jalr    $s0, $t9
        nop
        sll     $t0, $t1, 3
        srav    $t0, $t1, $t2
        addiu   $sp, $sp, -32
        andi    $t0, $t1, 0xff00
        lui     $t0, %hi(msg)
        addiu   $t0, $t0, %lo(msg)
        lui     $t0, %hi(BIG)
        ori     $t0, $t0, %lo(BIG)
        mfc0    $k0, $12
        mtc0    $k0, $12
        tlbwi
        rfe
        syscall
        break
        .set    push
        .set    mips2                   # the MIPS-161 extras are MIPS II to GNU as
        sync
        ll      $t0, 0($a0)
        sc      $t0, 0($a0)
        .set    pop

        # In .set reorder mode GNU as for MIPS I also inserts nops for the load delay, HI/LO
        # and CP0 hazards of the R3000; vm3000 is interlocked (MIPS-161) and fills only delay
        # slots, so this block has no such hazards.
        .set    reorder
        beq     $t0, $t1, 4f
        jal     4f
        jr      $ra
        lw      $t0, 0($a0)
        addu    $t1, $t2, $t2
        addu    $t1, $t0, $t0
4:      b       4b
        bnez    $t0, 4b
        bltu    $t0, $t1, 4b
        .set    noreorder

        .rodata
msg:    .asciiz "identity"
        .align  2
table:  .word   __start, 1b, msg, msg + 3, BIG
        .half   1, -1, 0xffff
        .byte   1, 2, 3
        .ascii  "x"

        .data
word:   .word   0x01020304, 0x05060708
        .space  12
        .align  3
dbl:    .word   table

        .bss
        .align  4
buffer: .space  64
