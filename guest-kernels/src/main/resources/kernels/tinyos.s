# tinyos: a small multiprogramming kernel for vm3000, written to exercise every sensitive path
# of the R3000 the way a real kernel does: TLB refills through Context, system calls, timer
# preemption from Count/Compare, demand-zero pages, ASIDs and their recycling, user faults.
# docs/guest-kernels.md explains it in full; in short:
#
# Processes. A table of NPROC processes (PIDs 1..NPROC), at most MAXLIVE alive at once. The
# built-in workload (progs, below) starts the first MAXLIVE programs; whenever one exits or is
# killed, the next one starts, until all have run. Round-robin scheduling; a process runs until
# it makes a system call that gives the CPU away, faults, or its quantum (QUANTUM cycles of
# Count/Compare) ends. The kernel itself runs with interrupts off and never takes an exception.
#
# Address spaces. Each process has its own ASID and its own page table: a linear table of
# EntryLo-format entries, one per virtual page of kuseg (2 MiB), in one of MAXLIVE regions at
# physical 2 MiB, 4 MiB, 6 MiB. Context.PTEBase is set to the running process's table, so on a
# TLB miss Context is the kseg0 address of the missing page's entry and the UTLB refill handler
# is five instructions. A zero entry is invalid: the refill writes an invalid TLB entry, the
# access is retried and raises TLBL/TLBS at the general vector, where the kernel either
# allocates a zero-filled page (demand-zero: heap below the break, or the top 1 MiB of kuseg,
# the stack) or kills the process.
#   user code      the pages of this image between ustart and uend, at virtual = physical
#                  address (so jal works), read-only (a store is a Mod exception: killed)
#   heap           HEAP_BASE up to the break (brk), demand-zero, at most HEAP_MAX
#   stack          STACK_LOW .. 0x7fffffff, demand-zero; $sp starts at STACK_TOP
#
# ASIDs. NASID = 4 ASIDs (1..4) on purpose, fewer than the processes of the workload, so they are
# reused: an exiting process frees its ASID but leaves its TLB entries; a new process gets a
# never-used ASID while there is one, else a freed one, and then every TLB entry still tagged
# with that ASID is invalidated first (tlb_flush_asid).
#
# System calls: Linux o32 numbers and conventions (number in $v0, arguments in $a0..$a2, result
# in $v0, $a3 = 0, or $a3 = 1 and $v0 = errno): exit 4001, write 4004 (fd 1 and 2), getpid
# 4020, brk 4045, sched_yield 4158, exit_group 4246; anything else returns ENOSYS.
#
# Output. write() appends to the process's own buffer (1 KiB); when every process has finished,
# the kernel prints each process's status and output in PID order, then counts of what it did.
# Nothing printed depends on timing, so the transcript is the same under any VMM. (How often
# the timer fired and how many TLB refills happened do depend on timing; the machine's counters
# show them: vm3000 run --stats tinyos.)
#
# Panic. An exception in kernel mode prints Cause, EPC and BadVAddr and powers off with exit
# code 3. The boot argument "panic" makes the kernel load from a bus-error address on purpose.
#
# Needs 16 MiB of RAM (the default): free pages are taken from 8 MiB to 15 MiB.

        .set    noreorder
        .include "lib/machine.s"

        .equ    NPROC, 8                # processes over the whole run (and built-in programs)
        .equ    MAXLIVE, 3              # alive at once
        .equ    NASID, 4                # ASIDs 1..NASID
        .equ    QUANTUM, 3000           # cycles of Count per time slice

        .equ    PT_REGION0, 0x80200000  # page tables: MAXLIVE regions of 2 MiB from here
        .equ    FREE_BASE, 0x80800000   # free pages
        .equ    FREE_LIMIT, 0x80f00000
        .equ    HEAP_BASE, 0x10000000
        .equ    HEAP_MAX, 0x10400000
        .equ    STACK_LOW, 0x7ff00000
        .equ    STACK_TOP, 0x7ffffff0

        .equ    S_RUN, 1                # process states (0: not yet created)
        .equ    S_DONE, 2

        .equ    PROC_SIZE, 2048         # the process structure
        .equ    P_STATE, 0
        .equ    P_PID, 4
        .equ    P_ASID, 8
        .equ    P_PT, 12                # page table (kseg0, 2 MiB aligned: Context.PTEBase)
        .equ    P_BRK, 16
        .equ    P_EXIT, 20              # exit status
        .equ    P_KILLED, 24            # nonzero if killed
        .equ    P_KCAUSE, 28            # ... then Cause, EPC, BadVAddr of the fault
        .equ    P_KEPC, 32
        .equ    P_KBADVA, 36
        .equ    P_OUTLEN, 40
        .equ    P_NAME, 44
        .equ    P_REGS, 64              # saved $0..$31
        .equ    P_HI, 192
        .equ    P_LO, 196
        .equ    P_EPC, 200
        .equ    P_OUT, 1024             # output buffer
        .equ    OUT_MAX, 1024

        .equ    SYS_EXIT, 4001
        .equ    SYS_WRITE, 4004
        .equ    SYS_GETPID, 4020
        .equ    SYS_BRK, 4045
        .equ    SYS_YIELD, 4158
        .equ    SYS_EXIT_GROUP, 4246
        .equ    EBADF, 9
        .equ    EFAULT, 14
        .equ    ENOSYS, 89

        .section .vectors
