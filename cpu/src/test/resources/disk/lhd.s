# The disk part of the disk test kernels, included after the harness: the card in slot 2, and
# routines that move one sector and fill or check the transfer buffer with a pattern that
# differs for every sector and word: word i of sector s is ((s << 16) | i) ^ 0x5a5a5a5a.
        .equ    LHD, 0xbfe20000         # slot 2
        .equ    LHD_NSECT, 0x0
        .equ    LHD_STAT, 0x4
        .equ    LHD_SECT, 0x8
        .equ    LHD_RPM, 0xc
        .equ    LHD_BUF, 0x8000
        .equ    LHD_IDLE, 0
        .equ    LHD_READ, 1
        .equ    LHD_WRITE, 3
        .equ    LHD_CONFIG, 0xbfff0800  # slot 2's config region: VID, DID, DRL
        .equ    IRQS, 0xbfff7e04        # the mainboard's interrupt status

        .text
# dio(a0 = sector, a1 = LHD_READ or LHD_WRITE): starts the operation, then dwait.
# dwait: sleeps in WAIT until the status no longer says in progress (the card raises its line
# when an operation ends); v0 = the status.
dio:    li      $t0, LHD
        sw      $a0, LHD_SECT($t0)
        sw      $a1, LHD_STAT($t0)
dwait:  li      $t0, LHD
1:      lw      $v0, LHD_STAT($t0)
        andi    $t1, $v0, 1
        beqz    $t1, 2f
        nop
        .set    push
        .set    mips32
        wait
        .set    pop
        b       1b
        nop
2:      jr      $ra
        nop

# fill(a0 = sector): the sector's pattern into the transfer buffer.
fill:   li      $t0, LHD + LHD_BUF
        sll     $t1, $a0, 16
        li      $t2, 0x5a5a5a5a
        li      $t3, 0
1:      or      $t4, $t1, $t3
        xor     $t4, $t4, $t2
        sw      $t4, 0($t0)
        addiu   $t3, $t3, 1
        sltiu   $t5, $t3, 128
        bnez    $t5, 1b
        addiu   $t0, $t0, 4
        jr      $ra
        nop

# verify(a0 = sector): v0 = how many words of the transfer buffer differ from its pattern.
verify: li      $t0, LHD + LHD_BUF
        sll     $t1, $a0, 16
        li      $t2, 0x5a5a5a5a
        li      $t3, 0
        li      $v0, 0
1:      or      $t4, $t1, $t3
        xor     $t4, $t4, $t2
        lw      $t6, 0($t0)
        beq     $t4, $t6, 2f
        nop
        addiu   $v0, $v0, 1
2:      addiu   $t3, $t3, 1
        sltiu   $t5, $t3, 128
        bnez    $t5, 1b
        addiu   $t0, $t0, 4
        jr      $ra
        nop
