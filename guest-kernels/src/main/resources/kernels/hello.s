# hello: the smallest vm3000 kernel. Prints a greeting and its boot argument string on the
# serial console, then powers off with exit code 0 through the trace device.
#
# At entry (docs/machine.md, "Booting"): kernel mode, $a0 = the boot argument string,
# $sp = a stack. Devices are reached through kseg1: serial in slot 0, trace in slot 30.

        .set    noreorder
        .equ    SERIAL, 0xbfe00000      # LAMEbus slot 0: serial console
        .equ    SERIAL_CHAR, 0x0        # write: send a character
        .equ    SERIAL_WIRQ, 0x4        # write-interrupt register
        .equ    WIRQ_CMPL, 0x2          # set when a write has completed
        .equ    TRACE, 0xbffe0000       # LAMEbus slot 30: trace device
        .equ    TRACE_EXIT, 0x1c        # write: power off with this exit code

        .text
        .globl  __start
__start:
        move    $s0, $a0                # keep the argument string
        la      $a0, greeting
        jal     puts
        nop
        la      $a0, args
        jal     puts
        nop
        move    $a0, $s0
        jal     puts
        nop
        la      $a0, newline
        jal     puts
        nop
        li      $t0, TRACE
        sw      $zero, TRACE_EXIT($t0)  # power off, exit code 0
1:      b       1b                      # not reached
        nop

# puts(a0): write the NUL-terminated string at a0 to the serial console. The serial card is
# busy for a while after each character and drops a character written while busy, so wait for
# the write-complete bit (WIRQ.CMPL) after each one, then clear it.
puts:
        li      $t1, SERIAL
1:      lbu     $t2, 0($a0)
        beqz    $t2, 3f
        addiu   $a0, $a0, 1
        sw      $t2, SERIAL_CHAR($t1)   # send one character
2:      lw      $t3, SERIAL_WIRQ($t1)   # wait until it is sent
        andi    $t3, $t3, WIRQ_CMPL
        beqz    $t3, 2b
        nop
        b       1b
        sw      $zero, SERIAL_WIRQ($t1) # clear CMPL (in the delay slot)
3:      jr      $ra
        nop

        .rodata
greeting:
        .asciiz "Hello from vm3000, an R3000 in the System/161 dialect.\n"
args:   .asciiz "boot arguments: "
newline:
        .asciiz "\n"