# UTLB refill (0x80000000): a kuseg address missed in the TLB. Context = &pte of the page.
utlb:   mfc0    $k0, $4                 # Context
        mfc0    $k1, $14                # EPC
        lw      $k0, 0($k0)             # the page-table entry (0: invalid)
        mtc0    $k0, $2                 # EntryLo; EntryHi already holds VPN and ASID
        tlbwr
        jr      $k1
        rfe
        .org    0x80
# General exception (0x80000080).
        j       exception
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # BEV off: our vectors from now on
        la      $sp, kstack_top
        la      $a1, s_panicarg         # "panic" as the boot arguments?
1:      lbu     $t0, 0($a0)
        lbu     $t1, 0($a1)
        bne     $t0, $t1, 2f
        addiu   $a0, $a0, 1
        bnez    $t0, 1b
        addiu   $a1, $a1, 1
        li      $t0, 0xbfc00000         # yes: a bus error in the kernel
        lw      $t0, 0($t0)
2:      la      $a0, s_banner
        jal     puts
        nop
        li      $t0, PT_REGION0
        mtc0    $t0, $4                 # Context.PTEBase: a valid table from the start
        li      $s0, MAXLIVE
3:      jal     spawn
        addiu   $s0, $s0, -1
        bnez    $s0, 3b
        nop
        la      $t0, procs              # run PID 1 first
        la      $t1, curproc
        sw      $t0, 0($t1)
        mfc0    $t0, $9                 # first time slice
        addiu   $t0, $t0, QUANTUM
        mtc0    $t0, $11
        j       resume
        nop

# ---- exception entry and return -------------------------------------------------------------

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

# ---- system calls ---------------------------------------------------------------------------

syscall_:
        lw      $t0, P_EPC($s0)         # return after the syscall instruction
        addiu   $t0, $t0, 4
        sw      $t0, P_EPC($s0)
        la      $t0, n_syscalls
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        sw      $t1, 0($t0)
        lw      $v0, P_REGS+2*4($s0)    # number and arguments
        lw      $a0, P_REGS+4*4($s0)
        lw      $a1, P_REGS+5*4($s0)
        lw      $a2, P_REGS+6*4($s0)
        li      $t0, SYS_WRITE
        beq     $v0, $t0, sys_write
        li      $t0, SYS_GETPID
        beq     $v0, $t0, sys_getpid
        li      $t0, SYS_BRK
        beq     $v0, $t0, sys_brk
        li      $t0, SYS_YIELD
        beq     $v0, $t0, sys_yield
        li      $t0, SYS_EXIT
        beq     $v0, $t0, sys_exit
        li      $t0, SYS_EXIT_GROUP
        beq     $v0, $t0, sys_exit
        nop
        b       sys_error
        li      $v0, ENOSYS

sys_return:                             # success: $v0 = v0, $a3 = 0
        sw      $v0, P_REGS+2*4($s0)
        sw      $zero, P_REGS+7*4($s0)
        j       resume
        nop
sys_error:                              # failure: $v0 = errno, $a3 = 1
        sw      $v0, P_REGS+2*4($s0)
        li      $t0, 1
        sw      $t0, P_REGS+7*4($s0)
        j       resume
        nop

sys_getpid:
        b       sys_return
        lw      $v0, P_PID($s0)

# brk(addr): sets the break if addr is within the heap; returns the (new or unchanged) break.
# Shrinking does not free pages.
sys_brk:
        lw      $v0, P_BRK($s0)
        li      $t0, HEAP_BASE
        sltu    $t1, $a0, $t0
        bnez    $t1, sys_return         # brk(0) and other low values: the current break
        li      $t0, HEAP_MAX
        sltu    $t1, $t0, $a0
        bnez    $t1, sys_return         # too high: unchanged
        nop
        sw      $a0, P_BRK($s0)
        b       sys_return
        move    $v0, $a0

sys_yield:
        sw      $zero, P_REGS+2*4($s0)
        sw      $zero, P_REGS+7*4($s0)
        jal     schedule
        nop
        j       resume
        nop

sys_exit:
        move    $a1, $a0
        jal     proc_exit
        move    $a0, $s0
        jal     schedule
        nop
        j       resume
        nop

# write(fd, buf, n): fd 1 or 2; the bytes are appended to the process's output buffer (what
# does not fit is dropped). The kernel reads user memory through the page table, never through
# the TLB, so it takes no exception; a page not yet touched is demand-zeroed like any other.
sys_write:
        addiu   $t0, $a0, -1
        sltiu   $t0, $t0, 2
        beqz    $t0, sys_error
        li      $v0, EBADF
        move    $s1, $a1                # user address
        addu    $s2, $a1, $a2           # end
        move    $s3, $a2                # the result
1:      beq     $s1, $s2, 3f
        move    $a0, $s0
        jal     uaddr
        move    $a1, $s1
        beqz    $v0, 4f
        nop
        lbu     $t0, 0($v0)
        lw      $t1, P_OUTLEN($s0)
        sltiu   $t2, $t1, OUT_MAX
        beqz    $t2, 2f
        addu    $t2, $s0, $t1
        sb      $t0, P_OUT($t2)
        addiu   $t1, $t1, 1
        sw      $t1, P_OUTLEN($s0)
2:      b       1b
        addiu   $s1, $s1, 1
3:      b       sys_return
        move    $v0, $s3
4:      b       sys_error
        li      $v0, EFAULT

# ---- memory ---------------------------------------------------------------------------------

# uaddr(p, va): the kseg0 address of user address va of process p, or 0 if it is not mapped
# (demand-zeroing it if it is in the heap or stack).
uaddr:  addiu   $sp, $sp, -8
        sw      $ra, 0($sp)
        jal     dz_page                 # the entry, created if need be
        sw      $a1, 4($sp)
        lw      $a1, 4($sp)
        lw      $ra, 0($sp)
        beqz    $v0, 1f
        addiu   $sp, $sp, 8
        srl     $v0, $v0, 12            # PFN
        sll     $v0, $v0, 12
        andi    $t0, $a1, 0xfff
        or      $v0, $v0, $t0
        lui     $t0, 0x8000
        or      $v0, $v0, $t0
1:      jr      $ra
        nop

