# tlb/duplicate: two TLB entries that match the same VPN and ASID stop the machine with a
# machine check naming both slots, at the write that creates the second. The same VPN under
# another ASID (both non-global) is not a duplicate.
# expect: machine-check duplicate TLB entries 20 and 9
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        mtc0    $zero, $2               # EntryLo 0 for all: invalid, not global
        li      $t0, 0x00450100         # slot 9: VPN 0x450, ASID 4
        mtc0    $t0, $10
        li      $t0, 9 << 8
        mtc0    $t0, $0
        tlbwi
        li      $t0, 0x00450140         # slot 21: VPN 0x450, ASID 5: no conflict
        mtc0    $t0, $10
        li      $t0, 21 << 8
        mtc0    $t0, $0
        tlbwi
        la      $a0, m_ok
        li      $a1, 0
        li      $a2, 0
        jal     check
        li      $a3, 1
        li      $t0, 0x00450100         # slot 20: VPN 0x450, ASID 4 again
        mtc0    $t0, $10
        li      $t0, 20 << 8
        mtc0    $t0, $0
        tlbwi                           # machine check here
        j       exit                    # not reached
        li      $a0, 2

        .rodata
m_ok:   .asciiz "same VPN, other ASID: no machine check"
