# tlbwrite: microbenchmark of TLB writes. Each iteration writes one entry with TLBWR (a random
# slot, 8..63) and one with TLBWI (slot 0..7 in turn). Every entry written has a virtual page of
# its own (TLBWR: page i, TLBWI: page 0x40000 + i, ASID 0, invalid), so no two entries can ever
# match the same address, which would stop the machine. Kernel mode only, no exceptions. The
# iteration count is the first number in the boot arguments (default 1000, at most 262144).
#
# golden-args: 100

        .set    noreorder
        .include "lib/machine.s"

        .text
        .globl  __start
__start:
        jal     argnum
        li      $a1, 1000
        li      $t0, 0x40000
        sltu    $t1, $t0, $v0
        bnez    $t1, 3f                 # too many for distinct pages
        move    $s0, $v0
        move    $s1, $zero              # i
        mtc0    $zero, $2               # EntryLo: invalid
        li      $s2, 0x40000000         # page 0x40000
        beqz    $s0, 2f
        nop
1:      sll     $t0, $s1, 12
        mtc0    $t0, $10                # EntryHi: page i
        tlbwr
        addu    $t0, $t0, $s2
        mtc0    $t0, $10                # EntryHi: page 0x40000 + i
        andi    $t1, $s1, 7
        sll     $t1, $t1, 8
        mtc0    $t1, $0                 # Index: slot i mod 8
        tlbwi
        addiu   $s1, $s1, 1
        bne     $s1, $s0, 1b
        nop
2:      j       bench_exit
        nop
3:      la      $a0, s_many
        jal     puts
        nop
        jal     poweroff
        li      $a0, 2

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/trap.s"
        .include "lib/bench.s"

        .rodata
s_done: .asciiz "tlbwrite: "
s_iter: .asciiz " iterations of tlbwr and tlbwi\n"
s_many: .asciiz "tlbwrite: at most 262144 iterations\n"