# dz_page(p, va): the valid page-table entry of va in process p, or 0. An invalid entry of a
# page in the heap (below the break) or the stack region gets a fresh zero-filled page.
dz_page:
        addiu   $sp, $sp, -8
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        bltz    $a1, 8f                 # kseg: never
        srl     $t0, $a1, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($a0)
        addu    $s0, $t0, $t1           # &pte
        lw      $v0, 0($s0)
        andi    $t0, $v0, LO_V
        bnez    $t0, 9f                 # already valid
        nop
        lw      $t0, P_BRK($a0)
        li      $t1, HEAP_BASE
        sltu    $t2, $a1, $t1
        bnez    $t2, 1f                 # below the heap: the stack?
        sltu    $t2, $a1, $t0
        bnez    $t2, 2f                 # in the heap, below the break
        nop
1:      li      $t1, STACK_LOW
        sltu    $t2, $a1, $t1
        bnez    $t2, 8f                 # neither heap nor stack
        nop
2:      jal     page_alloc
        nop
        beqz    $v0, 9f                 # out of memory: treated as a bad address
        li      $t0, 0x1ffff000
        and     $v0, $v0, $t0
        ori     $v0, $v0, LO_V | LO_D
        sw      $v0, 0($s0)
        la      $t0, n_dzero
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        b       9f
        sw      $t1, 0($t0)
8:      move    $v0, $zero
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        jr      $ra
        addiu   $sp, $sp, 8

# page_alloc(): a zero-filled page (kseg0 address), or 0 if there is none. Freed pages first.
page_alloc:
        la      $t0, freelist
        lw      $v0, 0($t0)
        beqz    $v0, 1f
        nop
        lw      $t1, 0($v0)             # a free page holds the next one's address
        b       2f
        sw      $t1, 0($t0)
1:      la      $t0, bump
        lw      $v0, 0($t0)
        li      $t1, FREE_LIMIT
        beq     $v0, $t1, 3f
        addiu   $t1, $v0, 0x1000
        sw      $t1, 0($t0)
2:      move    $t0, $v0
        addiu   $t1, $v0, 0x1000
4:      sw      $zero, 0($t0)
        addiu   $t0, $t0, 4
        bne     $t0, $t1, 4b
        nop
        jr      $ra
        nop
3:      jr      $ra
        move    $v0, $zero

# page_free(page)
page_free:
        la      $t0, freelist
        lw      $t1, 0($t0)
        sw      $t1, 0($a0)
        jr      $ra
        sw      $a0, 0($t0)

# unmap_range(start, end, pt): clears the page-table entries of [start, end) and frees the
# private (writable) pages they map; the shared read-only code pages are not freed.
unmap_range:
        addiu   $sp, $sp, -16
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        sw      $s2, 12($sp)
        move    $s0, $a0
        move    $s1, $a1
        move    $s2, $a2
1:      sltu    $t0, $s0, $s1
        beqz    $t0, 3f
        srl     $t0, $s0, 12
        sll     $t0, $t0, 2
        addu    $t0, $t0, $s2
        lw      $t1, 0($t0)
        sw      $zero, 0($t0)
        andi    $t2, $t1, LO_D
        beqz    $t2, 2f
        srl     $a0, $t1, 12
        sll     $a0, $a0, 12
        lui     $t2, 0x8000
        jal     page_free
        or      $a0, $a0, $t2
2:      b       1b
        addiu   $s0, $s0, 0x1000
3:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        lw      $s1, 8($sp)
        lw      $s2, 12($sp)
        jr      $ra
        addiu   $sp, $sp, 16

# ---- processes ------------------------------------------------------------------------------

