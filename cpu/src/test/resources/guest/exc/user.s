# exc/user: user mode. The kernel maps kuseg 0x00400000 onto the physical page of `ucode`, sets
# KUp/IEp and enters it with `jr k0; rfe`. In user mode, loads and stores to kseg0, kseg1 and
# kseg2 raise AdEL/AdES, a CP0 instruction raises CpU with CE = 0 (CU0 clear), COP1 and LWC2
# raise CpU with CE = 1 and 2 (as COP1 does in kernel mode too); so do rfe and tlbwi. With
# Status.CU0 set, user mode may use CP0 (mfc0 reads Status, KUc = 1). Each exception pushes the KU/IE
# stack (KUp = 1: it came from user mode; the kernel's pair moves to old) and each `jr k0; rfe`
# pops it back to user mode. A syscall hands control back to the kernel.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
f_kcop1: .word  0x44000000              # mfc1 $0, $f0 in kernel mode: CpU, CE = 1
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
        li      $t0, 0x1c               # KUo=0 IEo=1 KUp=1 IEp=1 KUc=0 IEc=0, IM = 0
        mtc0    $t0, $12
        li      $k0, 0x00400000
        jr      $k0
        rfe                             # now (o, p, c) = ((0,1), (0,1), (1,1)): user mode

back:   mfc0    $s1, $12
        la      $a0, m_n
        li      $a2, 10
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 0*32
        la      $a0, m_kcop1
        li      $a2, 11
        jal     ccode
        li      $a3, 2
        la      $a0, m_kcop1ce
        li      $a2, 1
        jal     cce
        li      $a3, 3
        la      $a0, m_ran
        move    $a1, $s4
        li      $a2, 0x5555
        jal     check
        li      $a3, 4
        li      $s0, LOG + 1*32
        la      $a0, m_k0
        li      $a2, 4
        jal     ccode
        li      $a3, 5
        la      $a0, m_k0epc
        li      $a2, u_kseg0 - ucode + 0x00400000
        jal     cepc
        li      $a3, 6
        la      $a0, m_k0bad
        li      $a2, 0x80000000
        jal     cbad
        li      $a3, 7
        la      $a0, m_k0st
        li      $a2, 0x1c
        jal     cstat
        li      $a3, 8
        li      $s0, LOG + 2*32
        la      $a0, m_k1
        li      $a2, 5
        jal     ccode
        li      $a3, 9
        la      $a0, m_k1bad
        li      $a2, 0xa0000004
        jal     cbad
        li      $a3, 10
        li      $s0, LOG + 3*32
        la      $a0, m_k2
        li      $a2, 4
        jal     ccode
        li      $a3, 11
        la      $a0, m_k2bad
        li      $a2, 0xc0000008
        jal     cbad
        li      $a3, 12
        la      $a0, m_k2st
        li      $a2, 0x1c
        jal     cstat
        li      $a3, 13
        li      $s0, LOG + 4*32
        la      $a0, m_cp0
        li      $a2, 11
        jal     ccode
        li      $a3, 14
        la      $a0, m_cp0ce
        li      $a2, 0
        jal     cce
        li      $a3, 15
        la      $a0, m_cp0epc
        li      $a2, u_mfc0 - ucode + 0x00400000
        jal     cepc
        li      $a3, 16
        li      $s0, LOG + 5*32
        la      $a0, m_cop1
        li      $a2, 1
        jal     cce
        li      $a3, 17
        li      $s0, LOG + 6*32
        la      $a0, m_lwc2
        li      $a2, 2
        jal     cce
        li      $a3, 18
        li      $s0, LOG + 7*32
        la      $a0, m_rfe
        li      $a2, 11
        jal     ccode
        li      $a3, 22
        la      $a0, m_rfeepc
        li      $a2, u_rfe - ucode + 0x00400000
        jal     cepc
        li      $a3, 23
        li      $s0, LOG + 8*32
        la      $a0, m_tlbwi
        li      $a2, 11
        jal     ccode
        li      $a3, 24
        li      $s0, LOG + 9*32
        la      $a0, m_sys
        li      $a2, 8
        jal     ccode
        li      $a3, 19
        la      $a0, m_sysepc
        li      $a2, u_sys - ucode + 0x00400000
        jal     cepc
        li      $a3, 20
        la      $a0, m_sysst
        andi    $a1, $s1, 0x3f
        li      $a2, 0x1c
        jal     check
        li      $a3, 21

        la      $t0, back2              # again with CU0 set
        sw      $t0, SYSRET($s7)
        li      $t0, 0x1000001c
        mtc0    $t0, $12
        li      $k0, ucode2 - ucode + 0x00400000
        jr      $k0
        rfe
back2:  la      $a0, m_cu0
        li      $a2, 11
        jal     cnexc
        li      $a3, 25
        la      $a0, m_cu0st
        li      $a1, 0x1000003f
        and     $a1, $s5, $a1
        li      $a2, 0x10000017
        jal     check
        li      $a3, 26
        j       exit
        move    $a0, $zero

        .align  12                      # user code on a page of its own
ucode:  li      $s4, 0x5555
        lui     $t1, 0x8000
u_kseg0: lw     $t0, 0($t1)
        lui     $t1, 0xa000
        sw      $t0, 4($t1)
        lui     $t1, 0xc000
        lw      $t0, 8($t1)
u_mfc0: mfc0    $t0, $12
        .word   0x44000000              # COP1
        .word   0xc8000000              # LWC2
u_rfe:  rfe
        tlbwi
u_sys:  syscall
1:      b       1b
        nop
ucode2: mfc0    $s5, $12                # allowed with CU0
        syscall

        .rodata
m_n:    .asciiz "10 exceptions taken"
m_kcop1: .asciiz "kernel COP1: ExcCode 11 (CpU)"
m_kcop1ce: .asciiz "kernel COP1: CE = 1"
m_ran:  .asciiz "user code ran"
m_k0:   .asciiz "user lw from kseg0: ExcCode 4 (AdEL)"
m_k0epc: .asciiz "user lw from kseg0: EPC = the user lw"
m_k0bad: .asciiz "user lw from kseg0: BadVAddr = 0x80000000"
m_k0st: .asciiz "user lw from kseg0: stack pushed, KUp = 1"
m_k1:   .asciiz "user sw to kseg1: ExcCode 5 (AdES)"
m_k1bad: .asciiz "user sw to kseg1: BadVAddr = 0xa0000004"
m_k2:   .asciiz "user lw from kseg2: ExcCode 4 (AdEL)"
m_k2bad: .asciiz "user lw from kseg2: BadVAddr = 0xc0000008"
m_k2st: .asciiz "rfe returned to user mode each time"
m_cp0:  .asciiz "user mfc0: ExcCode 11 (CpU)"
m_cp0ce: .asciiz "user mfc0: CE = 0"
m_cp0epc: .asciiz "user mfc0: EPC = it"
m_cop1: .asciiz "user COP1: CE = 1"
m_lwc2: .asciiz "user LWC2: CE = 2"
m_rfe:  .asciiz "user rfe: ExcCode 11 (CpU)"
m_rfeepc: .asciiz "user rfe: EPC = it"
m_tlbwi: .asciiz "user tlbwi: ExcCode 11 (CpU)"
m_sys:  .asciiz "user syscall: ExcCode 8 (Sys)"
m_sysepc: .asciiz "user syscall: EPC = it"
m_sysst: .asciiz "back in the kernel: stack pushed"
m_cu0:  .asciiz "CU0 set: user mfc0 does not trap"
m_cu0st: .asciiz "CU0 set: user mfc0 reads Status, KUc = 1"
