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
# Output. write() appends to the process's own buffer (7 KiB, OUT_MAX); when every process has finished,
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
        .equ    HEAP_BASE, 0x10000000  # the break of the built-in programs starts here
        .equ    HEAP_SIZE, 0x400000     # the heap may grow this far past its start
        .equ    STACK_LOW, 0x7ff00000
        .equ    STACK_TOP, 0x7ffffff0

        .equ    PTE_OWN, 0x1            # software bit of a page-table entry: a private page, freed at exit
        .equ    PF_W, 0x2               # ELF segment flag: writable
        .equ    MOD_SIZE, 32            # a boot module: kseg0 address, length, name (24 bytes)

        .equ    S_RUN, 1                # process states (0: not yet created)
        .equ    S_DONE, 2

        .equ    PROC_SIZE, 8192         # the process structure (1 << PROC_SHIFT)
        .equ    PROC_SHIFT, 13
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
        .equ    P_BRKBASE, 48           # where the heap starts
        .equ    P_BADELF, 52            # nonzero: the boot module was not a loadable ELF
        .equ    P_NSEGS, 56             # ELF segments mapped: count, then (start, end) pairs
        .equ    P_SEGS, 208
        .equ    MAXSEGS, 8
        .equ    P_REGS, 64              # saved $0..$31
        .equ    P_HI, 192
        .equ    P_LO, 196
        .equ    P_EPC, 200
        .equ    P_OUT, 1024             # output buffer
        .equ    OUT_MAX, PROC_SIZE - P_OUT  # 7 KiB: what does not fit is dropped

        .equ    SYS_EXIT, 4001
        .equ    SYS_WRITE, 4004
        .equ    SYS_GETPID, 4020
        .equ    SYS_BRK, 4045
        .equ    SYS_YIELD, 4158
        .equ    SYS_EXIT_GROUP, 4246
        .equ    EBADF, 9
        .equ    EFAULT, 14
        .equ    ENOSYS, 89

# The built-in user programs come first in .text, so their addresses (which the transcript
# shows when one is killed) do not move when the kernel changes.
        .include "tinyos/user.s"

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
        move    $s1, $a0
        jal     parse_modules           # modules=ADDR:LEN:NAME,... from the boot loader
        nop
        move    $a0, $s1
        la      $a1, s_panicarg         # "panic" as the boot arguments?
1:      lbu     $t0, 0($a0)
        lbu     $t1, 0($a1)
        bne     $t0, $t1, 2f
        addiu   $a0, $a0, 1
        bnez    $t0, 1b
        addiu   $a1, $a1, 1
        li      $t0, 0xbfc00000         # yes: a bus error in the kernel
        lw      $t0, 0($t0)
2:      la      $t0, nmods              # the workload: the boot modules, else the built-ins
        lw      $t1, 0($t0)
        la      $a0, s_banner1
        la      $t2, nprogs
        bnez    $t1, 4f
        nop
        li      $t1, NPROC
        la      $a0, s_banner2
4:      sw      $t1, 0($t2)
        move    $s1, $a0
        move    $s2, $t1
        la      $a0, s_stats
        jal     puts
        nop
        jal     putdec
        move    $a0, $s2
        jal     puts
        move    $a0, $s1
        la      $a0, s_banner
        jal     puts
        nop
        li      $t0, PT_REGION0
        mtc0    $t0, $4                 # Context.PTEBase: a valid table from the start
        li      $s0, MAXLIVE
3:      jal     spawn
        addiu   $s0, $s0, -1
        bnez    $s0, 3b
        nop
        la      $t0, procs + (NPROC - 1) * PROC_SIZE
        la      $t1, curproc            # as if the last one had run: schedule picks PID 1,
        jal     schedule                # or the first that could be started
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
        lw      $t0, P_BRKBASE($s0)
        sltu    $t1, $a0, $t0
        bnez    $t1, sys_return         # brk(0) and other low values: the current break
        li      $t1, HEAP_SIZE
        addu    $t0, $t0, $t1
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
        lw      $t1, P_BRKBASE($a0)
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
        nop
        li      $t0, 0x1ffff000
        and     $v0, $v0, $t0
        ori     $v0, $v0, LO_V | LO_D | PTE_OWN
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
        la      $t1, free_limit
        lw      $t1, 0($t1)
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
# private pages they map (PTE_OWN); the shared code pages of the built-in programs stay.
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
        andi    $t2, $t1, PTE_OWN
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
# region, an ASID, then either the built-in program's code mapped (shared, read-only) or the
# boot module's ELF segments loaded into fresh pages.
spawn:  addiu   $sp, $sp, -16
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        la      $t0, nextproc
        lw      $s1, 0($t0)             # index of the next program
        la      $t2, nprogs
        lw      $t2, 0($t2)
        beq     $s1, $t2, 9f            # all started
        addiu   $t3, $s1, 1
        sw      $t3, 0($t0)
        sll     $t2, $s1, PROC_SHIFT    # p = procs + index * PROC_SIZE
        la      $s0, procs
        addu    $s0, $s0, $t2
        sw      $t3, P_PID($s0)
        li      $t0, S_RUN
        sw      $t0, P_STATE($s0)
        li      $t0, HEAP_BASE
        sw      $t0, P_BRKBASE($s0)
        sw      $t0, P_BRK($s0)
        li      $t2, STACK_TOP          # argc = 0, argv, envp, auxv empty: the stack page is zero
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
        jal     asid_alloc
        move    $a0, $s0
        sw      $v0, P_ASID($s0)
        la      $t0, nmods
        lw      $t0, 0($t0)
        bnez    $t0, 5f
        nop
        sll     $t2, $s1, 3             # built-in: progs holds (entry, name) pairs
        la      $t0, progs
        addu    $t0, $t0, $t2
        lw      $t2, 0($t0)
        lw      $t3, 4($t0)
        sw      $t3, P_NAME($s0)
        li      $t4, 0x1fffffff         # user code runs at virtual = physical
        and     $t2, $t2, $t4
        sw      $t2, P_EPC($s0)
        la      $t0, ustart             # map the user code: read-only, shared
        la      $t1, uend
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
        b       9f
        nop
5:      sll     $t2, $s1, 5             # boot module: mods holds (address, length, name)
        la      $t0, mods
        addu    $t0, $t0, $t2
        addiu   $t1, $t0, 8
        sw      $t1, P_NAME($s0)
        lw      $a1, 0($t0)
        lw      $a2, 4($t0)
        jal     elf_load
        move    $a0, $s0
        bnez    $v0, 9f
        sw      $v0, P_EPC($s0)
        li      $t0, 1                  # not loadable: it ends before it starts
        sw      $t0, P_BADELF($s0)
        move    $a0, $s0
        jal     proc_exit
        li      $a1, 255
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        lw      $s1, 8($sp)
        jr      $ra
        addiu   $sp, $sp, 16

# elf_load(p, image, length): maps the PT_LOAD segments of the ELF executable at image (kseg0)
# into p's address space, in fresh private pages, and starts p's heap after the highest one.
# Returns the entry point, or 0 if the image is not a big-endian 32-bit MIPS executable whose
# segments (at most MAXSEGS) lie in kuseg below the stack region and within the file.
elf_load:
        addiu   $sp, $sp, -32
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        sw      $s2, 12($sp)
        sw      $s3, 16($sp)
        sw      $s4, 20($sp)
        sw      $s5, 24($sp)
        sw      $s6, 28($sp)
        move    $s0, $a0
        move    $s1, $a1
        move    $s2, $a2
        sltiu   $t0, $s2, 52            # the ELF header
        bnez    $t0, 8f
        nop
        lw      $t0, 0($s1)
        li      $t1, 0x7f454c46         # \177ELF
        bne     $t0, $t1, 8f
        lbu     $t0, 4($s1)
        li      $t1, 1                  # ELFCLASS32
        bne     $t0, $t1, 8f
        lbu     $t0, 5($s1)
        li      $t1, 2                  # ELFDATA2MSB
        bne     $t0, $t1, 8f
        lhu     $t0, 18($s1)
        li      $t1, 8                  # EM_MIPS
        bne     $t0, $t1, 8f
        lw      $s3, 28($s1)            # e_phoff
        lhu     $s4, 44($s1)            # e_phnum
        lhu     $s5, 42($s1)            # e_phentsize
        sltiu   $t0, $s5, 32
        bnez    $t0, 8f
        multu   $s4, $s5
        mflo    $t0
        addu    $t0, $t0, $s3
        sltu    $t1, $s2, $t0
        bnez    $t1, 8f                 # program headers beyond the file
        sltu    $t1, $t0, $s3
        bnez    $t1, 8f
        addu    $s3, $s3, $s1           # the first program header
        li      $s6, HEAP_BASE          # the heap starts above every segment, and at least here
1:      beqz    $s4, 4f
        lw      $t0, 0($s3)
        li      $t1, 1                  # PT_LOAD
        bne     $t0, $t1, 3f
        nop
        move    $a0, $s0
        move    $a1, $s3
        jal     load_segment
        move    $a2, $s1
        beqz    $v0, 8f
        sltu    $t0, $s6, $v0
        beqz    $t0, 3f
        nop
        move    $s6, $v0
3:      addiu   $s4, $s4, -1
        b       1b
        addu    $s3, $s3, $s5
4:      addiu   $s6, $s6, 0xfff         # the heap starts at the next page
        li      $t0, 0xfffff000
        and     $s6, $s6, $t0
        sw      $s6, P_BRKBASE($s0)
        sw      $s6, P_BRK($s0)
        b       9f
        lw      $v0, 24($s1)            # e_entry
8:      move    $v0, $zero
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        lw      $s1, 8($sp)
        lw      $s2, 12($sp)
        lw      $s3, 16($sp)
        lw      $s4, 20($sp)
        lw      $s5, 24($sp)
        lw      $s6, 28($sp)
        jr      $ra
        addiu   $sp, $sp, 32

# load_segment(p, phdr, image): one PT_LOAD segment. Checks it, records its pages in p's
# segment list, gives every page a fresh zero page, copies the file bytes, and makes the pages
# writable if the segment is. Returns its end address (vaddr + memsz), or 0 if it is bad.
# $s2 is the image length (from elf_load).
load_segment:
        addiu   $sp, $sp, -32
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        sw      $s3, 12($sp)
        sw      $s4, 16($sp)
        sw      $s5, 20($sp)
        sw      $s6, 24($sp)
        sw      $s7, 28($sp)
        move    $s0, $a0
        lw      $s3, 8($a1)             # p_vaddr
        lw      $s4, 20($a1)            # p_memsz
        lw      $s5, 16($a1)            # p_filesz
        lw      $s6, 4($a1)             # p_offset
        lw      $s7, 24($a1)            # p_flags
        addu    $s1, $a2, $s6           # the file bytes
        sltu    $t0, $s4, $s5
        bnez    $t0, 8f                 # filesz > memsz
        addu    $t0, $s6, $s5
        beqz    $s5, 1f                 # no file bytes (.bss): the offset does not matter
        sltu    $t1, $s2, $t0
        bnez    $t1, 8f                 # beyond the end of the file
        sltu    $t1, $t0, $s6
        bnez    $t1, 8f
        nop
1:      addu    $t0, $s3, $s4           # end
        sltu    $t1, $t0, $s3
        bnez    $t1, 8f                 # wraps around
        li      $t1, STACK_LOW
        sltu    $t1, $t1, $t0
        bnez    $t1, 8f                 # reaches the stack region or kseg
        lw      $t0, P_NSEGS($s0)       # record it for proc_exit
        sltiu   $t1, $t0, MAXSEGS
        beqz    $t1, 8f
        addiu   $t1, $t0, 1
        sw      $t1, P_NSEGS($s0)
        sll     $t0, $t0, 3
        addu    $t0, $t0, $s0
        li      $t2, 0xfffff000
        and     $t1, $s3, $t2
        sw      $t1, P_SEGS($t0)
        addu    $t1, $s3, $s4
        addiu   $t1, $t1, 0xfff
        and     $t1, $t1, $t2
        sw      $t1, P_SEGS+4($t0)
        li      $t2, 0xfffff000         # a page for every page of the segment
        and     $s6, $s3, $t2           # (s6 is free now: the offset is in s1)
        addu    $s4, $s3, $s4           # s4 = end
1:      sltu    $t0, $s6, $s4
        beqz    $t0, 2f
        move    $a0, $s0
        jal     ensure_page
        move    $a1, $s6
        beqz    $v0, 8f                 # out of memory
        nop
        b       1b
        addiu   $s6, $s6, 0x1000
