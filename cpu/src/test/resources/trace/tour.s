# trace/tour: a short walk through the instruction kinds System/161's trace prints differently
# (ALU with values, loads and stores, a taken and a not-taken branch, jal/jr, mult/div,
# CP0 moves, TLB write/read/probe, an overflow exception, RFE), then a state dump through the
# trace card and power-off through the mainboard. It uses only what System/161 has, so that its
# trace161 can run it too: see README.md here.
        .set    noreorder
        .text
        .globl  __start
utlb:   j       die                     # 0x80000000: the UTLB vector (not used)
        nop
        .space  0x78
gen:    mfc0    $k1, $14                # 0x80000080: EPC
        addiu   $k1, $k1, 4             # past the instruction that trapped
        jr      $k1
        rfe
die:    lui     $t8, 0xbffe             # DUMP, then power off
        ori     $t8, $t8, 12
        li      $t7, 0xdead
        sw      $t7, 0($t8)
        lui     $t8, 0xbfff
        ori     $t8, $t8, 0x7e08
        sw      $zero, 0($t8)
1:      j       1b
        nop

__start:
        mtc0    $zero, $12              # Status: BEV clear
        li      $t0, 0x7fffffff
        li      $t1, -3
        addu    $t2, $t0, $t1
        subu    $t3, $t1, $t0
        slt     $t4, $t1, $t0
        sltiu   $t5, $t1, 7
        sra     $t6, $t1, 1
        srlv    $t7, $t1, $t5
        nor     $s0, $t0, $t1
        xori    $s1, $t1, 0xff
        andi    $s2, $t1, 0xf0
        mult    $t0, $t1
        nop                             # System/161 stalls HI/LO reads closer than two cycles
        nop                             # (vm3000 does not: docs/machine.md §8)
        mflo    $s3
        nop
        nop
        mfhi    $s4
        nop
        nop
        divu    $zero, $t1, $t0         # the three-operand form: GNU as adds no checks
        nop
        nop
        div     $zero, $t1, $zero
        nop
        nop
        mflo    $s5
        lui     $a0, 0x8000
        ori     $a0, $a0, 0x400
        sw      $t1, 0($a0)
        sh      $t1, 6($a0)
        sb      $t1, 9($a0)
        lw      $a1, 0($a0)
        lh      $a2, 6($a0)
        lbu     $a3, 9($a0)
        lwl     $v0, 1($a0)
        lwr     $v1, 2($a0)
        bne     $t0, $t1, 1f
        nop
        nop
1:      beq     $t0, $t1, 1f
        nop
        bgez    $t1, 1f
        nop
        bltz    $t1, 1f
        nop
1:      jal     sub
        nop
        li      $t0, 0x00005000         # EntryHi: VPN 5, ASID 0
        mtc0    $t0, $10
        li      $t0, 0x00007600         # EntryLo: PFN 7, D V
        mtc0    $t0, $2
        li      $t0, 3 << 8
        mtc0    $t0, $0                 # Index 3
        tlbwi
        tlbr
        tlbp
        li      $t0, 0x00009000
        mtc0    $t0, $10
        tlbp                            # no match
        li      $t0, 0x7fffffff
        add     $t1, $t0, $t0           # overflow: the handler skips it
        j       die
        nop

sub:    jr      $ra
        addiu   $v0, $v0, 1
