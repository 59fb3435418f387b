# intr/clock_user: intr/clock's OS/161-style clock (the same Compare value written on every tick)
# while user-mode code runs: a loop at kuseg 0x00400000 that counts its iterations until the
# kernel's handler has seen TICKS ticks, then hands control back with a syscall. The ticks must
# come exactly PERIOD cycles apart in user mode too (under a trap-and-emulate VMM the user code
# runs directly on the real core, with the VM's virtual timer bounding each run). The first tick
# reads (PERIOD + 13) * 40 ns: the interrupt at cycle PERIOD - 1 (Count is 1 at cycle 0), then
# the vector, the harness's dispatch and the handler's first three instructions.
        .include "../lib/harness.s"
        .equ    PERIOD, 1500
        .equ    TICKS, 8
        .equ    TIMER_NSEC, 0xbffd0004
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        la      $t0, tick
        sw      $t0, INTHOOK($s7)
        la      $t0, ucode              # TLB slot 0: 0x00400000 -> ucode's page, ASID 0, D V
        li      $t1, 0x1ffff000
        and     $t0, $t0, $t1
        ori     $t0, $t0, 0x600
        mtc0    $t0, $2
        li      $t0, 0x00400000
        mtc0    $t0, $10
        mtc0    $zero, $0
        tlbwi
        la      $t0, back
        sw      $t0, SYSRET($s7)
        la      $s0, times
        move    $s2, $zero              # ticks so far
        move    $s3, $zero              # user loop iterations
        li      $t0, PERIOD
        mtc0    $t0, $11
        li      $t0, 0x800c             # IM7; KUp = 1, IEp = 1: rfe enters user mode, interrupts on
        mtc0    $t0, $12
        li      $k0, 0x00400000
        jr      $k0
        rfe

back:   mtc0    $zero, $12
        move    $s4, $zero
        la      $s0, times
        move    $s5, $zero
1:      lw      $a0, 0($s0)
        jal     puthex
        nop
        la      $a0, s_nl
        jal     puts
        nop
        beqz    $s5, 2f
        lw      $t0, 0($s0)
        lw      $t1, -4($s0)
        subu    $t0, $t0, $t1
        li      $t1, PERIOD * 40
        beq     $t0, $t1, 2f
        nop
        addiu   $s4, $s4, 1
2:      addiu   $s0, $s0, 4
        addiu   $s5, $s5, 1
        sltiu   $t0, $s5, TICKS
        bnez    $t0, 1b
        nop
        la      $a0, m_spacing
        move    $a1, $s4
        li      $a2, 0
        jal     check
        li      $a3, 1
        la      $a0, m_user
        sltu    $a1, $zero, $s3
        li      $a2, 1
        jal     check
        li      $a3, 2
        j       exit
        move    $a0, $zero

# The clock interrupt, through the harness's INTHOOK: k0 and k1 are free.
tick:   li      $k0, TIMER_NSEC
        lw      $k0, 0($k0)
        sw      $k0, 0($s0)
        addiu   $s0, $s0, 4
        addiu   $s2, $s2, 1
        li      $k0, PERIOD
        mtc0    $k0, $11                # the same value every tick; lowers IP7
        mfc0    $k0, $14
        jr      $k0
        rfe

        .align  12
ucode:  sltiu   $t0, $s2, TICKS         # user mode: count iterations until TICKS ticks
        beqz    $t0, 1f
        nop
        b       ucode                   # pc-relative: stays in the mapped page
        addiu   $s3, $s3, 1
1:      syscall

        .rodata
m_spacing: .asciiz "ticks in user mode exactly PERIOD cycles apart"
m_user: .asciiz "user code ran between the ticks"

        .bss
times:  .space  4 * TICKS
