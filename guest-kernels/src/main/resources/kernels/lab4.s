# lab4: the kernel of exercise 4 of the course labs (docs/labs/ex4.md): virtual time. Time on the
# machine is the number of cycles; a VM's time must be exactly the bare machine's cycle count
# whatever the VMM did in between. Under a trap-and-emulate VMM this kernel's user mode runs
# directly on the machine below, so its Count comes from how the VMM measured its direct runs, and
# its interrupts come when the VMM stopped them. Each line is a Count difference or what an
# interrupt handler found; the transcript is the same bare and in a VM if the VMM's time is exact.
#
# User mode (Status.CU0 set, so that it may read Count itself; every interrupt masked unless
# said) reads Count around:
#   - a loop of 100 iterations;
#   - a system call (the guest's own exception);
#   - the first load from a page its TLB maps (a hit here; in a VM the VMM's shadow TLB misses);
#   - a load from a page its TLB does not map (the kernel's UTLB refill handler maps it);
#   - a loop of 20000 iterations, longer than a VMM's time slice;
#   - a loop during which Count reaches Compare, with the timer's interrupt masked: Count
#     restarts from 0 and Cause.IP7 rises.
# Then it runs a loop with the on-chip timer's interrupt enabled (Compare 500 cycles on) and one
# with the timer card's (40 us on): each handler prints EPC, Cause, the loop's counter and Count
# where the interrupt came. Last, a system call has the kernel WAIT for the timer card: Count stands
# still while the CPU idles, and the card's clock (machine time) goes on. Powers off with exit 0.

        .set    noreorder
        .include "lib/machine.s"

        .equ    TIMER_NSEC, 0x04        # timer card: nanoseconds of its clock
        .equ    ST_CU0, 0x10000000
        .equ    UTLB_SLOT, 20           # the UTLB refill handler's TLB slot

        # system calls: v0 = the number
        .equ    SYS_NULL, 0             # returns at once
        .equ    SYS_SHOW, 1             # show(a0 = name, a1 = value)
        .equ    SYS_TIMER, 2            # Compare = Count + a0, the timer's interrupt enabled
        .equ    SYS_CARD, 3             # the timer card's countdown a0 us, its interrupt enabled
        .equ    SYS_WAIT, 4             # WAIT for the timer card's countdown of a0 us
        .equ    SYS_EXIT, 5             # power off

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
        la      $a0, ustart             # user mode: the code at ucode, mapped into kuseg
        la      $a1, uend
        jal     map_user
        nop
        mtc0    $zero, $10              # EntryHi: ASID 0, the mapping's
        la      $a0, ucode
        li      $a1, ST_CU0 | ST_IEP    # user mode, CU0 set, IEc set (rfe), every interrupt masked
        j       enter_user
        nop

# The UTLB refill vector: map the missing page (EntryHi holds its VPN) onto udata's page,
# read-only, and retry the load.
utlb:   la      $k0, udata
        li      $k1, 0x1ffff000
        and     $k0, $k0, $k1
        ori     $k0, $k0, LO_V
        mtc0    $k0, $2                 # EntryLo
        li      $k0, UTLB_SLOT << 8
        mtc0    $k0, $0                 # Index
        tlbwi
        mfc0    $k0, $14
        jr      $k0
        rfe

# The general exception vector. Count first: at an interrupt it is the cycles since the
# interrupt's line rose, if that was Compare's match. The kernel uses s3..s7 and the registers
# of lib/console.s; user code keeps its state in s0..s2.
general:
        mfc0    $s4, $9                 # Count
        mfc0    $s3, $13                # Cause
        andi    $k0, $s3, 0x7c
        beqz    $k0, interrupt
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        li      $k1, SYS_SHOW
        beq     $v0, $k1, sys_show
        li      $k1, SYS_TIMER
        beq     $v0, $k1, sys_timer
        li      $k1, SYS_CARD
        beq     $v0, $k1, sys_card
        li      $k1, SYS_WAIT
        beq     $v0, $k1, sys_wait
        li      $k1, SYS_EXIT
        beq     $v0, $k1, sys_exit
        nop
        b       skip                    # SYS_NULL
        nop

sys_show:
        jal     show
        nop
        b       skip
        nop

sys_timer:
        addu    $k0, $s4, $a0           # Compare: a0 cycles after the Count read above
        mtc0    $k0, $11
        mfc0    $k0, $12
        ori     $k0, $k0, ST_IM7        # the timer's interrupt, once back in user mode
        mtc0    $k0, $12
        b       skip
        nop

sys_card:
        li      $k0, TIMER
        sw      $zero, TIMER_RESTART($k0) # once
        sw      $a0, TIMER_COUNTDOWN($k0)
        mfc0    $k0, $12
        ori     $k0, $k0, ST_IM2        # LAMEbus interrupts, once back in user mode
        mtc0    $k0, $12
        b       skip
        nop

sys_wait:                               # interrupts are off here: WAIT ends when the line rises
        li      $s5, TIMER
        lw      $s3, TIMER_NSEC($s5)
        mfc0    $s4, $9
        sw      $a0, TIMER_COUNTDOWN($s5)
        .set    push
        .set    mips32                  # GNU as calls WAIT MIPS32
        wait
        .set    pop
        mfc0    $k0, $9
        lw      $k1, TIMER_NSEC($s5)
        subu    $s4, $k0, $s4
        subu    $s3, $k1, $s3
        lw      $k1, TIMER_INTERRUPT($s5) # lowers the card's line
        la      $a0, s_wait_count
        jal     show
        move    $a1, $s4
        la      $a0, s_wait_ns
        jal     show
        move    $a1, $s3
        b       skip
        nop

