# tlb/asid: ASID matching. A global entry (G = 1) matches under every ASID; non-global entries
# match only their own ASID, so two of them may share a VPN under different ASIDs. Under an
# ASID with no entry for a non-global page the access misses (UTLB vector). TLBP follows the
# same rule.
# ---- common part (the same in every guest test) -------------------------------------------
# Handlers at both vectors log each exception at LOG + n*32 (n = 0, 1, ...; NEXC counts them):
# +0 vector (1 UTLB, 2 general), +4 Cause, +8 EPC, +12 BadVAddr, +16 Status, +20 Context,
# +24 EntryHi. They then return with `jr k0; rfe` to RESUME if it is set (one shot, cleared),
# else to EPC+4 (EPC for Int). On Int they first clear Status.IM so rfe does not re-enter. If
# SYSRET is set, a Sys goes there in kernel mode without rfe (user code handing back control).
# check(a0 = label, a1 = actual, a2 = expected, a3 = exit code if they differ) prints
# "label ok" or "label FAIL <actual>" and powers off with a3.
        .set    noreorder
        .equ    SERIAL, 0xbfe00000
        .equ    TRACE_EXIT, 0xbffe001c
        .equ    NEXC, 0x100             # offsets from 0x80000000 ($s7)
        .equ    SYSRET, 0x108
        .equ    RESUME, 0x10c
        .equ    LOG, 0x80000200
        .equ    E_VEC, 0
        .equ    E_CAUSE, 4
        .equ    E_EPC, 8
        .equ    E_BADVA, 12
        .equ    E_STATUS, 16
        .equ    E_CONTEXT, 20
        .equ    E_ENTRYHI, 24

        .section .vectors
        li      $k1, 1                  # 0x80000000: UTLB refill
        j       handler
        nop
        .org    0x80
        li      $k1, 2                  # 0x80000080: general exception
        j       handler
        nop
        .org    0x100
        .space  0x500                   # NEXC, SYSRET, RESUME; LOG at 0x200

        .text
handler:
        lui     $k0, 0x8000
        sw      $k1, 0x104($k0)         # vector id, while k1 is needed
        lw      $k1, NEXC($k0)
        addiu   $k1, $k1, 1
        sw      $k1, NEXC($k0)
        sll     $k1, $k1, 5
        addu    $k0, $k0, $k1           # entry n is at k0 + 0x1e0
        lui     $k1, 0x8000
        lw      $k1, 0x104($k1)
        sw      $k1, 0x1e0($k0)
        mfc0    $k1, $13
        sw      $k1, 0x1e4($k0)
        mfc0    $k1, $14
        sw      $k1, 0x1e8($k0)
        mfc0    $k1, $8
        sw      $k1, 0x1ec($k0)
        mfc0    $k1, $12
        sw      $k1, 0x1f0($k0)
        mfc0    $k1, $4
        sw      $k1, 0x1f4($k0)
        mfc0    $k1, $10
        sw      $k1, 0x1f8($k0)
        mfc0    $k1, $13
        andi    $k1, $k1, 0x7c
        bnez    $k1, 1f
        lui     $k0, 0xffff
        ori     $k0, $k0, 0x00ff        # Int: clear IM7..IM0
        mfc0    $k1, $12
        and     $k1, $k1, $k0
        mtc0    $k1, $12
1:      lui     $k0, 0x8000
        lw      $k1, SYSRET($k0)
        beqz    $k1, 2f
        nop
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        xori    $k0, $k0, 8 << 2
        bnez    $k0, 2f
        nop
        jr      $k1                     # Sys with SYSRET set: back to the kernel, no rfe
        nop
2:      lui     $k0, 0x8000
        lw      $k1, RESUME($k0)
        bnez    $k1, 3f
        sw      $zero, RESUME($k0)
        mfc0    $k1, $13
        andi    $k1, $k1, 0x7c
        beqz    $k1, 3f                 # Int: back to EPC itself, not yet executed
        mfc0    $k1, $14
        addiu   $k1, $k1, 4
3:      move    $k0, $k1
        jr      $k0
        rfe

# Checks of log entry s0: each loads a1 from the entry and goes on into check.
ccode:  lw      $a1, E_CAUSE($s0)       # Cause.ExcCode
        andi    $a1, $a1, 0x7c
        b       check
        srl     $a1, $a1, 2
cbd:    lw      $a1, E_CAUSE($s0)       # Cause.BD
        b       check
        srl     $a1, $a1, 31
cce:    lw      $a1, E_CAUSE($s0)       # Cause.CE
        srl     $a1, $a1, 28
        b       check
        andi    $a1, $a1, 3
cepc:   b       check
        lw      $a1, E_EPC($s0)
cbad:   b       check
        lw      $a1, E_BADVA($s0)
cvec:   b       check
        lw      $a1, E_VEC($s0)
cstat:  lw      $a1, E_STATUS($s0)      # Status KU/IE stack
        b       check
        andi    $a1, $a1, 0x3f
cnexc:  b       check                   # number of exceptions taken so far
        lw      $a1, NEXC($s7)

check:
        move    $t8, $ra
        move    $t9, $a1
        jal     puts
        nop
        bne     $t9, $a2, 1f
        nop
        la      $a0, s_ok
        jal     puts
        nop
        jr      $t8
        nop
1:      la      $a0, s_fail
        jal     puts
        nop
        jal     puthex
        move    $a0, $t9
        la      $a0, s_nl
        jal     puts
        nop
        j       exit
        move    $a0, $a3

exit:   li      $t0, TRACE_EXIT         # power off with exit code a0
        sw      $a0, 0($t0)
1:      b       1b
        nop

puts:   li      $t1, SERIAL             # the NUL-terminated string at a0
1:      lbu     $t2, 0($a0)
        beqz    $t2, 3f
        addiu   $a0, $a0, 1
        sw      $t2, 0($t1)
2:      lw      $t3, 4($t1)             # wait for WIRQ.CMPL, then clear it
        andi    $t3, $t3, 2
        beqz    $t3, 2b
        nop
        b       1b
        sw      $zero, 4($t1)
3:      jr      $ra
        nop

puthex: li      $t1, SERIAL             # a0 as 8 hex digits
        li      $t4, 8
1:      srl     $t2, $a0, 28
        sll     $a0, $a0, 4
        sltiu   $t3, $t2, 10
        bnez    $t3, 2f
        addiu   $t2, $t2, '0'
        addiu   $t2, $t2, 'a' - '0' - 10
2:      sw      $t2, 0($t1)
3:      lw      $t3, 4($t1)
        andi    $t3, $t3, 2
        beqz    $t3, 3b
        nop
        sw      $zero, 4($t1)
        addiu   $t4, $t4, -1
        bnez    $t4, 1b
        nop
        jr      $ra
        nop

        .rodata
s_ok:   .asciiz " ok\n"
s_fail: .asciiz " FAIL "
s_nl:   .asciiz "\n"
# ---- end of common part ---------------------------------------------------------------------
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
