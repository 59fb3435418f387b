# tinyos/frame.s: the one stack-frame layout of the kernel's routines that call others and keep
# values in s registers, so that each of them need not save and restore the s registers it uses
# one by one. A frame is FRAME bytes: $ra at 0, $s0..$s7 at 4..32, and one word at FRAME_LOCAL
# for the routine's own use. A routine starts with
#
#       move    $t9, $ra
#       jal     frame_enter
#       addiu   $sp, $sp, -FRAME        (in the delay slot: the frame exists when it runs)
#
# and returns with `j frame_return` (its result already in $v0). Saving all eight s registers
# costs a few stores more than saving just the ones used, but keeps every routine's prologue
# and epilogue the same two short sequences.
# Part of tinyos.s, which includes it and defines FRAME and FRAME_LOCAL.

        .text
# frame_enter: fills the caller's fresh frame at $sp: its return address (passed in $t9) and
# $s0..$s7; then sets $s0 = $a0, the first argument, which every such routine keeps at hand.
# Changes nothing else.
frame_enter:
        sw      $t9, 0($sp)
        sw      $s0, 4($sp)
        sw      $s1, 8($sp)
        sw      $s2, 12($sp)
        sw      $s3, 16($sp)
        sw      $s4, 20($sp)
        sw      $s5, 24($sp)
        sw      $s6, 28($sp)
        sw      $s7, 32($sp)
        jr      $ra
        move    $s0, $a0

# frame_return: jump here (j) to leave a routine with a FRAME frame: restores $ra and
# $s0..$s7, pops the frame and returns to the routine's caller. $v0 and $v1 pass through.
frame_return:
        lw      $ra, 0($sp)
        lw      $s0, 4($sp)
        lw      $s1, 8($sp)
        lw      $s2, 12($sp)
        lw      $s3, 16($sp)
        lw      $s4, 20($sp)
        lw      $s5, 24($sp)
        lw      $s6, 28($sp)
        lw      $s7, 32($sp)
        jr      $ra
        addiu   $sp, $sp, FRAME
