# intr/wait_forever: a WAIT that nothing could ever end. No device event is pending, and the
# on-chip timer, though armed, cannot end it: the CPU's time (and so Count) stands still while it
# waits. System/161 would hang; vm3000 stops with a machine check that names the WAIT.
# expect: machine-check WAIT at pc 0x8000
        .include "../lib/harness.s"
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        mfc0    $t0, $9
        addiu   $t0, $t0, 10
        mtc0    $t0, $11                # the match would come 8 cycles on
        .set    push
        .set    mips32                  # GNU as calls WAIT MIPS32 (OS/161 says the same)
        wait
        .set    pop
        j       exit
        li      $a0, 1
