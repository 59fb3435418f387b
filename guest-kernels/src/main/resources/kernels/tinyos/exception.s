# tinyos/exception.s: the general exception entry from user mode (save, dispatch on
# ExcCode), the return to a process (resume), the timer slice, TLB faults and demand-zero,
# killing a faulting process, and the kernel panic.
# Part of tinyos.s, which includes it; the .equ names are defined there.

        .text

# From user mode: save the registers in the current process, then dispatch on ExcCode with
# $s0 = the process and $sp = the kernel stack. From kernel mode: panic.
exception:
        mfc0    $k0, $12
        andi    $k0, $k0, ST_KUP
        beqz    $k0, kpanic
        nop
        la      $k0, curproc
        lw      $k0, 0($k0)
        .set    noat
        sw      $1, P_REGS+1*4($k0)
        sw      $2, P_REGS+2*4($k0)
        sw      $3, P_REGS+3*4($k0)
        sw      $4, P_REGS+4*4($k0)
        sw      $5, P_REGS+5*4($k0)
        sw      $6, P_REGS+6*4($k0)
        sw      $7, P_REGS+7*4($k0)
        sw      $8, P_REGS+8*4($k0)
        sw      $9, P_REGS+9*4($k0)
        sw      $10, P_REGS+10*4($k0)
        sw      $11, P_REGS+11*4($k0)
        sw      $12, P_REGS+12*4($k0)
        sw      $13, P_REGS+13*4($k0)
        sw      $14, P_REGS+14*4($k0)
        sw      $15, P_REGS+15*4($k0)
        sw      $16, P_REGS+16*4($k0)
        sw      $17, P_REGS+17*4($k0)
        sw      $18, P_REGS+18*4($k0)
        sw      $19, P_REGS+19*4($k0)
        sw      $20, P_REGS+20*4($k0)
        sw      $21, P_REGS+21*4($k0)
        sw      $22, P_REGS+22*4($k0)
        sw      $23, P_REGS+23*4($k0)
        sw      $24, P_REGS+24*4($k0)
        sw      $25, P_REGS+25*4($k0)
        sw      $28, P_REGS+28*4($k0)
        sw      $29, P_REGS+29*4($k0)
        sw      $30, P_REGS+30*4($k0)
        sw      $31, P_REGS+31*4($k0)
        .set    at
        mfhi    $k1
        sw      $k1, P_HI($k0)
        mflo    $k1
        sw      $k1, P_LO($k0)
        mfc0    $k1, $14
        sw      $k1, P_EPC($k0)
        la      $sp, kstack_top
        move    $s0, $k0
        mfc0    $t0, $13
        andi    $t0, $t0, 0x7c
        srl     $t0, $t0, 2             # ExcCode
        beqz    $t0, timer
        li      $t1, EXC_SYS
        beq     $t0, $t1, syscall_
        li      $t1, EXC_TLBL
        beq     $t0, $t1, vm_fault
        li      $t1, EXC_TLBS
        beq     $t0, $t1, vm_fault
        nop
        b       kill                    # Mod, address errors, RI, CpU, Ov, Bp, bus errors
        nop

# Back to user mode in the current process (curproc): its ASID and page table, its registers,
# and Status so that rfe enters user mode with interrupts on and only the timer unmasked.
resume:
        la      $k0, curproc
        lw      $k0, 0($k0)
        lw      $t0, P_ASID($k0)
        sll     $t0, $t0, 6
        mtc0    $t0, $10                # EntryHi.ASID
        lw      $t0, P_PT($k0)
        mtc0    $t0, $4                 # Context.PTEBase
        lw      $t0, P_HI($k0)
        mthi    $t0
        lw      $t0, P_LO($k0)
        mtlo    $t0
        li      $t0, ST_IM7 | ST_KUP | ST_IEP
        mtc0    $t0, $12
        lw      $k1, P_EPC($k0)
        .set    noat
        lw      $1, P_REGS+1*4($k0)
        lw      $2, P_REGS+2*4($k0)
        lw      $3, P_REGS+3*4($k0)
        lw      $4, P_REGS+4*4($k0)
        lw      $5, P_REGS+5*4($k0)
        lw      $6, P_REGS+6*4($k0)
        lw      $7, P_REGS+7*4($k0)
        lw      $8, P_REGS+8*4($k0)
        lw      $9, P_REGS+9*4($k0)
        lw      $10, P_REGS+10*4($k0)
        lw      $11, P_REGS+11*4($k0)
        lw      $12, P_REGS+12*4($k0)
        lw      $13, P_REGS+13*4($k0)
        lw      $14, P_REGS+14*4($k0)
        lw      $15, P_REGS+15*4($k0)
        lw      $16, P_REGS+16*4($k0)
        lw      $17, P_REGS+17*4($k0)
        lw      $18, P_REGS+18*4($k0)
        lw      $19, P_REGS+19*4($k0)
        lw      $20, P_REGS+20*4($k0)
        lw      $21, P_REGS+21*4($k0)
        lw      $22, P_REGS+22*4($k0)
        lw      $23, P_REGS+23*4($k0)
        lw      $24, P_REGS+24*4($k0)
        lw      $25, P_REGS+25*4($k0)
        lw      $28, P_REGS+28*4($k0)
        lw      $29, P_REGS+29*4($k0)
        lw      $30, P_REGS+30*4($k0)
        lw      $31, P_REGS+31*4($k0)
        .set    at
        jr      $k1
        rfe

# Timer interrupt: the time slice is over. Next slice, next process.
timer:  mfc0    $t0, $9
        addiu   $t0, $t0, QUANTUM
        mtc0    $t0, $11                # also acknowledges the interrupt
        jal     schedule
        nop
        j       resume
        nop

# TLBL/TLBS at the general vector: the TLB entry for the page is invalid. Demand-zero if the
# address is in the heap or stack, then update the TLB entry; else kill the process.
vm_fault:
        move    $a0, $s0
        jal     dz_page
        mfc0    $a1, $8                 # BadVAddr
        beqz    $v0, kill
        nop
        mtc0    $v0, $2                 # EntryLo; EntryHi holds the VPN and ASID of the fault
        tlbp
        mfc0    $t0, $0
        bltz    $t0, 1f                 # no entry (cannot happen: the fault found one)
        nop
        tlbwi
        j       resume
        nop
1:      tlbwr
        j       resume
        nop

# Any other exception from user mode: the process is killed, as a Unix kernel would deliver
# SIGSEGV, SIGILL, ... with no handler.
kill:   li      $t0, 1
        sw      $t0, P_KILLED($s0)
        mfc0    $t0, $13
        sw      $t0, P_KCAUSE($s0)
        lw      $t0, P_EPC($s0)
        sw      $t0, P_KEPC($s0)
        mfc0    $t0, $8
        sw      $t0, P_KBADVA($s0)
        move    $a0, $s0
        jal     proc_exit
        li      $a1, 0
        jal     schedule
        nop
        j       resume
        nop

# An exception in the kernel itself: a bug. Report and stop.
kpanic: la      $sp, kstack_top
        la      $a0, s_kpanic
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $13
        la      $a0, s_epc
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $14
        la      $a0, s_badva
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $8
        jal     putc
        li      $a0, '\n'
        jal     poweroff
        li      $a0, 3
