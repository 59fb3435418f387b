# intr/soft: software interrupts. Writing Cause.IP0 with IM0 and IEc set takes an Int before the
# next instruction, with IP0 in Cause; IP1 with only IM0 enabled is not taken but reads back in
# Cause; writing Cause clears them. Enabled by an mtc0 in a delay slot, the interrupt is taken
# before the branch target (EPC = the target); pending before a branch, before the branch (EPC =
# the branch, BD = 0), whose slot then runs once after the return.
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
        li      $t0, 0x0101             # IM0, IEc
        mtc0    $t0, $12
        li      $t0, 0x0100
        mtc0    $t0, $13                # IP0: taken
f_next: nop
        li      $t0, 0x0200
        mtc0    $t0, $13                # IP1 (IP0 cleared)
        li      $t0, 0x0101
        mtc0    $t0, $12                # IM0 only: IP1 masked
        nop
        mfc0    $s1, $13
        mtc0    $zero, $13
        mfc0    $s2, $13
        mtc0    $zero, $12
        li      $s0, LOG + 0*32
        la      $a0, m_n
        li      $a2, 1
        jal     cnexc
        li      $a3, 1
        la      $a0, m_code
        li      $a2, 0
        jal     ccode
        li      $a3, 2
        la      $a0, m_ip
        lw      $a1, E_CAUSE($s0)
        andi    $a1, $a1, 0xff00
        li      $a2, 0x0100
        jal     check
        li      $a3, 3
        la      $a0, m_epc
        la      $a2, f_next
        jal     cepc
        li      $a3, 4
        la      $a0, m_ip1
        andi    $a1, $s1, 0xff00
        li      $a2, 0x0200
        jal     check
        li      $a3, 5
        la      $a0, m_clr
        andi    $a1, $s2, 0xff00
        li      $a2, 0
        jal     check
        li      $a3, 6

        li      $s3, 0                  # Int before a delay-slot instruction
        li      $t0, 0x0100
        mtc0    $t0, $13                # IP0 pending, masked by IEc = 0
        li      $t1, 0x0101
f_br:   beq     $zero, $zero, 1f        # slot enables interrupts; the taken branch's
        mtc0    $t1, $12                # target is not in a slot: taken before it
1:      addiu   $s3, $s3, 1
        mtc0    $zero, $13
        li      $s0, LOG + 1*32
        la      $a0, m_tgt
        la      $a2, 1b
        jal     cepc
        li      $a3, 7
        mtc0    $zero, $12
        li      $t0, 0x0100
        mtc0    $t0, $13                # again, now with IEc set by the instruction before the branch
        li      $s3, 0
        li      $t1, 0x0101
        mtc0    $t1, $12
f_br2:  bne     $zero, $zero, 2f        # Int taken before this branch: EPC = it, BD = 0
        addiu   $s3, $s3, 1             # the slot runs once, after the return
2:      mtc0    $zero, $13
        mtc0    $zero, $12
        li      $s0, LOG + 2*32
        la      $a0, m_br
        la      $a2, f_br2
        jal     cepc
        li      $a3, 8
        la      $a0, m_slot
        move    $a1, $s3
        li      $a2, 1
        jal     check
        li      $a3, 9
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "IP0 with IM0 and IEc: one interrupt"
m_code: .asciiz "IP0: ExcCode 0 (Int)"
m_ip:   .asciiz "IP0: Cause.IP = IP0"
m_epc:  .asciiz "IP0: EPC = the next instruction"
m_ip1:  .asciiz "IP1 masked: reads back in Cause"
m_clr:  .asciiz "writing Cause clears IP1"
m_tgt:  .asciiz "enabled in a slot: EPC = the branch target"
m_br:   .asciiz "pending before a branch: EPC = the branch"
m_slot: .asciiz "the branch's slot ran once"
