# tlb/ops: the TLB instructions. TLBWI writes the slot Index names and TLBR reads it back
# (EntryLo bits 7..0 read 0); TLBP finds a matching entry (Index = slot, P = 0) or sets Index.P;
# Index.P is not writable. Random always reads a slot in 8..63 and steps once per cycle. Two
# hundred TLBWRs of distinct pages land only in slots 8..63, never 0..7, and the last one is
# found by TLBP.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $t0, 0x00010080         # VPN 0x10, ASID 2
        mtc0    $t0, $10
        li      $t0, 0x000236ff         # PFN 0x23, D V, and bits 7..0 that do not exist
        mtc0    $t0, $2
        li      $t0, 5 << 8
        mtc0    $t0, $0
        tlbwi
        mtc0    $zero, $10
        mtc0    $zero, $2
        tlbr
        mfc0    $s1, $10
        mfc0    $s2, $2
        la      $a0, m_rhi
        move    $a1, $s1
        li      $a2, 0x00010080
        jal     check
        li      $a3, 1
        la      $a0, m_rlo
        move    $a1, $s2
        li      $a2, 0x00023600
        jal     check
        li      $a3, 2
        mtc0    $zero, $0
        tlbp                            # EntryHi is the entry just read: hit
        mfc0    $s1, $0
        li      $t0, 0x000100c0         # same VPN, ASID 3: miss
        mtc0    $t0, $10
        tlbp
        mfc0    $s2, $0
        la      $a0, m_phit
        move    $a1, $s1
        li      $a2, 5 << 8
        jal     check
        li      $a3, 3
        la      $a0, m_pmiss
        srl     $a1, $s2, 31
        li      $a2, 1
        jal     check
        li      $a3, 4
        li      $t0, 0x00010080
        mtc0    $t0, $10
        tlbp                            # hit again: P = 0
        li      $t0, 0x80000700
        mtc0    $t0, $0
        mfc0    $a1, $0
        la      $a0, m_pro
        li      $a2, 0x700
        jal     check
        li      $a3, 5

        li      $s2, 100                # Random: 100 reads, count those outside 8..63
        li      $s6, 0
1:      mfc0    $t0, $1
        srl     $t1, $t0, 8
        sll     $t2, $t1, 8
        bne     $t2, $t0, 2f            # bits outside 13..8
        sltiu   $t2, $t1, 8
        bnez    $t2, 2f
        sltiu   $t2, $t1, 64
        bnez    $t2, 3f
        nop
2:      addiu   $s6, $s6, 1
3:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        la      $a0, m_rand
        move    $a1, $s6
        li      $a2, 0
        jal     check
        li      $a3, 6
        mfc0    $t0, $1                 # two reads one cycle apart
        mfc0    $t1, $1
        srl     $t0, $t0, 8
        srl     $t1, $t1, 8
        subu    $a1, $t1, $t0
        addiu   $a1, $a1, -1
        bgez    $a1, 4f
        nop
        addiu   $a1, $a1, 56            # 63 -> 8 wraps
4:      la      $a0, m_step
        li      $a2, 0
        jal     check
        li      $a3, 7

        li      $s1, 0x00100000         # 200 TLBWRs: VPN 0x100.., ASID 0, invalid
        li      $s2, 200
        li      $t3, 0x1000
        mtc0    $zero, $2
5:      mtc0    $s1, $10
        tlbwr
        addiu   $s2, $s2, -1
        bnez    $s2, 5b
        addu    $s1, $s1, $t3
        li      $s3, 0                  # scan all slots for them
        li      $s4, 0                  # found in 0..7
        li      $s5, 0                  # found in 8..63
6:      sll     $t0, $s3, 8
        mtc0    $t0, $0
        tlbr
        mfc0    $t0, $10
        srl     $t0, $t0, 12
        addiu   $t0, $t0, -0x100
        sltiu   $t0, $t0, 0x100
        beqz    $t0, 8f
        sltiu   $t1, $s3, 8
        beqz    $t1, 7f
        nop
        b       8f
        addiu   $s4, $s4, 1
7:      addiu   $s5, $s5, 1
8:      addiu   $s3, $s3, 1
        sltiu   $t0, $s3, 64
        bnez    $t0, 6b
        nop
        la      $a0, m_low
        move    $a1, $s4
        li      $a2, 0
        jal     check
        li      $a3, 8
        la      $a0, m_high
        sltu    $a1, $zero, $s5
        li      $a2, 1
        jal     check
        li      $a3, 9
        li      $t0, 0x001c7000         # the last one written
        mtc0    $t0, $10
        tlbp
        mfc0    $t0, $0
        srl     $a1, $t0, 31
        la      $a0, m_last
        li      $a2, 0
        jal     check
        li      $a3, 10
        mfc0    $t0, $0
        srl     $t0, $t0, 8
        sltiu   $a1, $t0, 8
        la      $a0, m_lastslot
        li      $a2, 0
        jal     check
        li      $a3, 11
        j       exit
        move    $a0, $zero

        .rodata
m_rhi:  .asciiz "tlbwi slot 5, tlbr: EntryHi = 0x00010080"
m_rlo:  .asciiz "tlbr: EntryLo = 0x00023600"
m_phit: .asciiz "tlbp hit: Index = slot 5"
m_pmiss: .asciiz "tlbp other ASID: Index.P = 1"
m_pro:  .asciiz "Index.P not writable"
m_rand: .asciiz "Random in 8..63 on 100 reads"
m_step: .asciiz "Random steps once per cycle"
m_low:  .asciiz "tlbwr x200: none in slots 0..7"
m_high: .asciiz "tlbwr x200: found in slots 8..63"
m_last: .asciiz "tlbp finds the last tlbwr"
m_lastslot: .asciiz "the last tlbwr is in 8..63"
