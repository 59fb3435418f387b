# lib/bench.s: what the microbenchmark kernels (compute, syscall, tlbmiss, interrupt, cp0,
# tlbwrite) share: the report they print at the end and the handler for the one syscall that ends such a loop. Only the code outside the measured
# loops lives here, so the per-iteration work of each kernel is still all in its own file.
#
# A kernel that includes it defines s_done and s_iter (the report's two strings) and keeps the
# iteration count in s0. It needs lib/console.s and lib/trap.s. The entry into a user-mode
# loop is in lib/bench_user.s, for the kernels that have one.

        .text
# bench_report: prints s_done, the iteration count s0 in decimal, then s_iter, and returns.
# These kernels have no stack: ra is kept in s7, which the console routines leave alone.
bench_report:
        move    $s7, $ra
        la      $a0, s_done
        jal     puts
        nop
        jal     putdec
        move    $a0, $s0
        la      $a0, s_iter
        jal     puts
        nop
        jr      $s7
        nop

# bench_exit: jump here (j) when the run is over: bench_report, then power off with exit code 0.
bench_exit:
        jal     bench_report
        nop
        jal     poweroff
        move    $a0, $zero

# final_syscall: general exception handler for a kernel whose user loop ends with a single
# syscall that hands the result back: anything else is a panic; the syscall, still in kernel
# mode, ends the run with bench_exit.
final_syscall:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, EXC_SYS << 2
        bne     $k0, $k1, panic
        nop
        j       bench_exit
        nop
