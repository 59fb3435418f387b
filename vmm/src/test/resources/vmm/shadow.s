# shadow: user-mode reads of one virtual page while the kernel remaps it, switches ASIDs, makes
# it global and walks through all 64 ASIDs twice over. On the bare machine this is ordinary TLB
# use; under a VMM every read runs directly through a shadow entry, so any stale shadow (a missed
# invalidation on tlbwi, a global entry's shadows under other host ASIDs, host ASID recycling)
# shows as a wrong value. Prints one value per step, then the last one.

        .set    noreorder
        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/machine.s"

        .section .vectors
        j       panic
        nop
        .org    0x80
        j       general
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $t0, 0x8010             # data: physical 0x100000 and 0x101000
        li      $t1, 0x11111111
        sw      $t1, 0($t0)
        li      $t1, 0x22222222
        sw      $t1, 0x1000($t0)
        la      $t0, ustart             # the user page: global, so every ASID runs it
        li      $t1, 0x1ffff000
        and     $t0, $t0, $t1
        mtc0    $t0, $10
        ori     $t0, $t0, LO_V | LO_G
        mtc0    $t0, $2
        mtc0    $zero, $0
        tlbwi
        li      $s7, 0
        li      $a0, 1                  # step 0: ASID 1, 0x00400000 -> 0x100000
        lui     $a1, 0x10
        jal     map_data
        li      $a2, 10
        b       run
        li      $s6, 1

general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        move    $s0, $a0
        sltiu   $t0, $s7, 8
        beqz    $t0, 1f
        nop
        jal     puthex
        move    $a0, $s0
        jal     putc
        li      $a0, '\n'
1:      addiu   $s7, $s7, 1
        li      $t0, 1
        beq     $s7, $t0, step1
        li      $t0, 2
        beq     $s7, $t0, step2
        li      $t0, 3
        beq     $s7, $t0, step3
        li      $t0, 4
        beq     $s7, $t0, step4
        li      $t0, 5
        beq     $s7, $t0, step5
        li      $t0, 6
        beq     $s7, $t0, step6
        li      $t0, 7
        beq     $s7, $t0, step7
        li      $t0, 8 + 128
        bne     $s7, $t0, cycle
        nop
        la      $a0, s_done
        jal     puts
        nop
        jal     puthex
        move    $a0, $s0
        jal     putc
        li      $a0, '\n'
        jal     poweroff
        move    $a0, $zero

step1:  li      $a0, 1                  # remap ASID 1's entry in place: its shadow must go
        lui     $a1, 0x10
        ori     $a1, $a1, 0x1000
        jal     map_data
        li      $a2, 10
        b       run
        li      $s6, 1
step2:  li      $a0, 2                  # ASID 2 maps the same page elsewhere
        lui     $a1, 0x10
        jal     map_data
        li      $a2, 11
        b       run
        li      $s6, 2
step3:  b       run                     # back to ASID 1: no flush, its own mapping
        li      $s6, 1
step4:  jal     clear_slot              # one global entry replaces both
        li      $a0, 11
        li      $a0, 0
        lui     $a1, 0x10
        ori     $a1, $a1, LO_G
        jal     map_data
        li      $a2, 10
        b       run
        li      $s6, 1
step5:  b       run
        li      $s6, 5
step6:  li      $a0, 0                  # remap the global entry: shadows under every ASID must go
        lui     $a1, 0x10
        ori     $a1, $a1, 0x1000 | LO_G
        jal     map_data
        li      $a2, 10
        b       run
        li      $s6, 1
step7:  b       run
        li      $s6, 5
cycle:  andi    $s6, $s7, 63            # every ASID, twice
run:    sll     $t0, $s6, 6
        mtc0    $t0, $10
        la      $a0, uread
        j       enter_user
        move    $a1, $zero

# map_data(a0 = ASID, a1 = EntryLo without V, a2 = slot): maps virtual 0x00400000.
map_data:
        sll     $t0, $a0, 6
        lui     $t1, 0x40
        or      $t0, $t0, $t1
        mtc0    $t0, $10
        ori     $t0, $a1, LO_V
        mtc0    $t0, $2
        sll     $t0, $a2, 8
        mtc0    $t0, $0
        tlbwi
        jr      $ra
        nop

# clear_slot(a0 = slot): an invalid entry on a kseg0 page of its own.
clear_slot:
        sll     $t0, $a0, 12
        lui     $t1, 0x8000
        or      $t0, $t0, $t1
        mtc0    $t0, $10
        mtc0    $zero, $2
        sll     $t0, $a0, 8
        mtc0    $t0, $0
        tlbwi
        jr      $ra
        nop

        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/console.s"
        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/trap.s"

        .text
        .align  12
ustart:
uread:  lui     $t0, 0x40
        lw      $a0, 0($t0)
        syscall
        nop
        .align  12
uend:

        .rodata
s_done: .asciiz "shadow: done "
