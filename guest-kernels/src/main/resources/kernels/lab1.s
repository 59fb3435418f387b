# lab1: the kernel of exercise 1 of the course labs (docs/labs/ex1.md): the CP0 moves a
# trap-and-emulate VMM must interpret, and the guard in front of them. Under a VMM every MFC0 and
# MTC0 here reaches the VMM's interpreters; on the bare machine they run on the real CP0. The
# transcript is the same on both, line by line, if the interpreters are right.
#
# Kernel mode: writes every writable CP0 register with all ones and with a pattern, and prints
# what reads back (only the writable bits stay: Index.P, Context.BadVPN, Cause's hardware bits,
# BadVAddr, EPC and PRId are the hardware's), then the difference of two Count reads 3
# instructions apart. User mode: MFC0 and MTC0 with Status.CU0 clear take a Coprocessor Unusable
# exception (CpU, CE 0), which the kernel reports and skips; a system call asks the kernel to
# set CU0, and then the same MFC0 reads Status in user mode. Powers off with exit code 0.

        .set    noreorder
        .include "lib/machine.s"
        .include "lib/vectors.s"

        .equ    EXC_CPU, 11

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        la      $a0, s_title
        jal     puts
        nop

        li      $s0, 0xffffffff         # every register: all ones, then a pattern
        li      $s1, 0x12345678
        li      $s2, 2
1:      mtc0    $s0, $0                 # Index: only the slot field is writable
        la      $a0, s_index
        jal     show
        mfc0    $a1, $0
        mtc0    $s0, $2                 # EntryLo: PFN, N, D, V, G
        la      $a0, s_entrylo
        jal     show
        mfc0    $a1, $2
        mtc0    $s0, $4                 # Context: PTEBase; BadVPN is the hardware's
        la      $a0, s_context
        jal     show
        mfc0    $a1, $4
        mtc0    $s0, $8                 # BadVAddr: read-only
        la      $a0, s_badvaddr
        jal     show
        mfc0    $a1, $8
        mtc0    $s0, $10                # EntryHi: VPN and ASID
        la      $a0, s_entryhi
        jal     show
        mfc0    $a1, $10
        mtc0    $s0, $11                # Compare: all 32 bits
        la      $a0, s_compare
        jal     show
        mfc0    $a1, $11
        li      $t0, 0xf010ff00         # Status: CU, SR, IM; not IEc (no interrupt here), not BEV,
        and     $t0, $s0, $t0           # not SwC/IsC (cache control: a machine check on System/161)
        mtc0    $t0, $12
        la      $a0, s_stat
        jal     show
        mfc0    $a1, $12
        mtc0    $s0, $13                # Cause: only the software interrupt bits
        la      $a0, s_cause
        jal     show
        mfc0    $a1, $13
        mtc0    $zero, $13
        mtc0    $s0, $14                # EPC: read-only
        la      $a0, s_epcreg
        jal     show
        mfc0    $a1, $14
        mtc0    $s0, $15                # PRId: read-only
        la      $a0, s_prid
        jal     show
        mfc0    $a1, $15
        addiu   $s2, $s2, -1
        bnez    $s2, 1b
        move    $s0, $s1

        mtc0    $zero, $12              # interrupts stay off: Status 0
        mfc0    $t0, $9                 # Count twice, 3 instructions apart
        nop
        nop
        mfc0    $t1, $9
        la      $a0, s_count
        jal     show
        subu    $a1, $t1, $t0

        la      $a0, ustart             # user mode: the code at ucode, mapped into kuseg
        la      $a1, uend
        jal     map_user
        nop
        mtc0    $zero, $10              # EntryHi: ASID 0, the mapping's
        la      $a0, ucode
        j       enter_user
        move    $a1, $zero              # user mode, interrupts off, CU0 clear

# General exception: CpU is reported and skipped; a system call with v0 = 1 sets Status.CU0 for
# the user program, v0 = 2 prints s1 (what it read), v0 = 3 powers off.
general:
        mfc0    $s3, $13
        andi    $k0, $s3, 0x7c
        li      $k1, EXC_CPU << 2
        beq     $k0, $k1, cpu_unusable
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        li      $k1, 1
        beq     $v0, $k1, set_cu0
        li      $k1, 2
        beq     $v0, $k1, print_s1
        nop
        la      $a0, s_done
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

cpu_unusable:
        la      $a0, s_cpu
        jal     show
        mfc0    $a1, $14                # EPC: the instruction
        la      $a0, s_cpucause
        jal     show
        move    $a1, $s3                # Cause: ExcCode 11, CE 0
        b       skip
        nop

set_cu0:
        mfc0    $k0, $12
        lui     $k1, 0x1000             # CU0
        or      $k0, $k0, $k1
        mtc0    $k0, $12
        b       skip
        nop

print_s1:
        la      $a0, s_user
        jal     show
        move    $a1, $s1

skip:   mfc0    $k0, $14                # return past the instruction
        addiu   $k0, $k0, 4
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/show.s"
        .include "lib/trap.s"

        .text
        .align  12
ustart:                                 # user mode from here to uend
ucode:  mfc0    $s1, $12                # CpU: CU0 is clear
        mtc0    $zero, $12              # CpU
        li      $v0, 1                  # the kernel sets CU0
        syscall
        mfc0    $s1, $12                # allowed now: Status as the user sees it
        li      $v0, 2
        syscall
        li      $v0, 3
        syscall
        .align  12
uend:

        .rodata
s_title:    .asciiz "lab1: CP0 moves and the guard\n"
s_index:    .asciiz "Index    "
s_entrylo:  .asciiz "EntryLo  "
s_context:  .asciiz "Context  "
s_badvaddr: .asciiz "BadVAddr "
s_entryhi:  .asciiz "EntryHi  "
s_compare:  .asciiz "Compare  "
s_stat:     .asciiz "Status   "
s_cause:    .asciiz "Cause    "
s_epcreg:   .asciiz "EPC      "
s_prid:     .asciiz "PRId     "
s_count:    .asciiz "Count, 3 instructions later, minus Count: "
s_cpu:      .asciiz "user mode: CpU at "
s_cpucause: .asciiz "  Cause   "
s_user:     .asciiz "user mode with CU0: MFC0 Status read "
s_done:     .asciiz "lab1: done\n"
