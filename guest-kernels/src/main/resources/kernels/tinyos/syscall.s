# tinyos/syscall.s: the system calls (Linux o32 numbers and conventions).
# Part of tinyos.s, which includes it; the .equ names are defined there.

        .text

syscall_:
        lw      $t0, P_EPC($s0)         # return after the syscall instruction
        addiu   $t0, $t0, 4
        sw      $t0, P_EPC($s0)
        la      $t0, n_syscalls
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        sw      $t1, 0($t0)
        lw      $v0, P_REGS+2*4($s0)    # number and arguments
        lw      $a0, P_REGS+4*4($s0)
        lw      $a1, P_REGS+5*4($s0)
        lw      $a2, P_REGS+6*4($s0)
        li      $t0, SYS_WRITE
        beq     $v0, $t0, sys_write
        li      $t0, SYS_GETPID
        beq     $v0, $t0, sys_getpid
        li      $t0, SYS_BRK
        beq     $v0, $t0, sys_brk
        li      $t0, SYS_YIELD
        beq     $v0, $t0, sys_yield
        li      $t0, SYS_EXIT
        beq     $v0, $t0, sys_exit
        li      $t0, SYS_EXIT_GROUP
        beq     $v0, $t0, sys_exit
        nop
        b       sys_error
        li      $v0, ENOSYS

sys_return:                             # success: $v0 = v0, $a3 = 0
        sw      $v0, P_REGS+2*4($s0)
        sw      $zero, P_REGS+7*4($s0)
        j       resume
        nop
sys_error:                              # failure: $v0 = errno, $a3 = 1
        sw      $v0, P_REGS+2*4($s0)
        li      $t0, 1
        sw      $t0, P_REGS+7*4($s0)
        j       resume
        nop

sys_getpid:
        b       sys_return
        lw      $v0, P_PID($s0)

# brk(addr): sets the break if addr is within the heap; returns the (new or unchanged) break.
# Shrinking does not free pages.
sys_brk:
        lw      $v0, P_BRK($s0)
        lw      $t0, P_BRKBASE($s0)
        sltu    $t1, $a0, $t0
        bnez    $t1, sys_return         # brk(0) and other low values: the current break
        li      $t1, HEAP_SIZE
        addu    $t0, $t0, $t1
        sltu    $t1, $t0, $a0
        bnez    $t1, sys_return         # too high: unchanged
        nop
        sw      $a0, P_BRK($s0)
        b       sys_return
        move    $v0, $a0

sys_yield:
        sw      $zero, P_REGS+2*4($s0)
        sw      $zero, P_REGS+7*4($s0)
        jal     schedule
        nop
        j       resume
        nop

sys_exit:
        move    $a1, $a0
        jal     proc_exit
        move    $a0, $s0
        jal     schedule
        nop
        j       resume
        nop

# write(fd, buf, n): fd 1 or 2; the bytes are appended to the process's output buffer (what
# does not fit is dropped). The kernel reads user memory through the page table, never through
# the TLB, so it takes no exception; a page not yet touched is demand-zeroed like any other.
sys_write:
        addiu   $t0, $a0, -1
        sltiu   $t0, $t0, 2
        beqz    $t0, sys_error
        li      $v0, EBADF
        move    $s1, $a1                # user address
        addu    $s2, $a1, $a2           # end
        move    $s3, $a2                # the result
1:      beq     $s1, $s2, 3f
        move    $a0, $s0
        jal     uaddr
        move    $a1, $s1
        beqz    $v0, 4f
        nop
        lbu     $t0, 0($v0)
        lw      $t1, P_OUTLEN($s0)
        sltiu   $t2, $t1, OUT_MAX
        beqz    $t2, 2f
        addu    $t2, $s0, $t1
        sb      $t0, P_OUT($t2)
        addiu   $t1, $t1, 1
        sw      $t1, P_OUTLEN($s0)
2:      b       1b
        addiu   $s1, $s1, 1
3:      b       sys_return
        move    $v0, $s3
4:      b       sys_error
        li      $v0, EFAULT
