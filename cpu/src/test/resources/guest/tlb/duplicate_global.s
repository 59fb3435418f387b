# tlb/duplicate_global: a global entry conflicts with a non-global one for the same VPN whatever
# their ASIDs, since both would match under the non-global entry's ASID; writing it (here with
# TLBWI over slot 31) is the duplicate-entry machine check naming both slots.
# expect: machine-check duplicate TLB entries 31 and 30
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        mtc0    $zero, $2
        li      $t0, 0x00460040         # slot 30: VPN 0x460, ASID 1, not global
        mtc0    $t0, $10
        li      $t0, 30 << 8
        mtc0    $t0, $0
        tlbwi
        la      $a0, m_ok
        li      $a1, 0
        li      $a2, 0
        jal     check
        li      $a3, 1
        li      $t0, 0x100              # G
        mtc0    $t0, $2
        li      $t0, 0x00460080         # slot 31: VPN 0x460, ASID 2, global
        mtc0    $t0, $10
        li      $t0, 31 << 8
        mtc0    $t0, $0
        tlbwi                           # machine check here
        j       exit                    # not reached
        li      $a0, 2

        .rodata
m_ok:   .asciiz "one entry for VPN 0x460 written"
