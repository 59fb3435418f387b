# lab2: the kernel of exercise 2 of the course labs (docs/labs/ex2.md): exceptions of every kind,
# where a trap-and-emulate VMM reflects them into the VM (EPC, Cause's ExcCode, CE and BD, the
# KU/IE stack, the vector). Each handler prints what the hardware left in CP0, so the transcript
# shows, line by line, what exception entry did:
#
#   - from user mode (KUc = IEc = 1, every interrupt masked): a system call; a system call in a
#     branch delay slot (EPC is the branch, BD set); a load from an unaligned address (AdEL,
#     BadVAddr); a load from an unmapped kuseg page (the UTLB refill vector, Context and EntryHi
#     set); a coprocessor-1 instruction (CpU with CE 1); an overflowing add (Ov);
#   - from kernel mode: a break inside the system call handler (a nested exception: the KU/IE
#     stack three deep, popped again by the handler's RFE); a load from an unmapped kseg2 page
#     (TLBL at the general vector, not the UTLB one); a break in the delay slot of a jump.
#
# Powers off with exit code 0.

        .set    noreorder
        .include "lib/machine.s"

        .equ    EXC_BP, 9
        .equ    EXC_CPU, 11
        .equ    EXC_OV, 12

        .section .vectors
        j       utlb                    # 0x80000000: UTLB refill
        nop
        .org    0x80
        j       general                 # 0x80000080: general exception
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        la      $a0, s_title
        jal     puts
        nop
        li      $s5, 0                  # s5: where a handler resumes (0: EPC + 4)

        li      $t1, 0xc0001000         # kernel mode: an unmapped kseg2 page, TLBL at the general vector
        lw      $t0, 0($t1)
        la      $s5, 1f                 # a break in the delay slot of a jump: EPC is the jump
        j       1f
        break
1:      li      $s5, 0

        la      $a0, ustart             # user mode: the code at ucode, mapped into kuseg
        la      $a1, uend
        jal     map_user
        nop
        mtc0    $zero, $10              # EntryHi: ASID 0, the mapping's
        la      $a0, ucode
        j       enter_user
        li      $a1, ST_IEP             # user mode, IEc set (rfe), every interrupt masked

# The UTLB refill vector: report, skip the load.
utlb:   la      $a0, s_utlb
        jal     report
        nop
        la      $a0, s_context
        jal     show
        mfc0    $a1, $4
        la      $a0, s_entryhi
        jal     show
        mfc0    $a1, $10
        b       resume
        nop

# The general exception vector: report; a system call from user mode also takes a nested break
# (v0 = 1), resumes after the branch (v0 = 2) or powers off (v0 = 3).
general:
        la      $a0, s_general
        jal     report
        nop
        andi    $k0, $s3, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, resume
        li      $k1, 1
        beq     $v0, $k1, nested
        li      $k1, 3
        beq     $v0, $k1, done
        li      $k1, 2
        bne     $v0, $k1, resume
        nop
        la      $s5, after_branch       # the system call in the delay slot: resume past the branch,
        li      $k1, 0x1fffffff         # at its kuseg address
        b       resume
        and     $s5, $s5, $k1

nested: mfc0    $s4, $14                # keep the system call's EPC: the break overwrites it
        break                           # a kernel-mode exception inside this handler
        la      $a0, s_back
        jal     show
        mfc0    $a1, $12                # Status after the inner handler's RFE: popped back
        addiu   $k0, $s4, 4             # past the system call (EPC is read-only: its copy)
        jr      $k0
        rfe

done:   la      $a0, s_done
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

# resume: continue at s5 if set (once), else past the instruction at EPC; RFE pops KU/IE.
resume: beqz    $s5, 1f
        mfc0    $k0, $14
        move    $k0, $s5
        li      $s5, 0
        jr      $k0
        rfe
1:      addiu   $k0, $k0, 4
        jr      $k0
        rfe

# report(a0 = vector name): prints the vector, then EPC, Cause, BadVAddr and Status's KU/IE bits.
# Keeps Cause in s3.
report: move    $s2, $ra
        jal     puts
        nop
        mfc0    $s3, $13
        la      $a0, s_xepc
        jal     show
        mfc0    $a1, $14
        la      $a0, s_cause
        jal     show
        move    $a1, $s3
        la      $a0, s_badvaddr
        jal     show
        mfc0    $a1, $8
        mfc0    $a1, $12
        la      $a0, s_kuie
        jal     show
        andi    $a1, $a1, 0x3f
        jr      $s2
        nop

        .include "lib/console.s"
        .include "lib/show.s"
        .include "lib/trap.s"

        .text
        .align  12
ustart:                                 # user mode from here to uend
ucode:  li      $v0, 0                  # a system call
        syscall
        li      $v0, 2                  # a system call in a branch delay slot
        beq     $zero, $zero, after_branch
        syscall
after_branch:
        li      $t0, 0x1001             # an unaligned load: AdEL
        lw      $t1, 0($t0)
        lui     $t0, 0x0040             # an unmapped kuseg page: the UTLB refill vector
        lw      $t1, 0($t0)
        .word   0x44090000              # mfc1 $t1, $f0: no coprocessor 1, CpU with CE 1
        lui     $t0, 0x7fff             # 0x7fffffff + 1 overflows: Ov
        ori     $t0, $t0, 0xffff
        addi    $t1, $t0, 1
        li      $v0, 1                  # a system call whose handler takes a break: nested
        syscall
        li      $v0, 3
        syscall
        .align  12
uend:

        .rodata
s_title:    .asciiz "lab2: exception entry and RFE\n"
s_utlb:     .asciiz "UTLB refill vector\n"
s_general:  .asciiz "general exception vector\n"
s_xepc:      .asciiz "  EPC      "
s_cause:    .asciiz "  Cause    "
s_badvaddr: .asciiz "  BadVAddr "
s_kuie:     .asciiz "  KU/IE    "
s_context:  .asciiz "  Context  "
s_entryhi:  .asciiz "  EntryHi  "
s_back:     .asciiz "  after the nested handler's RFE, Status "
s_done:     .asciiz "lab2: done\n"
