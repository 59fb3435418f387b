# echo: reads lines typed on the serial console and echoes each one back. Shows a prompt "> "
# (no newline), echoes every key as it is typed (the terminal's echo is off, as on System/161),
# and at the end of each line prints "echo: " and the line. The line "quit", or Ctrl-D at the
# start of a line, ends the run: "bye", then power off with exit code 0. Backspace and DEL
# remove the last character. A line longer than 200 characters is ended for you.
#
# Between keys the CPU idles in WAIT, woken by the serial card's read interrupt (enabled in the
# card; Status.IEc stays off, so the interrupt only ends the WAIT and is never taken). With no
# console input at all nothing could ever wake it, so the run ends with a machine check.
#
# golden-input: hello\rworld\n\x7fx\x08\nquit\n

        .set    noreorder
        .include "lib/machine.s"

        .equ    SERIAL_RIRQ, 0x8        # read-interrupt register
        .equ    RIRQ_ENABLE, 0x1
        .equ    RIRQ_CMPL, 0x2
        .equ    LINE_MAX, 200

        .text
        .globl  __start
__start:
        li      $s0, SERIAL
        li      $t0, RIRQ_ENABLE
        sw      $t0, SERIAL_RIRQ($s0)
prompt: la      $a0, prompt_text
        jal     puts
        nop
        la      $s1, line               # s1: where the next character goes
        move    $s2, $s1                # s2: the start of the line

key:    lw      $t0, SERIAL_RIRQ($s0)   # wait for a key
        andi    $t0, $t0, RIRQ_CMPL
        bnez    $t0, 1f
        nop
        .set    push
        .set    mips32                  # GNU as calls WAIT MIPS32
        wait
        .set    pop
        b       key
        nop
1:      lw      $s3, SERIAL_CHAR($s0)   # s3: the key
        li      $t0, RIRQ_ENABLE        # acknowledge: CMPL off, the line drops
        sw      $t0, SERIAL_RIRQ($s0)
        andi    $s3, $s3, 0xff

        li      $t0, 4                  # Ctrl-D at the start of a line: as "quit"
        bne     $s3, $t0, 2f
        nop
        beq     $s1, $s2, bye
        nop
        b       key
        nop
2:      li      $t0, '\r'               # Return or newline: the line is done
        beq     $s3, $t0, done
        li      $t0, '\n'
        beq     $s3, $t0, done
        li      $t0, 0x7f               # DEL or backspace: rub out the last character
        beq     $s3, $t0, rubout
        li      $t0, 0x08
        beq     $s3, $t0, rubout
        nop
        sb      $s3, 0($s1)             # keep it and echo it
        addiu   $s1, $s1, 1
        jal     putc
        move    $a0, $s3
        subu    $t0, $s1, $s2
        li      $t1, LINE_MAX
        bne     $t0, $t1, key
        nop
        b       done
        nop

rubout: beq     $s1, $s2, key           # nothing to rub out
        nop
        addiu   $s1, $s1, -1
        la      $a0, rubout_text
        jal     puts
        nop
        b       key
        nop

done:   sb      $zero, 0($s1)
        la      $a0, newline
        jal     puts
        nop
        la      $a0, quit_text          # "quit"?
        move    $a1, $s2
3:      lbu     $t0, 0($a0)
        lbu     $t1, 0($a1)
        bne     $t0, $t1, 4f
        addiu   $a0, $a0, 1
        bnez    $t0, 3b
        addiu   $a1, $a1, 1
        b       bye
        nop
4:      la      $a0, echo_text
        jal     puts
        nop
        jal     puts
        move    $a0, $s2
        la      $a0, newline
        jal     puts
        nop
        b       prompt
        nop

bye:    la      $a0, bye_text
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

        .include "lib/console.s"

        .rodata
prompt_text:
        .asciiz "> "
rubout_text:
        .asciiz "\b \b"
echo_text:
        .asciiz "echo: "
quit_text:
        .asciiz "quit"
bye_text:
        .asciiz "bye\n"
newline:
        .asciiz "\n"

        .bss
line:   .space  LINE_MAX + 1
