# tlbmiss: microbenchmark of TLB refills. A user-mode loop loads one word from each of 128
# pages in turn, twice as many pages as the TLB has entries, so most loads miss. The UTLB
# refill handler loads the page-table entry through Context, as the R3000 intends: Context's
# PTEBase points at a linear page table (one 4-byte EntryLo per virtual page) in kseg0 at
# 0x80200000, so Context is the kseg0 address of the entry for the missing page, and the
# handler is five instructions and a return. The iteration count (loads) is the first number in
# the boot arguments (default 1000).
#
# Memory: user code at virtual = physical (TLB slots 0..7); data pages at 0x00400000 +
# i * 0x1000 for i < 128, backed by physical 0x00100000 + i * 0x1000; page table at physical
# 0x00200000 (2 MiB), zero (invalid) except for those 128 entries.
#
# golden-args: 1000

        .set    noreorder
        .include "lib/machine.s"
        .equ    PTEBASE, 0x80200000
        .equ    PAGES, 128
        .equ    UDATA, 0x00400000
        .equ    PDATA, 0x00100000

        .section .vectors
utlb:   mfc0    $k0, $4                 # Context: PTEBase | BadVPN << 2 = &pte
        mfc0    $k1, $14                # EPC
        lw      $k0, 0($k0)
        mtc0    $k0, $2                 # EntryLo; EntryHi already holds the VPN and ASID
        tlbwr
        jr      $k1
        rfe
        .org    0x80
        j       final_syscall           # only the final syscall is expected
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        jal     argnum
        li      $a1, 1000
        move    $s0, $v0
        li      $t0, PTEBASE            # fill the page-table entries of the data pages
        mtc0    $t0, $4                 # Context.PTEBase
        li      $t1, UDATA >> 10        # &pte of page UDATA = PTEBASE + (UDATA >> 12) * 4
        addu    $t0, $t0, $t1
        li      $t1, PDATA | LO_V       # EntryLo: PFN, valid, read-only
        li      $t2, PAGES
1:      sw      $t1, 0($t0)
        addiu   $t0, $t0, 4
        addiu   $t2, $t2, -1
        bnez    $t2, 1b
        addiu   $t1, $t1, 0x1000
        la      $a0, uloop
        j       bench_user
        nop

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"
        .include "lib/bench_user.s"

        .text
        .align  12
ustart:
uloop:  li      $t0, UDATA
        li      $t1, UDATA + PAGES * 0x1000
        move    $t2, $t0
        beqz    $s1, 2f
        nop
1:      lw      $t3, 0($t2)             # one load per page
        addiu   $t2, $t2, 0x1000
        bne     $t2, $t1, 3f
        addiu   $s1, $s1, -1
        move    $t2, $t0                # wrap around
3:      bnez    $s1, 1b
        nop
2:      syscall
        .align  12
uend:

        .rodata
s_done: .asciiz "tlbmiss: "
s_iter: .asciiz " loads over 128 pages\n"
