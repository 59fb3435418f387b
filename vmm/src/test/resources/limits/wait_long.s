# limits/wait_long: idles in WAIT for a long time. The timer card's countdown is set to 1 s
# (25,000,000 cycles), so the WAIT ends only then; a run limited to fewer cycles stops while the
# CPU waits. The limit counts the idle cycles as it counts executed ones, bare and in a VM.
        .set    noreorder
        .text
        .globl  __start
__start:
        li      $t0, 0xbffd0000         # timer card (slot 29)
        li      $t1, 1000000            # countdown in microseconds: 1 s
        sw      $t1, 0x10($t0)
        .set    push
        .set    mips32
        wait
        .set    pop
        li      $t0, 0xbffe001c         # the WAIT ended: power off with 7
        li      $t1, 7
        sw      $t1, 0($t0)
1:      b       1b
        nop