# spawn(): starts the next program of the workload, if any: a process structure, a page-table
# region with the user code mapped, an ASID, and registers for its first entry.
spawn:  addiu   $sp, $sp, -8
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        la      $t0, nextproc
        lw      $t1, 0($t0)             # index of the next program
        li      $t2, NPROC
        beq     $t1, $t2, 9f            # all started
        addiu   $t3, $t1, 1
        sw      $t3, 0($t0)
        sll     $t2, $t1, 11            # p = procs + index * PROC_SIZE
        la      $s0, procs
        addu    $s0, $s0, $t2
        sw      $t3, P_PID($s0)
        li      $t0, S_RUN
        sw      $t0, P_STATE($s0)
        li      $t0, HEAP_BASE
        sw      $t0, P_BRK($s0)
        sll     $t2, $t1, 3             # progs: (entry, name) pairs
        la      $t0, progs
        addu    $t0, $t0, $t2
        lw      $t2, 0($t0)
        lw      $t3, 4($t0)
        sw      $t3, P_NAME($s0)
        li      $t4, 0x1fffffff         # user code runs at virtual = physical
        and     $t2, $t2, $t4
        sw      $t2, P_EPC($s0)
        li      $t2, STACK_TOP
        sw      $t2, P_REGS+29*4($s0)
        la      $t0, pt_busy            # a free page-table region
        move    $t1, $zero
1:      sll     $t2, $t1, 2
        addu    $t2, $t0, $t2
        lw      $t3, 0($t2)
        beqz    $t3, 2f
        li      $t3, MAXLIVE
        addiu   $t1, $t1, 1
        bne     $t1, $t3, 1b
        nop
        j       kpanic                  # cannot happen: at most MAXLIVE processes are alive
        nop
2:      li      $t3, 1
        sw      $t3, 0($t2)
        sll     $t1, $t1, 21
        li      $t3, PT_REGION0
        addu    $t1, $t1, $t3
        sw      $t1, P_PT($s0)
        la      $t0, ustart             # map the user code: read-only, shared
        la      $t1, uend
        li      $t4, 0x1fffffff
        and     $t0, $t0, $t4
        and     $t1, $t1, $t4
        lw      $t2, P_PT($s0)
3:      srl     $t3, $t0, 12
        sll     $t3, $t3, 2
        addu    $t3, $t2, $t3
        ori     $t4, $t0, LO_V
        sw      $t4, 0($t3)
        addiu   $t0, $t0, 0x1000
        bne     $t0, $t1, 3b
        nop
        jal     asid_alloc
        move    $a0, $s0
        sw      $v0, P_ASID($s0)
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        jr      $ra
        addiu   $sp, $sp, 8

# proc_exit(p, status): p is finished. Frees its pages, page table and ASID (its TLB entries
# stay until the ASID is recycled), and starts the next program.
proc_exit:
        addiu   $sp, $sp, -8
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        move    $s0, $a0
        sw      $a1, P_EXIT($s0)
        li      $t0, S_DONE
        sw      $t0, P_STATE($s0)
        li      $a0, HEAP_BASE
        li      $a1, HEAP_MAX
        jal     unmap_range
        lw      $a2, P_PT($s0)
        li      $a0, STACK_LOW
        li      $a1, 0x80000000
        jal     unmap_range
        lw      $a2, P_PT($s0)
        la      $a0, ustart
        la      $a1, uend
        li      $t0, 0x1fffffff
        and     $a0, $a0, $t0
        and     $a1, $a1, $t0
        jal     unmap_range
        lw      $a2, P_PT($s0)
        lw      $t0, P_PT($s0)          # free the page-table region
        li      $t1, PT_REGION0
        subu    $t0, $t0, $t1
        srl     $t0, $t0, 19            # region index * 4
        la      $t1, pt_busy
        addu    $t0, $t0, $t1
        sw      $zero, 0($t0)
        lw      $t0, P_ASID($s0)        # free the ASID
        sll     $t0, $t0, 2
        la      $t1, asid_owner
        addu    $t0, $t0, $t1
        sw      $zero, 0($t0)
        jal     spawn
        nop
        lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        jr      $ra
        addiu   $sp, $sp, 8

