# boot/bev_general: a kernel that leaves Status.BEV set (as at power-on) and takes a syscall.
# The exception goes to the boot ROM's general vector 0xbfc00180, where vm3000 stops the
# machine with a diagnostic instead of running the ROM's breakpoint.
# expect: machine-check exception Sys with Status.BEV=1 went to the boot ROM vector 0xbfc00180
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        lui     $s7, 0x8000
        mfc0    $a1, $12
        la      $a0, m_bev
        li      $a2, 0x00400000         # reset Status: BEV, kernel, interrupts off
        jal     check
        li      $a3, 1
        syscall
        j       exit                    # not reached
        li      $a0, 2

        .rodata
m_bev:  .asciiz "Status at boot = 0x00400000"
