# tlb/faults: TLB exceptions. A kuseg miss goes to the UTLB vector (load and fetch: TLBL, store:
# TLBS); a kseg2 miss and a matching entry with V = 0 go to the general vector. Each sets
# BadVAddr, Context.BadVPN (PTEBase kept) and EntryHi.VPN (ASID kept). A store through a valid
# entry with D = 0 raises Mod; after setting D the store goes through. A successful mapped access
# changes neither EntryHi nor BadVAddr.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $t0, 0x12345678         # PTEBase = 0x122 (bits 31..21)
        mtc0    $t0, $4
        li      $t0, 0x00000140         # ASID 5
        mtc0    $t0, $10
f_ld:   lui     $t1, 0x0040
        lw      $t0, 0x3ab4($t1)        # 0x00403ab4: no entry
        lui     $t1, 0x0040
        sw      $t0, 0x5008($t1)        # 0x00405008: no entry
        la      $t0, r_fetch
        sw      $t0, RESUME($s7)
        li      $t0, 0x00406000
        jr      $t0
        nop
r_fetch: lui    $t1, 0xc000
        lw      $t0, 0x1000($t1)        # kseg2 0xc0001000: no entry
        li      $t0, 0x00407140         # slot 3: 0x00407000 ASID 5, V = 0
        mtc0    $t0, $10
        li      $t0, 0x00011000 | 0x400
        mtc0    $t0, $2
        li      $t0, 3 << 8
        mtc0    $t0, $0
        tlbwi
        lui     $t1, 0x0040
        lw      $t0, 0x7010($t1)        # invalid entry
        la      $t0, data               # slot 4: 0x00408000 ASID 5 -> data's page, V, D = 0
        li      $t1, 0x1ffff000
        and     $t0, $t0, $t1
        ori     $t0, $t0, 0x200
        mtc0    $t0, $2
        li      $t0, 0x00408140
        mtc0    $t0, $10
        li      $t0, 4 << 8
        mtc0    $t0, $0
        tlbwi
        li      $t0, 0x00000140         # EntryHi back to VPN 0, ASID 5
        mtc0    $t0, $10
        la      $t1, data
        andi    $t1, $t1, 0xfff
        lui     $t2, 0x0040
        addu    $t2, $t2, $t1
        li      $t3, 0x8000
        addu    $t2, $t2, $t3           # t2 = 0x00408000 + offset of data
        lw      $s1, 0($t2)             # mapped load: 0xcafef00d
        mfc0    $s2, $10                # EntryHi untouched by it
        mfc0    $s3, $8                 # BadVAddr likewise (still 0x00407010)
        li      $t0, 0x11111111