# asid_alloc(p): an ASID for p. A never-used one if any is left, else a free one after
# invalidating the TLB entries its previous owner left behind.
asid_alloc:
        addiu   $sp, $sp, -16
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        move    $s0, $a0
        la      $t0, asid_fresh
        lw      $v0, 0($t0)
        li      $t1, NASID
        beq     $v0, $t1, 1f            # all used at least once: recycle one
        addiu   $v0, $v0, 1
        b       3f
        sw      $v0, 0($t0)
1:      li      $v0, 1
2:      sll     $t0, $v0, 2
        la      $t1, asid_owner
        addu    $t0, $t1, $t0
        lw      $t1, 0($t0)
        beqz    $t1, 4f
        li      $t1, NASID + 1
        addiu   $v0, $v0, 1
        bne     $v0, $t1, 2b
        nop
        j       kpanic                  # cannot happen: MAXLIVE < NASID
        nop
4:      la      $t0, n_recycle
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        sw      $t1, 0($t0)
        sw      $v0, 8($sp)
        jal     tlb_flush_asid
        move    $a0, $v0
        lw      $v0, 8($sp)
3:      sll     $t0, $v0, 2
        la      $t1, asid_owner
        addu    $t0, $t1, $t0
        sw      $s0, 0($t0)
        lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        jr      $ra
        addiu   $sp, $sp, 16

# tlb_flush_asid(asid): invalidates every TLB entry of that ASID. An invalidated entry gets the
# slot's own kseg0 page as VPN, as at power-on, so no two entries can ever collide.
tlb_flush_asid:
        sll     $a0, $a0, 6
        move    $t0, $zero
1:      sll     $t1, $t0, 8
        mtc0    $t1, $0                 # Index
        tlbr
        mfc0    $t2, $10
        bltz    $t2, 2f                 # a kseg0 VPN: already invalid
        andi    $t3, $t2, 0xfc0
        bne     $t3, $a0, 2f
        sll     $t1, $t0, 12
        lui     $t3, 0x8000
        or      $t1, $t1, $t3
        mtc0    $t1, $10
        mtc0    $zero, $2
        tlbwi
2:      addiu   $t0, $t0, 1
        li      $t1, 64
        bne     $t0, $t1, 1b
        nop
        jr      $ra
        nop

# schedule(): round robin: curproc = the next runnable process after it. None left: shutdown.
schedule:
        la      $t0, curproc
        lw      $t1, 0($t0)
        la      $t2, procs
        subu    $t3, $t1, $t2
        srl     $t3, $t3, 11            # index of the current process
        li      $t4, NPROC              # tries
1:      addiu   $t3, $t3, 1
        li      $t5, NPROC
        bne     $t3, $t5, 2f
        nop
        move    $t3, $zero
2:      sll     $t6, $t3, 11
        addu    $t6, $t2, $t6
        lw      $t7, P_STATE($t6)
        li      $t8, S_RUN
        beq     $t7, $t8, 3f
        addiu   $t4, $t4, -1
        bnez    $t4, 1b
        nop
        j       shutdown
        nop
3:      jr      $ra
        sw      $t6, 0($t0)

# shutdown: every process has finished. Prints each one's status and output in PID order, then
# the kernel's counts, and powers off with 0.
shutdown:
        la      $sp, kstack_top
        la      $s0, procs
        move    $s1, $zero
        la      $t0, nextproc
        lw      $s2, 0($t0)             # processes created
1:      beq     $s1, $s2, 5f
        nop
        la      $a0, s_pid
        jal     puts
        nop
        jal     putdec
        lw      $a0, P_PID($s0)
        la      $a0, s_open
        jal     puts
        nop
        jal     puts
        lw      $a0, P_NAME($s0)
        lw      $t0, P_KILLED($s0)
        bnez    $t0, 2f
        nop
        la      $a0, s_exit
        jal     puts
        nop
        jal     putdec
        lw      $a0, P_EXIT($s0)
        b       4f
        nop
