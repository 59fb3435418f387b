# crosscode: code rewritten across the line between user and kernel mode. Each round the kernel
# calls kroutine, alone on its page, 200 times (so that a block core decodes and compiles it), and
# prints its sum and the user's. Between rounds, user mode writes a new first instruction over
# kroutine through a writable kuseg alias of its page, and runs its own loop 200 times, whose
# increment the kernel rewrote through kseg0 just before. Under a trap-and-emulate VMM the user
# loop runs directly on the machine below and the kernel on the VM's own block core: each store
# must drop the other's decoded copy of the code it wrote over, or a sum comes out wrong.

        .set    noreorder
        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/machine.s"
        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/vectors.s"

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        la      $a0, ustart             # the user code, read-only, slots 0..
        la      $a1, uend
        jal     map_user
        nop
        la      $t0, kroutine           # a writable alias of kroutine's page at 0x00400000, slot 8
        li      $t1, 0x1ffff000
        and     $t0, $t0, $t1
        lui     $t2, 0x40
        mtc0    $t2, $10
        ori     $t0, $t0, LO_V | LO_D
        mtc0    $t0, $2
        li      $t1, 8 << 8
        mtc0    $t1, $0
        tlbwi
        move    $s0, $zero              # the kernel's sum
        move    $s1, $zero              # the user's sum
        move    $s7, $zero              # the round
kround: li      $s2, 200
1:      jal     kroutine
        nop
        addiu   $s2, $s2, -1
        bnez    $s2, 1b
        nop
        jal     puthex
        move    $a0, $s0
        jal     putc
        li      $a0, ' '
        jal     puthex
        move    $a0, $s1
        jal     putc
        li      $a0, '\n'
        addiu   $s7, $s7, 1
        li      $t0, 6
        beq     $s7, $t0, done
        nop
        la      $t0, uinc               # the user's increment becomes 3 * round
        lui     $t1, 0x2631             # addiu $s1, $s1, 0
        sll     $t2, $s7, 1
        addu    $t2, $t2, $s7
        or      $t1, $t1, $t2
        sw      $t1, 0($t0)
        lui     $a2, 0x2610             # kroutine's becomes round + 1: addiu $s0, $s0, round + 1
        addiu   $t2, $s7, 1
        or      $a2, $a2, $t2
        la      $a0, ustart
        j       enter_user
        move    $a1, $zero

general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        b       kround
        nop

done:   jal     poweroff
        move    $a0, $zero

        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/console.s"
        .include "../../../../../guest-kernels/src/main/resources/kernels/lib/trap.s"

        .text
        .align  12
kroutine:
        addiu   $s0, $s0, 1
        jr      $ra
        nop
        .align  12
ustart: lui     $t3, 0x40
        sw      $a2, 0($t3)             # kroutine's first instruction, through the alias
        li      $t4, 200
2:
uinc:   addiu   $s1, $s1, 1
        addiu   $t4, $t4, -1
        bnez    $t4, 2b
        nop
        syscall
        nop
        .align  12
uend:
