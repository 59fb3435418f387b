# intr/timer: the Count/Compare timer (hardware interrupt 5, Cause.IP7). Count steps once per
# cycle. When Count reaches Compare with IM7 and IEc set, an Int is taken at the general vector
# with IP7 in Cause and the IE bit pushed; writing Compare clears IP7. With IM7 clear, or IEc
# clear, the interrupt is not taken but IP7 shows in Cause; setting IEc then takes it before
# the next instruction (EPC = that instruction). A timer interrupt that falls on a delay-slot
# instruction (Compare swept over a window around a branch) has EPC = the branch and BD = 1.
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
        mfc0    $t0, $9
        mfc0    $t1, $9
        subu    $a1, $t1, $t0
        la      $a0, m_count
        li      $a2, 1
        jal     check
        li      $a3, 1

        li      $t0, 0x8001             # IM7, IEc: taken
        mtc0    $t0, $12
        mfc0    $t0, $9
        addiu   $t0, $t0, 50
        mtc0    $t0, $11
        li      $s2, 200
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        mtc0    $zero, $12
        mfc0    $s1, $13
        li      $s0, LOG + 0*32
        la      $a0, m_n1
        li      $a2, 1
        jal     cnexc
        li      $a3, 2
        la      $a0, m_code
        li      $a2, 0
        jal     ccode
        li      $a3, 3
        la      $a0, m_vec
        li      $a2, 2
        jal     cvec
        li      $a3, 4
        la      $a0, m_ip7
        lw      $a1, E_CAUSE($s0)
        andi    $a1, $a1, 0xff00
        li      $a2, 0x8000
        jal     check
        li      $a3, 5
        la      $a0, m_push
        li      $a2, 0x04               # IEc moved to IEp
        jal     cstat
        li      $a3, 6
        la      $a0, m_still
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 7
        mfc0    $t0, $11                # writing Compare clears IP7
        mtc0    $t0, $11
        mfc0    $a1, $13
        andi    $a1, $a1, 0x8000
        la      $a0, m_clr
        li      $a2, 0
        jal     check
        li      $a3, 8

        li      $t0, 0x0001             # IEc but IM7 clear: not taken
        mtc0    $t0, $12
        mfc0    $t0, $9
        addiu   $t0, $t0, 20
        mtc0    $t0, $11
        li      $s2, 100
2:      addiu   $s2, $s2, -1
        bnez    $s2, 2b
        nop
        mfc0    $s1, $13
        la      $a0, m_im
        li      $a2, 1
        jal     cnexc
        li      $a3, 9
        la      $a0, m_imip
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 10

        li      $t0, 0x8000             # IM7 but IEc clear: not taken (IP7 still pending)
        mtc0    $t0, $12
        li      $s2, 100
3:      addiu   $s2, $s2, -1
        bnez    $s2, 3b
        nop
        mfc0    $s1, $13
        la      $a0, m_ie
        li      $a2, 1
        jal     cnexc
        li      $a3, 11
        la      $a0, m_ieip
        andi    $a1, $s1, 0x8000
        li      $a2, 0x8000
        jal     check
        li      $a3, 12
        li      $t0, 0x8001
        mtc0    $t0, $12                # now IEc: taken before the next instruction
f_next: nop
        mtc0    $zero, $12
        li      $s0, LOG + 1*32
        la      $a0, m_late
        li      $a2, 2
        jal     cnexc
        li      $a3, 13
        la      $a0, m_lateepc
        la      $a2, f_next
        jal     cepc
        li      $a3, 14
        la      $a0, m_latebd
        li      $a2, 0
        jal     cbd
        li      $a3, 15

        li      $s4, 0                  # sweep Compare across a taken branch and its slot
        li      $s5, 0                  # interrupts with BD = 1 and EPC = the branch
        li      $s6, 0                  # interrupts with BD = 1 and another EPC
4:      lw      $t5, NEXC($s7)
        mfc0    $t0, $9
        addu    $t0, $t0, $s4
        addiu   $t0, $t0, 2
        mtc0    $t0, $11
        li      $t0, 0x8001
        mtc0    $t0, $12
f_tb:   beq     $zero, $zero, 5f
        nop
5:      nop
        nop
        nop
        mtc0    $zero, $12
        mfc0    $t0, $11
        mtc0    $t0, $11                # clear IP7 if it came late
        lw      $t0, NEXC($s7)
        beq     $t0, $t5, 7f            # not taken in the window
        sll     $t0, $t0, 5
        addu    $t0, $t0, $s7
        lw      $t1, 0x1e4($t0)         # Cause of the last entry
        bgez    $t1, 7f                 # BD = 0
        lw      $t2, 0x1e8($t0)         # EPC
        la      $t3, f_tb
        bne     $t2, $t3, 6f
        nop
        b       7f
        addiu   $s5, $s5, 1
6:      addiu   $s6, $s6, 1
7:      addiu   $s4, $s4, 1
        sltiu   $t0, $s4, 12
        bnez    $t0, 4b
        nop
        la      $a0, m_slot
        sltu    $a1, $zero, $s5
        li      $a2, 1
        jal     check
        li      $a3, 16
        la      $a0, m_slotbad
        move    $a1, $s6
        li      $a2, 0
        jal     check
        li      $a3, 17
        j       exit
        move    $a0, $zero

        .rodata
m_count: .asciiz "Count steps once per cycle"
m_n1:   .asciiz "IM7 and IEc set: one interrupt taken"
m_code: .asciiz "timer: ExcCode 0 (Int)"
m_vec:  .asciiz "timer: general vector"
m_ip7:  .asciiz "timer: Cause.IP = IP7 only"
m_push: .asciiz "timer: IEc pushed to IEp"
m_still: .asciiz "IP7 stays until Compare is written"
m_clr:  .asciiz "writing Compare clears IP7"
m_im:   .asciiz "IM7 clear: not taken"
m_imip: .asciiz "IM7 clear: IP7 visible in Cause"
m_ie:   .asciiz "IEc clear: not taken"
m_ieip: .asciiz "IEc clear: IP7 visible in Cause"
m_late: .asciiz "setting IEc: taken at once"
m_lateepc: .asciiz "setting IEc: EPC = the next instruction"
m_latebd: .asciiz "setting IEc: BD = 0"
m_slot: .asciiz "timer in a delay slot: BD = 1, EPC = the branch"
m_slotbad: .asciiz "timer in a delay slot: never another EPC"
