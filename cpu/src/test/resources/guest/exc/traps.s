# exc/traps: Sys, Bp, RI and Ov (add, addi, sub), raised in kernel mode outside delay slots.
# Each goes to the general vector with its ExcCode, EPC = the instruction, BD = 0 and the KU/IE
# stack pushed; none changes BadVAddr (left at the address of an earlier AdEL); Ov leaves the
# destination unchanged; the handler's `jr k0; rfe` pops the stack back.
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
        mtc0    $zero, $12              # Status = 0: BEV clear, kernel mode, interrupts off
        lui     $s7, 0x8000
        li      $t0, 0x0d               # KUo=0 IEo=0 KUp=1 IEp=1 KUc=0 IEc=1 (IM = 0: no interrupts)
        mtc0    $t0, $12
        li      $t0, 0x80000201
f_adel: lw      $t1, 0($t0)             # AdEL: sets BadVAddr = 0x80000201
f_sys:  syscall
f_bp:   break
f_ri:   .word   0xfc000000              # opcode 0x3f: reserved in MIPS I
        li      $t0, 0x7fffffff
        li      $t1, 1
        li      $s3, 0x1234
f_add:  add     $s3, $t0, $t1
f_addi: addi    $s3, $t0, 1
        li      $t3, 0x80000000
f_sub:  sub     $s3, $t3, $t1
        addu    $t4, $t0, $t1           # the unsigned forms do not trap
        addiu   $t4, $t0, 1
        subu    $t4, $t3, $t1
        mfc0    $s1, $12                # after six rfe's
        mfc0    $s2, $8

        la      $a0, m_n
        li      $a2, 7
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 1*32         # Sys
        la      $a0, m_sys
        li      $a2, 8
        jal     ccode
        li      $a3, 2
        la      $a0, m_sysepc
        la      $a2, f_sys
        jal     cepc
        li      $a3, 3
        la      $a0, m_bd
        li      $a2, 0
        jal     cbd
        li      $a3, 4
        la      $a0, m_vec
        li      $a2, 2
        jal     cvec
        li      $a3, 5
        la      $a0, m_push
        li      $a2, 0x34               # from 0x3d: o <- p = (1,1), p <- c = (0,1), c <- (0,0)
        jal     cstat
        li      $a3, 6
        la      $a0, m_bad
        li      $a2, 0x80000201
        jal     cbad
        li      $a3, 7
        li      $s0, LOG + 2*32         # Bp
        la      $a0, m_bp
        li      $a2, 9
        jal     ccode
        li      $a3, 8
        la      $a0, m_bpepc
        la      $a2, f_bp
        jal     cepc
        li      $a3, 9
        li      $s0, LOG + 3*32         # RI
        la      $a0, m_ri
        li      $a2, 10
        jal     ccode
        li      $a3, 10
        la      $a0, m_riepc
        la      $a2, f_ri
        jal     cepc
        li      $a3, 11
        li      $s0, LOG + 4*32         # Ov from add
        la      $a0, m_add
        li      $a2, 12
        jal     ccode
        li      $a3, 12
        la      $a0, m_addepc
        la      $a2, f_add
        jal     cepc
        li      $a3, 13
        li      $s0, LOG + 5*32         # Ov from addi
        la      $a0, m_addi
        la      $a2, f_addi
        jal     cepc
        li      $a3, 14
        li      $s0, LOG + 6*32         # Ov from sub
        la      $a0, m_sub
        la      $a2, f_sub
        jal     cepc
        li      $a3, 15
        la      $a0, m_dest
        move    $a1, $s3
        li      $a2, 0x1234
        jal     check
        li      $a3, 16
        la      $a0, m_bad2
        move    $a1, $s2
        li      $a2, 0x80000201
        jal     check
        li      $a3, 17
        la      $a0, m_pop
        andi    $a1, $s1, 0x3f
        li      $a2, 0x3d               # the first rfe made it 0x3d: old pair (1,1) kept
        jal     check
        li      $a3, 18
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "7 exceptions taken"
m_sys:  .asciiz "syscall: ExcCode 8 (Sys)"
m_sysepc: .asciiz "syscall: EPC = the syscall"
m_bd:   .asciiz "syscall: BD = 0"
m_vec:  .asciiz "syscall: general vector"
m_push: .asciiz "syscall: KU/IE stack pushed"
m_bad:  .asciiz "syscall: BadVAddr unchanged"
m_bp:   .asciiz "break: ExcCode 9 (Bp)"
m_bpepc: .asciiz "break: EPC = the break"
m_ri:   .asciiz "reserved opcode: ExcCode 10 (RI)"
m_riepc: .asciiz "reserved opcode: EPC = it"
m_add:  .asciiz "add overflow: ExcCode 12 (Ov)"
m_addepc: .asciiz "add overflow: EPC = the add"
m_addi: .asciiz "addi overflow: EPC = the addi"
m_sub:  .asciiz "sub overflow: EPC = the sub"
m_dest: .asciiz "overflow: destination unchanged"
m_bad2: .asciiz "BadVAddr still that of the AdEL"
m_pop:  .asciiz "rfe popped the stack, old pair kept"
