# A user program for tinyos, linked at 0x00400000 (vm3000 asm --base 0x00400000): writes a
# line, checks that .data is initialised and .bss is zero, and exits with 42.
        .set    noreorder
        .text
        .globl  __start
__start:
        li      $a0, 1
        la      $a1, msg
        li      $a2, msgend - msg
        li      $v0, 4004               # write(1, msg, len)
        syscall
        la      $t0, counter            # .data: 1, writable
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 41
        sw      $t1, 0($t0)
        la      $t0, zeros              # .bss: 0
        lw      $t2, 400($t0)
        addu    $a0, $t1, $t2
        li      $v0, 4001               # exit(42)
        syscall
        .rodata
msg:    .ascii  "hi from a boot module\n"
msgend:
        .data
counter: .word 1
        .bss
zeros:  .space 8192