2:      la      $a0, s_killed
        jal     puts
        nop
        lw      $t0, P_KCAUSE($s0)
        andi    $t0, $t0, 0x7c
        sll     $t0, $t0, 1             # ExcCode * 8: names are 8 bytes apart
        la      $a0, excnames
        jal     puts
        addu    $a0, $a0, $t0
        la      $a0, s_at
        jal     puts
        nop
        jal     puthex
        lw      $a0, P_KEPC($s0)
        lw      $t0, P_KCAUSE($s0)      # BadVAddr only means something for codes 1..5
        andi    $t0, $t0, 0x7c
        srl     $t0, $t0, 2
        sltiu   $t0, $t0, 6
        beqz    $t0, 4f
        nop
        la      $a0, s_bad
        jal     puts
        nop
        jal     puthex
        lw      $a0, P_KBADVA($s0)
4:      jal     putc
        li      $a0, '\n'
        addiu   $a0, $s0, P_OUT
        jal     putn
        lw      $a1, P_OUTLEN($s0)
        addiu   $s1, $s1, 1
        b       1b
        addiu   $s0, $s0, PROC_SIZE
5:      la      $a0, s_stats
        jal     puts
        nop
        jal     putdec
        move    $a0, $s2
        la      $a0, s_stats2
        jal     puts
        nop
        la      $t0, n_syscalls
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats3
        jal     puts
        nop
        la      $t0, n_dzero
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats4
        jal     puts
        nop
        la      $t0, n_recycle
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats5
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

        .include "lib/console.s"

        .rodata
s_banner:  .asciiz "tinyos: 8 processes, at most 3 at once, 4 ASIDs, preemptive round robin\n"
s_panicarg: .asciiz "panic"
s_kpanic:  .asciiz "tinyos: panic: exception in the kernel: Cause "
s_epc:     .asciiz " EPC "
s_badva:   .asciiz " BadVAddr "
s_pid:     .asciiz "--- pid "
s_open:    .asciiz " ("
s_exit:    .asciiz "): exit "
s_killed:  .asciiz "): killed by "
s_at:      .asciiz " at EPC "
s_bad:     .asciiz ", BadVAddr "
s_stats:   .asciiz "tinyos: "
s_stats2:  .asciiz " processes, "
s_stats3:  .asciiz " system calls, "
s_stats4:  .asciiz " demand-zero pages, "
s_stats5:  .asciiz " ASID recycles\n"
        .align  3
excnames:                               # Cause.ExcCode names, 8 bytes each
        .ascii  "Int\0\0\0\0\0"
        .ascii  "Mod\0\0\0\0\0"
        .ascii  "TLBL\0\0\0\0"
        .ascii  "TLBS\0\0\0\0"
        .ascii  "AdEL\0\0\0\0"
        .ascii  "AdES\0\0\0\0"
        .ascii  "IBE\0\0\0\0\0"
        .ascii  "DBE\0\0\0\0\0"
        .ascii  "Sys\0\0\0\0\0"
        .ascii  "Bp\0\0\0\0\0\0"
        .ascii  "RI\0\0\0\0\0\0"
        .ascii  "CpU\0\0\0\0\0"
        .ascii  "Ov\0\0\0\0\0\0"
        .ascii  "Exc13\0\0\0"
        .ascii  "Exc14\0\0\0"
        .ascii  "Exc15\0\0\0"

        .data
bump:   .word   FREE_BASE               # next never-used free page

        .bss
curproc:    .space 4
nextproc:   .space 4                    # programs started so far
freelist:   .space 4
asid_fresh: .space 4                    # ASIDs 1..asid_fresh have been handed out
asid_owner: .space 4 * (NASID + 1)      # process using each ASID, or 0
pt_busy:    .space 4 * MAXLIVE
n_syscalls: .space 4
n_dzero:    .space 4
n_recycle:  .space 4
        .align  4
procs:      .space PROC_SIZE * NPROC
            .space 8192
kstack_top:

        .include "tinyos/user.s"
