# boot/registers: the state System/161's boot leaves for a kernel. Every general register is 0
# except $a0 (the boot string, at the top of RAM) and $sp ($a0 - 4); HI and LO are 0; Status is
# 0x00400000 (BEV, kernel mode, interrupts off); EntryHi is 0x81040000; Compare is 0; Count is 1
# at the first instruction and Random 63, each stepping once per cycle (Random through 8..63);
# TLB entry i holds VPN 0x81000000 + i * 4096, ASID 0, and EntryLo 0.
        .include "../lib/harness.s"
        .text
        .globl  __start
__start:
        sw      $1, -4($sp)             # cycles 0..30: every register as the boot left it
        sw      $2, -8($sp)
        sw      $3, -12($sp)
        sw      $4, -16($sp)
        sw      $5, -20($sp)
        sw      $6, -24($sp)
        sw      $7, -28($sp)
        sw      $8, -32($sp)
        sw      $9, -36($sp)
        sw      $10, -40($sp)
        sw      $11, -44($sp)
        sw      $12, -48($sp)
        sw      $13, -52($sp)
        sw      $14, -56($sp)
        sw      $15, -60($sp)
        sw      $16, -64($sp)
        sw      $17, -68($sp)
        sw      $18, -72($sp)
        sw      $19, -76($sp)
        sw      $20, -80($sp)
        sw      $21, -84($sp)
        sw      $22, -88($sp)
        sw      $23, -92($sp)
        sw      $24, -96($sp)
        sw      $25, -100($sp)
        sw      $26, -104($sp)
        sw      $27, -108($sp)
        sw      $28, -112($sp)
        sw      $29, -116($sp)
        sw      $30, -120($sp)
        sw      $31, -124($sp)
        mfc0    $s0, $9                 # cycle 31: Count = 1 + 31
        mfc0    $s1, $1                 # cycle 32: Random = 8 + (63 - 8 + 32) mod 56
        mfc0    $s2, $11
        mfc0    $s3, $10
        mfc0    $s4, $12
        mfhi    $s5
        mflo    $s6
        mtc0    $zero, $12
        lui     $s7, 0x8000

        move    $t0, $zero              # OR of every saved register but $a0 and $sp
        li      $t1, 1
1:      sll     $t2, $t1, 2
        subu    $t2, $sp, $t2
        lw      $t2, 0($t2)
        xori    $t3, $t1, 4
        beqz    $t3, 2f
        xori    $t3, $t1, 29
        beqz    $t3, 2f
        nop
        or      $t0, $t0, $t2
2:      addiu   $t1, $t1, 1
        sltiu   $t3, $t1, 32
        bnez    $t3, 1b
        nop
        la      $a0, m_gpr
        move    $a1, $t0
        li      $a2, 0
        jal     check
        li      $a3, 1
        la      $a0, m_sp
        lw      $a1, -116($sp)          # the saved $sp
        lw      $a2, -16($sp)           # the saved $a0
        addiu   $a2, $a2, -4
        jal     check
        li      $a3, 2
        la      $a0, m_a0
        lw      $a1, -16($sp)           # the argument string's first byte is at the top of RAM
        srl     $a1, $a1, 29
        li      $a2, 4                  # in kseg0
        jal     check
        li      $a3, 3
        la      $a0, m_hilo
        or      $a1, $s5, $s6
        li      $a2, 0
        jal     check
        li      $a3, 4
        la      $a0, m_status
        move    $a1, $s4
        li      $a2, 0x00400000
        jal     check
        li      $a3, 5
        la      $a0, m_entryhi
        move    $a1, $s3
        li      $a2, 0x81040000
        jal     check
        li      $a3, 6
        la      $a0, m_compare
        move    $a1, $s2
        li      $a2, 0
        jal     check
        li      $a3, 7
        la      $a0, m_count
        move    $a1, $s0
        li      $a2, 32
        jal     check
        li      $a3, 8
        la      $a0, m_random
        move    $a1, $s1
        li      $a2, 39 << 8
        jal     check
        li      $a3, 9

        move    $s0, $zero              # TLB entries that differ from the reset contents
        li      $s1, 0
3:      sll     $t0, $s1, 8
        mtc0    $t0, $0
        tlbr
        mfc0    $t0, $10
        mfc0    $t1, $2
        sll     $t2, $s1, 12
        lui     $t3, 0x8100
        addu    $t2, $t2, $t3
        bne     $t0, $t2, 4f
        nop
        beqz    $t1, 5f
        nop
4:      addiu   $s0, $s0, 1
5:      addiu   $s1, $s1, 1
        sltiu   $t0, $s1, 64
        bnez    $t0, 3b
        nop
        la      $a0, m_tlb
        move    $a1, $s0
        li      $a2, 0
        jal     check
        li      $a3, 10
        j       exit
        move    $a0, $zero

        .rodata
m_gpr:  .asciiz "every register but $a0 and $sp is 0"
m_sp:   .asciiz "$sp = $a0 - 4"
m_a0:   .asciiz "$a0 points into kseg0"
m_hilo: .asciiz "HI and LO are 0"
m_status: .asciiz "Status = 0x00400000"
m_entryhi: .asciiz "EntryHi = 0x81040000"
m_compare: .asciiz "Compare = 0"
m_count: .asciiz "Count = 1 at the first instruction"
m_random: .asciiz "Random = 63 at the first instruction"
m_tlb:  .asciiz "TLB entry i = 0x81000000 + i * 4096, invalid"
