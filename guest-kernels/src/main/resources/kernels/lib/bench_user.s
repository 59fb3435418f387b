# lib/bench_user.s: entry into the user-mode loop of a microbenchmark kernel (compute, syscall,
# tlbmiss). The kernel puts its user code between the labels ustart and uend (page-aligned) and
# keeps the iteration count in s0. Needs lib/trap.s (map_user, enter_user).

        .text
# bench_user(a0 = kseg0 address of the user loop): maps the kernel's user code [ustart, uend)
# into kuseg (lib/trap.s map_user), gives the loop its counter (s1 = s0) and enters it in user
# mode with interrupts off. Jump here (j); it does not return.
bench_user:
        move    $t2, $a0                # map_user leaves t2 alone
        la      $a0, ustart
        la      $a1, uend
        jal     map_user
        move    $s1, $s0                # the user loop's counter
        move    $a0, $t2
        j       enter_user
        move    $a1, $zero              # user mode, interrupts off
