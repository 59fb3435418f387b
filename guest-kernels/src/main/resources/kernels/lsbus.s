# lsbus: lists the cards on the LAMEbus, as a kernel's autoconfiguration finds them. For every
# slot whose config region reports a vendor, one line: the slot, vendor, device and revision
# numbers (and the card's name when vm3000 knows it); then the RAM size the mainboard reports,
# and four values from the first random card found. Run it with a sys161.conf to see the machine
# that configuration gives: vm3000 run --config sys161.conf lsbus. The console must be in slot 0.

        .set    noreorder
        .include "lib/machine.s"

        .equ    CONFIG, 0xbfff0000      # slot N's config region: CONFIG + N * 0x400
        .equ    RAMSZ, 0xbfff7e00       # mainboard: RAM size in bytes
        .equ    DID_RANDOM, 9
        .equ    NAMES, 11               # device ids 0..10 have names below

        .text
        .globl  __start
__start:
        li      $s0, 0                  # s0: slot
        li      $s3, 0                  # s3: the first random card's registers, once found
slot:   sll     $t0, $s0, 10
        li      $t1, CONFIG
        addu    $s1, $t1, $t0           # s1: the slot's config region
        lw      $t0, 0($s1)             # vendor 0: an empty slot
        beqz    $t0, next
        nop
        la      $a0, slot_text
        jal     puts
        nop
        jal     putdec
        move    $a0, $s0
        la      $a0, vendor_text
        jal     puts
        nop
        jal     putdec
        lw      $a0, 0($s1)
        la      $a0, device_text
        jal     puts
        nop
        lw      $s2, 4($s1)             # s2: device id
        jal     putdec
        move    $a0, $s2
        la      $a0, rev_text
        jal     puts
        nop
        jal     putdec
        lw      $a0, 8($s1)
        sltiu   $t0, $s2, NAMES         # a name for the device id, if there is one
        beqz    $t0, 1f
        sll     $t0, $s2, 2
        la      $t1, names
        addu    $t1, $t1, $t0
        lw      $a0, 0($t1)
        beqz    $a0, 1f
        nop
        jal     puts
        nop
1:      la      $a0, newline
        jal     puts
        nop
        li      $t0, DID_RANDOM         # remember the first random card
        bne     $s2, $t0, next
        nop
        bnez    $s3, next
        nop
        sll     $t0, $s0, 16
        li      $s3, 0xbfe00000
        addu    $s3, $s3, $t0
next:   addiu   $s0, $s0, 1
        li      $t0, 32
        bne     $s0, $t0, slot
        nop

        la      $a0, ram_text
        jal     puts
        nop
        li      $t0, RAMSZ
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, newline
        jal     puts
        nop

        beqz    $s3, done               # four random values
        nop
        la      $a0, random_text
        jal     puts
        nop
        li      $s0, 4
2:      la      $a0, space
        jal     puts
        nop
        jal     puthex
        lw      $a0, 0($s3)
        addiu   $s0, $s0, -1
        bnez    $s0, 2b
        nop
        la      $a0, newline
        jal     puts
        nop
done:   jal     poweroff
        move    $a0, $zero

        .include "lib/console.s"

        .rodata
slot_text:      .asciiz "slot "
vendor_text:    .asciiz ": vendor "
device_text:    .asciiz " device "
rev_text:       .asciiz " rev "
ram_text:       .asciiz "ram: "
random_text:    .asciiz "random:"
space:          .asciiz " "
newline:        .asciiz "\n"
n_bus:          .asciiz " (busctl)"
n_timer:        .asciiz " (timer)"
n_disk:         .asciiz " (disk)"
n_serial:       .asciiz " (serial)"
n_screen:       .asciiz " (screen)"
n_nic:          .asciiz " (nic)"
n_emufs:        .asciiz " (emufs)"
n_trace:        .asciiz " (trace)"
n_random:       .asciiz " (random)"
n_mainboard:    .asciiz " (mainboard)"

        .data
        .align  2
names:  .word   0, n_bus, n_timer, n_disk, n_serial, n_screen, n_nic, n_emufs, n_trace, n_random, n_mainboard
