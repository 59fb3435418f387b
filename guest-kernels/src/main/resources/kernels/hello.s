# hello: the smallest vm3000 kernel. Prints a greeting and its boot argument string on the
# serial console, then powers off with exit code 0 through the trace device.
#
# At entry (docs/machine.md, "Booting"): kernel mode, interrupts off, $a0 = the boot argument
# string, $sp = a stack just below it. It takes no exceptions, so it installs no handlers.
#
# golden-args: golden test

        .set    noreorder
        .include "lib/machine.s"

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
        jal     puts
        move    $a0, $s0
        la      $a0, newline
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

        .include "lib/console.s"

        .rodata
greeting:
        .asciiz "Hello from vm3000, an R3000 in the System/161 dialect.\n"
args:   .asciiz "boot arguments: "
newline:
        .asciiz "\n"
