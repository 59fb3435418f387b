# tinyos/boot.s: the exception vectors (the UTLB refill handler itself, five instructions
# through Context) and __start: boot modules, the workload, the first processes, the first slice.
# Part of tinyos.s, which includes it; the .equ names are defined there.

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