f_mod:  sw      $t0, 0($t2)             # clean page: Mod
        li      $t0, 0x00408140         # set D: probe, read, or in D, write back
        mtc0    $t0, $10
        tlbp
        tlbr
        mfc0    $t0, $2
        ori     $t0, $t0, 0x400
        mtc0    $t0, $2
        tlbwi
        li      $t0, 0x22222222
        sw      $t0, 0($t2)             # now it goes through
        la      $t0, data
        lw      $s4, 0($t0)             # seen through kseg0

        la      $a0, m_n
        li      $a2, 6
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 0*32         # load miss in kuseg
        la      $a0, m_ldv
        li      $a2, 1
        jal     cvec
        li      $a3, 2
        la      $a0, m_ldc
        li      $a2, 2
        jal     ccode
        li      $a3, 3
        la      $a0, m_ldbad
        li      $a2, 0x00403ab4
        jal     cbad
        li      $a3, 4
        la      $a0, m_ldctx
        lw      $a1, E_CONTEXT($s0)
        li      $a2, 0x1220100c
        jal     check
        li      $a3, 5
        la      $a0, m_ldhi
        lw      $a1, E_ENTRYHI($s0)
        li      $a2, 0x00403140
        jal     check
        li      $a3, 6
        li      $s0, LOG + 1*32         # store miss in kuseg
        la      $a0, m_stv
        li      $a2, 1
        jal     cvec
        li      $a3, 7
        la      $a0, m_stc
        li      $a2, 3
        jal     ccode
        li      $a3, 8
        la      $a0, m_stbad
        li      $a2, 0x00405008
        jal     cbad
        li      $a3, 9
        li      $s0, LOG + 2*32         # fetch miss in kuseg
        la      $a0, m_fv
        li      $a2, 1
        jal     cvec
        li      $a3, 10
        la      $a0, m_fc
        li      $a2, 2
        jal     ccode
        li      $a3, 11
        la      $a0, m_fepc
        li      $a2, 0x00406000
        jal     cepc
        li      $a3, 12
        li      $s0, LOG + 3*32         # kseg2 miss
        la      $a0, m_k2v
        li      $a2, 2
        jal     cvec
        li      $a3, 13
        la      $a0, m_k2c
        li      $a2, 2
        jal     ccode
        li      $a3, 14
        la      $a0, m_k2ctx
        lw      $a1, E_CONTEXT($s0)
        li      $a2, 0x12300004         # BadVPN = address bits 30..12 = 0x40001, at bit 2: 0x100004
        jal     check
        li      $a3, 15
        la      $a0, m_k2hi
        lw      $a1, E_ENTRYHI($s0)
        li      $a2, 0xc0001140
        jal     check
        li      $a3, 16
        li      $s0, LOG + 4*32         # invalid entry
        la      $a0, m_invv
        li      $a2, 2
        jal     cvec
        li      $a3, 17
        la      $a0, m_invc
        li      $a2, 2
        jal     ccode
        li      $a3, 18
        la      $a0, m_ok
        move    $a1, $s1
        li      $a2, 0xcafef00d
        jal     check
        li      $a3, 19
        la      $a0, m_okhi
        move    $a1, $s2
        li      $a2, 0x00000140
        jal     check
        li      $a3, 20
        la      $a0, m_okbad
        move    $a1, $s3
        li      $a2, 0x00407010
        jal     check
        li      $a3, 21
        li      $s0, LOG + 5*32         # Mod
        la      $a0, m_modv
        li      $a2, 2
        jal     cvec
        li      $a3, 22
        la      $a0, m_modc
        li      $a2, 1
        jal     ccode
        li      $a3, 23
        la      $a0, m_modepc
        la      $a2, f_mod
        jal     cepc
        li      $a3, 24
        la      $a0, m_modhi
        lw      $a1, E_ENTRYHI($s0)
        li      $a2, 0x00408140
        jal     check
        li      $a3, 25
        la      $a0, m_dirty
        move    $a1, $s4
        li      $a2, 0x22222222
        jal     check
        li      $a3, 26
        j       exit
        move    $a0, $zero

        .data
        .align  12
data:   .word   0xcafef00d

        .rodata
m_n:    .asciiz "6 exceptions taken"
m_ldv:  .asciiz "kuseg load miss: UTLB vector"
m_ldc:  .asciiz "kuseg load miss: ExcCode 2 (TLBL)"
m_ldbad: .asciiz "kuseg load miss: BadVAddr = 0x00403ab4"
m_ldctx: .asciiz "kuseg load miss: Context = PTEBase | BadVPN"
m_ldhi: .asciiz "kuseg load miss: EntryHi = VPN | ASID 5"
m_stv:  .asciiz "kuseg store miss: UTLB vector"
m_stc:  .asciiz "kuseg store miss: ExcCode 3 (TLBS)"
m_stbad: .asciiz "kuseg store miss: BadVAddr = 0x00405008"
m_fv:   .asciiz "kuseg fetch miss: UTLB vector"
m_fc:   .asciiz "kuseg fetch miss: ExcCode 2 (TLBL)"
m_fepc: .asciiz "kuseg fetch miss: EPC = 0x00406000"
m_k2v:  .asciiz "kseg2 miss: general vector"
m_k2c:  .asciiz "kseg2 miss: ExcCode 2 (TLBL)"
m_k2ctx: .asciiz "kseg2 miss: Context"
m_k2hi: .asciiz "kseg2 miss: EntryHi"
m_invv: .asciiz "invalid kuseg entry: general vector"
m_invc: .asciiz "invalid kuseg entry: ExcCode 2 (TLBL)"
m_ok:   .asciiz "mapped load reads the page"
m_okhi: .asciiz "mapped load: EntryHi unchanged"
m_okbad: .asciiz "mapped load: BadVAddr unchanged"
m_modv: .asciiz "store to clean page: general vector"
m_modc: .asciiz "store to clean page: ExcCode 1 (Mod)"
m_modepc: .asciiz "store to clean page: EPC = the sw"
m_modhi: .asciiz "store to clean page: EntryHi = VPN | ASID"
m_dirty: .asciiz "store after setting D goes through"
