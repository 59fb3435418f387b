# boot/bev_utlb: with Status.BEV still set, a kuseg TLB miss goes to the boot ROM's UTLB vector
# 0xbfc00100, where vm3000 stops the machine with a diagnostic naming it.
# expect: machine-check exception TLBL with Status.BEV=1 went to the boot ROM vector 0xbfc00100
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        lui     $s7, 0x8000
        mfc0    $a1, $12
        la      $a0, m_bev
        li      $a2, 0x00400000
        jal     check
        li      $a3, 1
        lui     $t0, 0x0001
        lw      $t1, 0($t0)             # kuseg 0x00010000: no TLB entry
        j       exit                    # not reached
        li      $a0, 2

        .rodata
m_bev:  .asciiz "Status at boot = 0x00400000"
