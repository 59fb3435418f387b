# tlb/ops: the TLB instructions. TLBWI writes the slot Index names and TLBR reads it back
# (EntryLo bits 7..0 read 0); TLBP finds a matching entry (Index = slot, P = 0) or sets Index.P;
# Index.P is not writable. Random always reads a slot in 8..63 and steps once per cycle. Two
# hundred TLBWRs of distinct pages land only in slots 8..63, never 0..7, and the last one is
# found by TLBP.
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
