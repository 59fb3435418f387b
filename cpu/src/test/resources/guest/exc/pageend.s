# exc/pageend: instruction-fetch faults at a page end are raised at the faulting fetch (System/161
# 2.0.8 raises them two instructions early). kseg2 0xc0000000 and 0xc0002000 and 0xc0004000 map
# three kernel code pages; the page after each is unmapped. Falling off the end of a page runs
# its last two instructions, then TLBL with EPC = BadVAddr = the next page, BD = 0. A jr or a
# not-taken bne in the last word runs, and the fetch of its slot faults: EPC = the branch, BD = 1.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s6, 0x1ffff000
        la      $t0, page1              # slot 1: 0xc0000000 -> page1
        li      $t1, 0xc0000000
        jal     map
        li      $t2, 1 << 8
        la      $t0, page2              # slot 2: 0xc0002000 -> page2
        li      $t1, 0xc0002000
        jal     map
        li      $t2, 2 << 8
        la      $t0, page3              # slot 3: 0xc0004000 -> page3
        li      $t1, 0xc0004000
        jal     map
        li      $t2, 3 << 8

        li      $s3, 0
        la      $t0, r1
        sw      $t0, RESUME($s7)
        li      $t0, 0xc0000ff8
        jr      $t0
        nop
r1:     la      $t0, r2
        sw      $t0, RESUME($s7)
        la      $s5, r2                 # page2 ends with jr $s5
        li      $t0, 0xc0002ffc
        jr      $t0
        nop
r2:     la      $t0, r3
        sw      $t0, RESUME($s7)
        li      $t0, 0xc0004ffc
        jr      $t0
        nop
r3:     li      $s0, LOG + 0*32
        la      $a0, m_ran
        move    $a1, $s3
        li      $a2, 2
        jal     check
        li      $a3, 1
        la      $a0, m_c1
        li      $a2, 2
        jal     ccode
        li      $a3, 2
        la      $a0, m_epc1
        li      $a2, 0xc0001000
        jal     cepc
        li      $a3, 3
        la      $a0, m_bad1
        li      $a2, 0xc0001000
        jal     cbad
        li      $a3, 4
        la      $a0, m_bd1
        li      $a2, 0
        jal     cbd
        li      $a3, 5
        li      $s0, LOG + 1*32
        la      $a0, m_epc2
        li      $a2, 0xc0002ffc
        jal     cepc
        li      $a3, 6
        la      $a0, m_bd2
        li      $a2, 1
        jal     cbd
        li      $a3, 7
        la      $a0, m_bad2
        li      $a2, 0xc0003000
        jal     cbad
        li      $a3, 8
        li      $s0, LOG + 2*32
        la      $a0, m_epc3
        li      $a2, 0xc0004ffc
        jal     cepc
        li      $a3, 9
        la      $a0, m_bd3
        li      $a2, 1
        jal     cbd
        li      $a3, 10
        la      $a0, m_n
        li      $a2, 3
        jal     cnexc
        li      $a3, 11
        j       exit
        move    $a0, $zero

# map: TLB slot t2 (Index value) maps VPN t1 onto the physical page of t0, global and valid.
map:    and     $t0, $t0, $s6
        ori     $t0, $t0, 0x300
        mtc0    $t0, $2
        mtc0    $t1, $10
        mtc0    $t2, $0
        tlbwi
        jr      $ra
        nop

        .align  12
page1:  .space  0xff8
        addiu   $s3, $s3, 1             # 0xc0000ff8
        addiu   $s3, $s3, 1             # 0xc0000ffc, then 0xc0001000 is unmapped
page2:  .space  0xffc
        jr      $s5                     # 0xc0002ffc; its slot 0xc0003000 is unmapped
page3:  .space  0xffc
        bne     $zero, $zero, page3     # 0xc0004ffc, not taken; slot unmapped

        .rodata
m_ran:  .asciiz "fall off page end: last two instructions ran"
m_c1:   .asciiz "fall off page end: ExcCode 2 (TLBL)"
m_epc1: .asciiz "fall off page end: EPC = 0xc0001000"
m_bad1: .asciiz "fall off page end: BadVAddr = 0xc0001000"
m_bd1:  .asciiz "fall off page end: BD = 0"
m_epc2: .asciiz "jr in last word: EPC = the jr"
m_bd2:  .asciiz "jr in last word: BD = 1"
m_bad2: .asciiz "jr in last word: BadVAddr = its slot"
m_epc3: .asciiz "not-taken bne in last word: EPC = the bne"
m_bd3:  .asciiz "not-taken bne in last word: BD = 1"
m_n:    .asciiz "3 exceptions taken"
