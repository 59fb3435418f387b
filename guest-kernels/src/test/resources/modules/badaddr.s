# A user program for tinyos that loads from an address nobody mapped: it must be killed.
        .set    noreorder
        .text
        .globl  __start
__start:
        li      $a0, 1
        la      $a1, msg
        li      $a2, msgend - msg
        li      $v0, 4004
        syscall
        li      $t0, 0x00200000
        lw      $t1, 0($t0)             # TLBL: killed here
        li      $a0, 1
        li      $v0, 4001
        syscall
        .rodata
msg:    .ascii  "badaddr: loading from 0x00200000\n"
msgend:
