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

        .equ    FRAME, 40               # a routine's stack frame: ra, s0..s7, one word (tinyos/frame.s)
        .equ    FRAME_LOCAL, 36

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

        .include "tinyos/boot.s"
        .include "tinyos/exception.s"
        .include "tinyos/syscall.s"
        .include "tinyos/vm.s"
        .include "tinyos/proc.s"
        .include "tinyos/loader.s"
        .include "tinyos/frame.s"

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