2:      move    $s6, $s3                # copy filesz bytes
        addu    $s5, $s3, $s5
3:      beq     $s6, $s5, 4f
        move    $a0, $s0
        jal     ensure_page
        move    $a1, $s6
        lbu     $t0, 0($s1)
        sb      $t0, 0($v0)
        addiu   $s1, $s1, 1
        b       3b
        addiu   $s6, $s6, 1
4:      andi    $t0, $s7, PF_W          # writable segment: set D on its pages
        beqz    $t0, 6f
        nop
        li      $t2, 0xfffff000
        and     $s6, $s3, $t2
5:      sltu    $t0, $s6, $s4
        beqz    $t0, 6f
        srl     $t0, $s6, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($s0)
        addu    $t0, $t0, $t1
        lw      $t1, 0($t0)
        ori     $t1, $t1, LO_D
        sw      $t1, 0($t0)
        b       5b
        addiu   $s6, $s6, 0x1000
6:      b       9f
        move    $v0, $s4
8:      move    $v0, $zero
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        lw      $s1, 8($sp)
        lw      $s3, 12($sp)
        lw      $s4, 16($sp)
        lw      $s5, 20($sp)
        lw      $s6, 24($sp)
        lw      $s7, 28($sp)
        jr      $ra
        addiu   $sp, $sp, 32

# ensure_page(p, va): the kseg0 address of user address va, giving its page a fresh zero page
# (valid, read-only, private) if it has none; 0 if memory is exhausted.
ensure_page:
        addiu   $sp, $sp, -16
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $a1, 8($sp)
        srl     $t0, $a1, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($a0)
        addu    $s0, $t0, $t1           # &pte
        lw      $v0, 0($s0)
        bnez    $v0, 1f
        nop
        jal     page_alloc
        nop
        beqz    $v0, 9f
        nop
        li      $t0, 0x1ffff000
        and     $v0, $v0, $t0
        ori     $v0, $v0, LO_V | PTE_OWN
        sw      $v0, 0($s0)
1:      srl     $v0, $v0, 12
        sll     $v0, $v0, 12
        lw      $a1, 8($sp)
        andi    $t0, $a1, 0xfff
        or      $v0, $v0, $t0
        lui     $t0, 0x8000
        or      $v0, $v0, $t0
9:      lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        jr      $ra
        addiu   $sp, $sp, 16

# parse_modules(args): finds "modules=ADDR:LEN:NAME,..." in the boot argument string (ADDR in
# 0x hex, a kseg0 address; LEN in decimal; NAME up to ',', ' ' or the end) and fills mods and
# nmods, at most NPROC of them.
parse_modules:
        la      $t9, s_modkey
1:      move    $t0, $a0                # does "modules=" start at a0?
        move    $t1, $t9
2:      lbu     $t3, 0($t1)
        beqz    $t3, 4f                 # yes
        lbu     $t2, 0($t0)
        addiu   $t0, $t0, 1
        beq     $t2, $t3, 2b
        addiu   $t1, $t1, 1
        lbu     $t2, 0($a0)             # no: next position
        bnez    $t2, 1b
        addiu   $a0, $a0, 1
        jr      $ra                     # no modules
        nop
4:      la      $t8, mods               # t0: the first module
        move    $t7, $zero              # count
5:      lbu     $t2, 0($t0)             # "0x"
        lbu     $t3, 1($t0)
        addiu   $t0, $t0, 2
        li      $t1, '0'
        bne     $t2, $t1, 20f
        li      $t1, 'x'
        bne     $t3, $t1, 20f
        move    $t4, $zero
6:      lbu     $t2, 0($t0)             # hex digits
        addiu   $t3, $t2, -'0'
        sltiu   $t1, $t3, 10
        bnez    $t1, 7f
        addiu   $t1, $t2, -'a'
        sltiu   $t1, $t1, 6
        beqz    $t1, 8f
        addiu   $t3, $t2, -'a' + 10
7:      sll     $t4, $t4, 4
        or      $t4, $t4, $t3
        b       6b
        addiu   $t0, $t0, 1
8:      li      $t1, ':'
        bne     $t2, $t1, 20f
        addiu   $t0, $t0, 1
        sw      $t4, 0($t8)
        la      $t1, free_limit         # keep the free pages below the module
        lw      $t2, 0($t1)
        sltu    $t3, $t4, $t2
        beqz    $t3, 9f
        srl     $t3, $t4, 12
        sll     $t3, $t3, 12
        sw      $t3, 0($t1)
9:      move    $t4, $zero
19:     lbu     $t2, 0($t0)             # decimal length
        addiu   $t3, $t2, -'0'
        sltiu   $t1, $t3, 10
        beqz    $t1, 10f
        sll     $t1, $t4, 3
        sll     $t4, $t4, 1
        addu    $t4, $t4, $t1
        addu    $t4, $t4, $t3
        b       19b
        addiu   $t0, $t0, 1
10:     li      $t1, ':'
        bne     $t2, $t1, 20f
        addiu   $t0, $t0, 1
        sw      $t4, 4($t8)
        addiu   $t5, $t8, 8             # name, at most 23 characters
        addiu   $t6, $t8, MOD_SIZE - 1
11:     lbu     $t2, 0($t0)
        beqz    $t2, 13f
        li      $t1, ','
        beq     $t2, $t1, 13f
        li      $t1, ' '
        beq     $t2, $t1, 13f
        addiu   $t0, $t0, 1
        beq     $t5, $t6, 11b
        nop
        sb      $t2, 0($t5)
        b       11b
        addiu   $t5, $t5, 1
13:     sb      $zero, 0($t5)
        addiu   $t7, $t7, 1
        la      $t1, nmods
        sw      $t7, 0($t1)
        li      $t1, NPROC
        beq     $t7, $t1, 20f
        addiu   $t8, $t8, MOD_SIZE
        li      $t1, ','
        beq     $t2, $t1, 5b
        addiu   $t0, $t0, 1
20:     jr      $ra
        nop

# proc_exit(p, status): p is finished. Frees its pages, page table and ASID (its TLB entries
# stay until the ASID is recycled), and starts the next program.
proc_exit:
        addiu   $sp, $sp, -16
        sw      $ra, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        sw      $s2, 12($sp)
        move    $s0, $a0
        sw      $a1, P_EXIT($s0)
        li      $t0, S_DONE
        sw      $t0, P_STATE($s0)
        lw      $a0, P_BRKBASE($s0)
        li      $a1, HEAP_SIZE
        addu    $a1, $a0, $a1
        jal     unmap_range
        lw      $a2, P_PT($s0)
        lw      $s1, P_NSEGS($s0)       # the ELF segments of a boot module
        addiu   $s2, $s0, P_SEGS
1:      beqz    $s1, 2f
        addiu   $s1, $s1, -1
        lw      $a0, 0($s2)
        lw      $a1, 4($s2)
        jal     unmap_range
        lw      $a2, P_PT($s0)
        b       1b
        addiu   $s2, $s2, 8
2:
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
        lw      $s1, 8($sp)
        lw      $s2, 12($sp)
        jr      $ra
        addiu   $sp, $sp, 16

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
        srl     $t3, $t3, PROC_SHIFT    # index of the current process
        li      $t4, NPROC              # tries
1:      addiu   $t3, $t3, 1
        li      $t5, NPROC
        bne     $t3, $t5, 2f
        nop
        move    $t3, $zero
2:      sll     $t6, $t3, PROC_SHIFT
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
        lw      $t0, P_BADELF($s0)
        beqz    $t0, 6f
        nop
        la      $a0, s_badelf
        jal     puts
        nop
        b       4f
        nop
6:      lw      $t0, P_KILLED($s0)
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
s_banner1: .asciiz " boot modules"
s_banner2: .asciiz " built-in programs"
s_banner:  .asciiz ", at most 3 at once, 4 ASIDs, preemptive round robin\n"
s_modkey:  .asciiz "modules="
s_badelf:  .asciiz "): not started: not a loadable big-endian MIPS ELF executable"
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
free_limit: .word FREE_LIMIT            # end of the free pages: lowered below any boot module

        .bss
curproc:    .space 4
nprogs:     .space 4                    # programs in the workload
nmods:      .space 4                    # boot modules given
mods:       .space MOD_SIZE * NPROC
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
