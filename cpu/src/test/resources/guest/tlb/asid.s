# tlb/asid: ASID matching. A global entry (G = 1) matches under every ASID; non-global entries
# match only their own ASID, so two of them may share a VPN under different ASIDs. Under an
# ASID with no entry for a non-global page the access misses (UTLB vector). TLBP follows the
# same rule.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s6, 0x1ffff000
        la      $t0, page_a             # slot 10: 0x00420000, ASID 1, global -> page_a
        and     $t0, $t0, $s6
        ori     $t0, $t0, 0x300
        mtc0    $t0, $2
        li      $t0, 0x00420040
        mtc0    $t0, $10
        li      $t0, 10 << 8
        mtc0    $t0, $0
        tlbwi
        la      $t0, page_b             # slot 11: 0x00430000, ASID 1 -> page_b
        and     $t0, $t0, $s6
        ori     $t0, $t0, 0x200
        mtc0    $t0, $2
        li      $t0, 0x00430040
        mtc0    $t0, $10
        li      $t0, 11 << 8
        mtc0    $t0, $0
        tlbwi
        la      $t0, page_c             # slot 12: 0x00430000, ASID 2 -> page_c
        and     $t0, $t0, $s6
        ori     $t0, $t0, 0x200
        mtc0    $t0, $2
        li      $t0, 0x00430080
        mtc0    $t0, $10
        li      $t0, 12 << 8
        mtc0    $t0, $0
        tlbwi
        lui     $s5, 0x0042
        lui     $s6, 0x0043

        li      $t0, 1 << 6             # ASID 1
        mtc0    $t0, $10
        lw      $a1, 0($s5)
        la      $a0, m_1g
        li      $a2, 0xaaaa0000
        jal     check
        li      $a3, 1
        lw      $a1, 0($s6)
        la      $a0, m_1n
        li      $a2, 0xbbbb0000
        jal     check
        li      $a3, 2
        li      $t0, 2 << 6             # ASID 2
        mtc0    $t0, $10
        lw      $a1, 0($s5)
        la      $a0, m_2g
        li      $a2, 0xaaaa0000
        jal     check
        li      $a3, 3
        lw      $a1, 0($s6)
        la      $a0, m_2n
        li      $a2, 0xcccc0000
        jal     check
        li      $a3, 4
        li      $t0, 3 << 6             # ASID 3
        mtc0    $t0, $10
        lw      $a1, 0($s5)
        la      $a0, m_3g
        li      $a2, 0xaaaa0000
        jal     check
        li      $a3, 5
        li      $a1, 0x1234
f_miss: lw      $a1, 0($s6)             # no entry for ASID 3: UTLB miss, a1 unchanged
        la      $a0, m_3n
        li      $a2, 0x1234
        jal     check
        li      $a3, 6
        li      $s0, LOG + 0*32
        la      $a0, m_3nv
        li      $a2, 1
        jal     cvec
        li      $a3, 7
        la      $a0, m_3nepc
        la      $a2, f_miss
        jal     cepc
        li      $a3, 8
        la      $a0, m_3nhi
        lw      $a1, E_ENTRYHI($s0)
        li      $a2, 0x004300c0
        jal     check
        li      $a3, 9
        li      $t0, 0x004200c0         # tlbp under ASID 3
        mtc0    $t0, $10
        tlbp
        mfc0    $a1, $0
        la      $a0, m_pg
        li      $a2, 10 << 8
        jal     check
        li      $a3, 10
        li      $t0, 0x004300c0
        mtc0    $t0, $10
        tlbp
        mfc0    $a1, $0
        srl     $a1, $a1, 31
        la      $a0, m_pn
        li      $a2, 1
        jal     check
        li      $a3, 11
        li      $t0, 0x00430080
        mtc0    $t0, $10
        tlbp
        mfc0    $a1, $0
        la      $a0, m_p2
        li      $a2, 12 << 8
        jal     check
        li      $a3, 12
        la      $a0, m_n
        li      $a2, 1
        jal     cnexc
        li      $a3, 13
        j       exit
        move    $a0, $zero

        .data
        .align  12
page_a: .word   0xaaaa0000
        .align  12
page_b: .word   0xbbbb0000
        .align  12
page_c: .word   0xcccc0000

        .rodata
m_1g:   .asciiz "ASID 1: global page"
m_1n:   .asciiz "ASID 1: its own page"
m_2g:   .asciiz "ASID 2: global page"
m_2n:   .asciiz "ASID 2: its own page at the same VPN"
m_3g:   .asciiz "ASID 3: global page"
m_3n:   .asciiz "ASID 3: other ASIDs' page misses"
m_3nv:  .asciiz "ASID 3 miss: UTLB vector"
m_3nepc: .asciiz "ASID 3 miss: EPC = the lw"
m_3nhi: .asciiz "ASID 3 miss: EntryHi keeps ASID 3"
m_pg:   .asciiz "tlbp ASID 3: global entry, slot 10"
m_pn:   .asciiz "tlbp ASID 3: non-global VPN misses"
m_p2:   .asciiz "tlbp ASID 2: slot 12"
m_n:    .asciiz "1 exception taken"
