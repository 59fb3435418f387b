# exc/traps: Sys, Bp, RI and Ov (add, addi, sub), raised in kernel mode outside delay slots.
# Each goes to the general vector with its ExcCode, EPC = the instruction, BD = 0 and the KU/IE
# stack pushed; none changes BadVAddr (left at the address of an earlier AdEL); Ov leaves the
# destination unchanged; the handler's `jr k0; rfe` pops the stack back.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status = 0: BEV clear, kernel mode, interrupts off
        lui     $s7, 0x8000
        li      $t0, 0x0d               # KUo=0 IEo=0 KUp=1 IEp=1 KUc=0 IEc=1 (IM = 0: no interrupts)
        mtc0    $t0, $12
        li      $t0, 0x80000201
f_adel: lw      $t1, 0($t0)             # AdEL: sets BadVAddr = 0x80000201
f_sys:  syscall
f_bp:   break
f_ri:   .word   0xfc000000              # opcode 0x3f: reserved in MIPS I
        li      $t0, 0x7fffffff
        li      $t1, 1
        li      $s3, 0x1234
f_add:  add     $s3, $t0, $t1
f_addi: addi    $s3, $t0, 1
        li      $t3, 0x80000000
f_sub:  sub     $s3, $t3, $t1
        addu    $t4, $t0, $t1           # the unsigned forms do not trap
        addiu   $t4, $t0, 1
        subu    $t4, $t3, $t1
        mfc0    $s1, $12                # after six rfe's
        mfc0    $s2, $8

        la      $a0, m_n
        li      $a2, 7
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 1*32         # Sys
        la      $a0, m_sys
        li      $a2, 8
        jal     ccode
        li      $a3, 2
        la      $a0, m_sysepc
        la      $a2, f_sys
        jal     cepc
        li      $a3, 3
        la      $a0, m_bd
        li      $a2, 0
        jal     cbd
        li      $a3, 4
        la      $a0, m_vec
        li      $a2, 2
        jal     cvec
        li      $a3, 5
        la      $a0, m_push
        li      $a2, 0x34               # from 0x3d: o <- p = (1,1), p <- c = (0,1), c <- (0,0)
        jal     cstat
        li      $a3, 6
        la      $a0, m_bad
        li      $a2, 0x80000201
        jal     cbad
        li      $a3, 7
        li      $s0, LOG + 2*32         # Bp
        la      $a0, m_bp
        li      $a2, 9
        jal     ccode
        li      $a3, 8
        la      $a0, m_bpepc
        la      $a2, f_bp
        jal     cepc
        li      $a3, 9
        li      $s0, LOG + 3*32         # RI
        la      $a0, m_ri
        li      $a2, 10
        jal     ccode
        li      $a3, 10
        la      $a0, m_riepc
        la      $a2, f_ri
        jal     cepc
        li      $a3, 11
        li      $s0, LOG + 4*32         # Ov from add
        la      $a0, m_add
        li      $a2, 12
        jal     ccode
        li      $a3, 12
        la      $a0, m_addepc
        la      $a2, f_add
        jal     cepc
        li      $a3, 13
        li      $s0, LOG + 5*32         # Ov from addi
        la      $a0, m_addi
        la      $a2, f_addi
        jal     cepc
        li      $a3, 14
        li      $s0, LOG + 6*32         # Ov from sub
        la      $a0, m_sub
        la      $a2, f_sub
        jal     cepc
        li      $a3, 15
        la      $a0, m_dest
        move    $a1, $s3
        li      $a2, 0x1234
        jal     check
        li      $a3, 16
        la      $a0, m_bad2
        move    $a1, $s2
        li      $a2, 0x80000201
        jal     check
        li      $a3, 17
        la      $a0, m_pop
        andi    $a1, $s1, 0x3f
        li      $a2, 0x3d               # the first rfe made it 0x3d: old pair (1,1) kept
        jal     check
        li      $a3, 18
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "7 exceptions taken"
m_sys:  .asciiz "syscall: ExcCode 8 (Sys)"
m_sysepc: .asciiz "syscall: EPC = the syscall"
m_bd:   .asciiz "syscall: BD = 0"
m_vec:  .asciiz "syscall: general vector"
m_push: .asciiz "syscall: KU/IE stack pushed"
m_bad:  .asciiz "syscall: BadVAddr unchanged"
m_bp:   .asciiz "break: ExcCode 9 (Bp)"
m_bpepc: .asciiz "break: EPC = the break"
m_ri:   .asciiz "reserved opcode: ExcCode 10 (RI)"
m_riepc: .asciiz "reserved opcode: EPC = it"
m_add:  .asciiz "add overflow: ExcCode 12 (Ov)"
m_addepc: .asciiz "add overflow: EPC = the add"
m_addi: .asciiz "addi overflow: EPC = the addi"
m_sub:  .asciiz "sub overflow: EPC = the sub"
m_dest: .asciiz "overflow: destination unchanged"
m_bad2: .asciiz "BadVAddr still that of the AdEL"
m_pop:  .asciiz "rfe popped the stack, old pair kept"
