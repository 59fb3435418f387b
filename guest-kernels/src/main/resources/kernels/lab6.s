# lab6: the kernel of exercise 6 of the course labs (docs/labs/ex6.md): a guest's device
# accesses, the one thing a monitor still interprets on the RMR stack. Everything else this
# kernel does (CP0, its exception vectors, RFE) is its own level's work there.
#
#   - loads of a device register (the mainboard's RAM size), a word, then a byte and a halfword
#     of it;
#   - the timer card: a one-shot countdown, then polls of its interrupt register until the line
#     rises (the number of polls shows that the card runs on the VM's time);
#   - a load of an empty slot's register, and a store and a load past the end of RAM: bus
#     errors (DBE), which the general exception vector reports and skips;
#   - then as many more loads of the RAM size register as the first number in the boot
#     arguments says (default 10): the course labs count the monitor entries each one costs.
#
# The console lines themselves are device accesses too: stores of each character and polls of
# the serial card's write-completion register. Powers off with exit code 0.
#
# golden-args: 10

        .set    noreorder
        .include "lib/machine.s"
        .include "lib/vectors.s"

        .equ    RAMSZ, 0xbfff7e00       # mainboard: RAM size in bytes
        .equ    EMPTY, 0xbfe50000       # slot 5: no card in the default configuration
        .equ    EXC_DBE, 7

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        move    $s0, $a0                # the boot arguments, for later
        la      $a0, s_title
        jal     puts
        nop

        li      $s1, RAMSZ              # a device register: word, byte and halfword loads
        la      $a0, s_ramsz
        jal     show
        lw      $a1, 0($s1)
        la      $a0, s_byte
        jal     show
        lbu     $a1, 0($s1)             # big-endian: the most significant byte
        la      $a0, s_half
        jal     show
        lhu     $a1, 0($s1)

        li      $s2, TIMER              # the timer card: 4 microseconds (100 cycles), one shot
        sw      $zero, TIMER_RESTART($s2)
        li      $t0, 4
        sw      $t0, TIMER_COUNTDOWN($s2)
        li      $s3, 0                  # s3: polls until the line rises
1:      lw      $t0, TIMER_INTERRUPT($s2)
        beqz    $t0, 1b
        addiu   $s3, $s3, 1
        la      $a0, s_polls
        jal     puts
        nop
        jal     putdec
        move    $a0, $s3
        jal     putc
        li      $a0, '\n'

        li      $t1, EMPTY              # nothing there: bus errors
        lw      $t0, 0($t1)
        lw      $s5, 0($s1)             # past the end of RAM, in kseg1 (the handler keeps s5)
        li      $t2, 0xa0001000
        addu    $s5, $s5, $t2
        sw      $zero, 0($s5)
        lw      $t0, 0($s5)

        move    $a0, $s0                # the counted loads
        jal     argnum
        li      $a1, 10
        move    $s4, $v0
        move    $s3, $zero              # s3: their sum
        beqz    $s4, 3f
        nop
2:      lw      $t0, 0($s1)
        addiu   $s4, $s4, -1
        bnez    $s4, 2b
        addu    $s3, $s3, $t0
3:      la      $a0, s_sum
        jal     show
        move    $a1, $s3

        la      $a0, s_done
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

# The general exception vector: a bus error is reported (EPC, Cause, BadVAddr) and skipped;
# anything else is a panic.
general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_DBE << 2
        bne     $k0, $k1, panic
        nop
        la      $a0, s_dbe
        jal     puts
        nop
        la      $a0, s_xepc
        jal     show
        mfc0    $a1, $14
        la      $a0, s_cause
        jal     show
        mfc0    $a1, $13
        mfc0    $k0, $14
        addiu   $k0, $k0, 4
        jr      $k0
        rfe

        .include "lib/console.s"
        .include "lib/args.s"
        .include "lib/show.s"
        .include "lib/trap.s"

        .rodata
s_title:    .asciiz "lab6: device accesses\n"
s_ramsz:    .asciiz "RAM size register (word)     "
s_byte:     .asciiz "its first byte (lbu)         "
s_half:     .asciiz "its first halfword (lhu)     "
s_polls:    .asciiz "timer card: polls until the line rose: "
s_dbe:      .asciiz "bus error\n"
s_xepc:      .asciiz "  EPC   "
s_cause:    .asciiz "  Cause "
s_sum:      .asciiz "sum of the counted loads     "
s_done:     .asciiz "lab6: done\n"