sys_exit:
        la      $a0, s_done
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

skip:   mfc0    $k0, $14                # return past the system call
        addiu   $k0, $k0, 4
        jr      $k0
        rfe

# An interrupt: the on-chip timer's (IP7) or the timer card's (IP2). Print where it came, mask it
# for good, and return to EPC: the interrupted instruction has not executed.
interrupt:
        la      $s5, s_vmtimer
        andi    $k0, $s3, ST_IM7        # Cause.IP7
        bnez    $k0, 1f
        nop
        andi    $k0, $s3, ST_IM2        # Cause.IP2
        beqz    $k0, panic
        nop
        la      $s5, s_card
        li      $k0, TIMER
        b       2f
        lw      $k1, TIMER_INTERRUPT($k0) # lowers the card's line
1:      mtc0    $zero, $11              # Compare: lowers IP7
2:      move    $a0, $s5
        jal     show
        mfc0    $a1, $14                # EPC
        addiu   $a0, $s5, S_CAUSE
        jal     show
        move    $a1, $s3                # Cause
        addiu   $a0, $s5, S_LOOP
        jal     show
        move    $a1, $s2                # the loop's counter
        addiu   $a0, $s5, S_COUNT
        jal     show
        move    $a1, $s4                # Count at the handler's first instruction
        mfc0    $k0, $12
        li      $k1, ~(ST_IM7 | ST_IM2)
        and     $k0, $k0, $k1
        mtc0    $k0, $12
        mfc0    $k0, $14
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/show.s"
        .include "lib/trap.s"

        .text
        .align  12
ustart:                                 # user mode from here to uend
ucode:
        mfc0    $s0, $9                 # a loop of 100 iterations
        li      $s2, 100
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        mfc0    $s1, $9
        la      $a0, s_loop
        subu    $a1, $s1, $s0
        li      $v0, SYS_SHOW
        syscall

        mfc0    $s0, $9                 # a system call
        li      $v0, SYS_NULL
        syscall
        mfc0    $s1, $9
        la      $a0, s_syscall
        subu    $a1, $s1, $s0
        li      $v0, SYS_SHOW
        syscall

        la      $t1, udata              # the first load from a page the TLB maps
        li      $t2, 0x1fffffff
        and     $t1, $t1, $t2
        mfc0    $s0, $9
        lw      $t3, 0($t1)
        mfc0    $s1, $9
        la      $a0, s_mapped
        subu    $a1, $s1, $s0
        li      $v0, SYS_SHOW
        syscall

        lui     $t1, 0x0040             # a load from a page the TLB does not map: UTLB refill
        mfc0    $s0, $9
        lw      $t3, 0($t1)
        mfc0    $s1, $9
        la      $a0, s_unmapped
        subu    $a1, $s1, $s0
        li      $v0, SYS_SHOW
        syscall

        mfc0    $s0, $9                 # a loop of 20000 iterations: 60000 cycles
        li      $s2, 20000
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        mfc0    $s1, $9
        la      $a0, s_long
        subu    $a1, $s1, $s0
        li      $v0, SYS_SHOW
        syscall

        mfc0    $t1, $9                 # Count reaches Compare in a loop, the interrupt masked
        addiu   $t1, $t1, 1000
        mtc0    $t1, $11
        li      $s2, 1000
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        mfc0    $s1, $9
        mfc0    $s0, $13
        la      $a0, s_masked
        move    $a1, $s1
        li      $v0, SYS_SHOW
        syscall
        la      $a0, s_masked_cause
        move    $a1, $s0
        li      $v0, SYS_SHOW
        syscall

        li      $a0, 500                # the timer's interrupt in a loop
        li      $v0, SYS_TIMER
        syscall
        li      $s2, 1000
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop

        li      $a0, 40                 # the timer card's interrupt in a loop: 40 us, 1000 cycles
        li      $v0, SYS_CARD
        syscall
        li      $s2, 1000
1:      addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop

        li      $a0, 80                 # WAIT for the timer card: 80 us, 2000 cycles
        li      $v0, SYS_WAIT
        syscall
        li      $v0, SYS_EXIT
        syscall

        .align  12
udata:  .word   0x12345678              # a page of its own, mapped with the code
        .align  12
uend:

        .rodata
s_title:        .asciiz "lab4: virtual time and the timer\n"
s_loop:         .asciiz "Count around a loop of 100 iterations                 "
s_syscall:      .asciiz "Count around a system call                            "
s_mapped:       .asciiz "Count around a load from a page the TLB maps          "
s_unmapped:     .asciiz "Count around a load from a page the TLB does not map  "
s_long:         .asciiz "Count around a loop of 20000 iterations               "
s_masked:       .asciiz "Count after reaching Compare, interrupt masked        "
s_masked_cause: .asciiz "Cause after reaching Compare, interrupt masked        "
s_wait_count:   .asciiz "WAIT for the timer card: Count advanced               "
s_wait_ns:      .asciiz "WAIT for the timer card: the card's clock advanced, ns "
s_done:         .asciiz "lab4: done\n"

        # the interrupt handler's four names, each 24 bytes from the last
        .equ    S_CAUSE, 24
        .equ    S_LOOP, 48
        .equ    S_COUNT, 72
s_vmtimer:      .asciiz "timer interrupt: EPC   "
                .asciiz "timer interrupt: Cause "
                .asciiz "timer interrupt: loop  "
                .asciiz "timer interrupt: Count "
s_card:         .asciiz "card interrupt: EPC    "
                .asciiz "card interrupt: Cause  "
                .asciiz "card interrupt: loop   "
                .asciiz "card interrupt: Count  "
