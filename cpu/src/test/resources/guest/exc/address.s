# exc/address: address errors and bus errors in kernel mode. Misaligned lw/lh raise AdEL and
# misaligned sw/sh AdES with BadVAddr = the exact address (not word-aligned), leaving Context and
# EntryHi alone. A jr to an odd address completes and the fetch there raises AdEL with EPC =
# BadVAddr = the target. A jump to a physical hole (kseg1 0xb0000000) raises IBE at the target,
# a load or store there DBE at the instruction; bus errors leave BadVAddr unchanged.
        .include "../lib/harness.s"     # vectors, exception log, check/puts/puthex
        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $t0, 0x00012340         # EntryHi: VPN 0x12, ASID 13
        mtc0    $t0, $10
        li      $t0, 0x80000203
f_lw:   lw      $t1, -2($t0)            # 0x80000201
f_lh:   lh      $t1, 0($t0)             # 0x80000203
f_sw:   sw      $t1, -1($t0)            # 0x80000202
f_sh:   sh      $t1, 2($t0)             # 0x80000205
        la      $t0, r_odd
        sw      $t0, RESUME($s7)
        la      $t0, f_odd + 2
        jr      $t0
        nop
f_odd:  nop
r_odd:  la      $t0, r_ibe
        sw      $t0, RESUME($s7)
        li      $t0, 0xb0000000
f_jr:   jr      $t0
        nop
r_ibe:  li      $t0, 0xb0000000
f_dbe:  lw      $t1, 0($t0)
f_dbes: sw      $t1, 8($t0)

        la      $a0, m_n
        li      $a2, 8
        jal     cnexc
        li      $a3, 1
        li      $s0, LOG + 0*32
        la      $a0, m_lw
        li      $a2, 4
        jal     ccode
        li      $a3, 2
        la      $a0, m_lwepc
        la      $a2, f_lw
        jal     cepc
        li      $a3, 3
        la      $a0, m_lwbad
        li      $a2, 0x80000201
        jal     cbad
        li      $a3, 4
        la      $a0, m_ehi
        lw      $a1, E_ENTRYHI($s0)
        li      $a2, 0x00012340
        jal     check
        li      $a3, 5
        la      $a0, m_ctx
        lw      $a1, E_CONTEXT($s0)
        li      $a2, 0
        jal     check
        li      $a3, 6
        li      $s0, LOG + 1*32
        la      $a0, m_lh
        li      $a2, 0x80000203
        jal     cbad
        li      $a3, 7
        li      $s0, LOG + 2*32
        la      $a0, m_sw
        li      $a2, 5
        jal     ccode
        li      $a3, 8
        la      $a0, m_swbad
        li      $a2, 0x80000202
        jal     cbad
        li      $a3, 9
        li      $s0, LOG + 3*32
        la      $a0, m_sh
        li      $a2, 0x80000205
        jal     cbad
        li      $a3, 10
        li      $s0, LOG + 4*32
        la      $a0, m_odd
        li      $a2, 4
        jal     ccode
        li      $a3, 11
        la      $a0, m_oddepc
        la      $a2, f_odd + 2
        jal     cepc
        li      $a3, 12
        la      $a0, m_oddbad
        la      $a2, f_odd + 2
        jal     cbad
        li      $a3, 13
        la      $a0, m_oddbd
        li      $a2, 0
        jal     cbd
        li      $a3, 14
        li      $s0, LOG + 5*32
        la      $a0, m_ibe
        li      $a2, 6
        jal     ccode
        li      $a3, 15
        la      $a0, m_ibeepc
        li      $a2, 0xb0000000
        jal     cepc
        li      $a3, 16
        la      $a0, m_ibebad
        la      $a2, f_odd + 2
        jal     cbad
        li      $a3, 17
        li      $s0, LOG + 6*32
        la      $a0, m_dbe
        li      $a2, 7
        jal     ccode
        li      $a3, 18
        la      $a0, m_dbeepc
        la      $a2, f_dbe
        jal     cepc
        li      $a3, 19
        li      $s0, LOG + 7*32
        la      $a0, m_dbes
        li      $a2, 7
        jal     ccode
        li      $a3, 20
        j       exit
        move    $a0, $zero

        .rodata
m_n:    .asciiz "8 exceptions taken"
m_lw:   .asciiz "misaligned lw: ExcCode 4 (AdEL)"
m_lwepc: .asciiz "misaligned lw: EPC = the lw"
m_lwbad: .asciiz "misaligned lw: BadVAddr = 0x80000201"
m_ehi:  .asciiz "address error: EntryHi unchanged"
m_ctx:  .asciiz "address error: Context unchanged"
m_lh:   .asciiz "misaligned lh: BadVAddr = 0x80000203"
m_sw:   .asciiz "misaligned sw: ExcCode 5 (AdES)"
m_swbad: .asciiz "misaligned sw: BadVAddr = 0x80000202"
m_sh:   .asciiz "misaligned sh: BadVAddr = 0x80000205"
m_odd:  .asciiz "jr to odd address: ExcCode 4 (AdEL)"
m_oddepc: .asciiz "jr to odd address: EPC = the target"
m_oddbad: .asciiz "jr to odd address: BadVAddr = the target"
m_oddbd: .asciiz "jr to odd address: BD = 0"
m_ibe:  .asciiz "jump to hole: ExcCode 6 (IBE)"
m_ibeepc: .asciiz "jump to hole: EPC = 0xb0000000"
m_ibebad: .asciiz "jump to hole: BadVAddr unchanged"
m_dbe:  .asciiz "load from hole: ExcCode 7 (DBE)"
m_dbeepc: .asciiz "load from hole: EPC = the lw"
m_dbes: .asciiz "store to hole: ExcCode 7 (DBE)"
