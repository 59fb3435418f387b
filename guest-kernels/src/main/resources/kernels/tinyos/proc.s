# tinyos/proc.s: processes: spawn, exit, ASIDs and their recycling, the scheduler and the
# final report (shutdown).
# Part of tinyos.s, which includes it; the .equ names are defined there.

        .text

# spawn(): starts the next program of the workload, if any: a process structure, a page-table
# region, an ASID, then either the built-in program's code mapped (shared, read-only) or the
# boot module's ELF segments loaded into fresh pages.
spawn:  move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        la      $t0, nextproc
        lw      $s1, 0($t0)             # index of the next program
        la      $t2, nprogs
        lw      $t2, 0($t2)
        beq     $s1, $t2, 9f            # all started
        addiu   $t3, $s1, 1
        sw      $t3, 0($t0)
        sll     $t2, $s1, PROC_SHIFT    # p = procs + index * PROC_SIZE
        la      $s0, procs
        addu    $s0, $s0, $t2
        sw      $t3, P_PID($s0)
        li      $t0, S_RUN
        sw      $t0, P_STATE($s0)
        li      $t0, HEAP_BASE
        sw      $t0, P_BRKBASE($s0)
        sw      $t0, P_BRK($s0)
        li      $t2, STACK_TOP          # argc = 0, argv, envp, auxv empty: the stack page is zero
        sw      $t2, P_REGS+29*4($s0)
        la      $t0, pt_busy            # a free page-table region
        move    $t1, $zero
1:      sll     $t2, $t1, 2
        addu    $t2, $t0, $t2
        lw      $t3, 0($t2)
        beqz    $t3, 2f
        li      $t3, MAXLIVE
        addiu   $t1, $t1, 1
        bne     $t1, $t3, 1b
        nop
        j       kpanic                  # cannot happen: at most MAXLIVE processes are alive
        nop
2:      li      $t3, 1
        sw      $t3, 0($t2)
        sll     $t1, $t1, 21
        li      $t3, PT_REGION0
        addu    $t1, $t1, $t3
        sw      $t1, P_PT($s0)
        jal     asid_alloc
        move    $a0, $s0
        sw      $v0, P_ASID($s0)
        la      $t0, nmods
        lw      $t0, 0($t0)
        bnez    $t0, 5f
        nop
        sll     $t2, $s1, 3             # built-in: progs holds (entry, name) pairs
        la      $t0, progs
        addu    $t0, $t0, $t2
        lw      $t2, 0($t0)
        lw      $t3, 4($t0)
        sw      $t3, P_NAME($s0)
        li      $t4, 0x1fffffff         # user code runs at virtual = physical
        and     $t2, $t2, $t4
        sw      $t2, P_EPC($s0)
        la      $t0, ustart             # map the user code: read-only, shared
        la      $t1, uend
        and     $t0, $t0, $t4
        and     $t1, $t1, $t4
        lw      $t2, P_PT($s0)
3:      srl     $t3, $t0, 12
        sll     $t3, $t3, 2
        addu    $t3, $t2, $t3
        ori     $t4, $t0, LO_V
        sw      $t4, 0($t3)
        addiu   $t0, $t0, 0x1000
        bne     $t0, $t1, 3b
        nop
        b       9f
        nop
5:      sll     $t2, $s1, 5             # boot module: mods holds (address, length, name)
        la      $t0, mods
        addu    $t0, $t0, $t2
        addiu   $t1, $t0, 8
        sw      $t1, P_NAME($s0)
        lw      $a1, 0($t0)
        lw      $a2, 4($t0)
        jal     elf_load
        move    $a0, $s0
        bnez    $v0, 9f
        sw      $v0, P_EPC($s0)
        li      $t0, 1                  # not loadable: it ends before it starts
        sw      $t0, P_BADELF($s0)
        move    $a0, $s0
        jal     proc_exit
        li      $a1, 255
9:      j       frame_return
        nop

proc_exit:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        sw      $a1, P_EXIT($s0)
        li      $t0, S_DONE
        sw      $t0, P_STATE($s0)
        lw      $a0, P_BRKBASE($s0)
        li      $a1, HEAP_SIZE
        addu    $a1, $a0, $a1
        jal     unmap_range
        lw      $a2, P_PT($s0)
        lw      $s1, P_NSEGS($s0)       # the ELF segments of a boot module
        addiu   $s2, $s0, P_SEGS
1:      beqz    $s1, 2f
        addiu   $s1, $s1, -1
        lw      $a0, 0($s2)
        lw      $a1, 4($s2)
        jal     unmap_range
        lw      $a2, P_PT($s0)
        b       1b
        addiu   $s2, $s2, 8
2:
        li      $a0, STACK_LOW
        li      $a1, 0x80000000
        jal     unmap_range
        lw      $a2, P_PT($s0)
        la      $a0, ustart
        la      $a1, uend
        li      $t0, 0x1fffffff
        and     $a0, $a0, $t0
        and     $a1, $a1, $t0
        jal     unmap_range
        lw      $a2, P_PT($s0)
        lw      $t0, P_PT($s0)          # free the page-table region
        li      $t1, PT_REGION0
        subu    $t0, $t0, $t1
        srl     $t0, $t0, 19            # region index * 4
        la      $t1, pt_busy
        addu    $t0, $t0, $t1
        sw      $zero, 0($t0)
        lw      $t0, P_ASID($s0)        # free the ASID
        sll     $t0, $t0, 2
        la      $t1, asid_owner
        addu    $t0, $t0, $t1
        sw      $zero, 0($t0)
        jal     spawn
        nop
        j       frame_return
        nop

# asid_alloc(p): an ASID for p. A never-used one if any is left, else a free one after
# invalidating the TLB entries its previous owner left behind.
asid_alloc:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        la      $t0, asid_fresh
        lw      $v0, 0($t0)
        li      $t1, NASID
        beq     $v0, $t1, 1f            # all used at least once: recycle one
        addiu   $v0, $v0, 1
        b       3f
        sw      $v0, 0($t0)
1:      li      $v0, 1
2:      sll     $t0, $v0, 2
        la      $t1, asid_owner
        addu    $t0, $t1, $t0
        lw      $t1, 0($t0)
        beqz    $t1, 4f
        li      $t1, NASID + 1
        addiu   $v0, $v0, 1
        bne     $v0, $t1, 2b
        nop
        j       kpanic                  # cannot happen: MAXLIVE < NASID
        nop
4:      la      $t0, n_recycle
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        sw      $t1, 0($t0)
        sw      $v0, FRAME_LOCAL($sp)
        jal     tlb_flush_asid
        move    $a0, $v0
        lw      $v0, FRAME_LOCAL($sp)
3:      sll     $t0, $v0, 2
        la      $t1, asid_owner
        addu    $t0, $t1, $t0
        sw      $s0, 0($t0)
        j       frame_return
        nop

# tlb_flush_asid(asid): invalidates every TLB entry of that ASID. An invalidated entry gets the
# slot's own kseg0 page as VPN, as at power-on, so no two entries can ever collide.
tlb_flush_asid:
        sll     $a0, $a0, 6
        move    $t0, $zero
1:      sll     $t1, $t0, 8
        mtc0    $t1, $0                 # Index
        tlbr
        mfc0    $t2, $10
        bltz    $t2, 2f                 # a kseg0 VPN: already invalid
        andi    $t3, $t2, 0xfc0
        bne     $t3, $a0, 2f
        sll     $t1, $t0, 12
        lui     $t3, 0x8000
        or      $t1, $t1, $t3
        mtc0    $t1, $10
        mtc0    $zero, $2
        tlbwi
2:      addiu   $t0, $t0, 1
        li      $t1, 64
        bne     $t0, $t1, 1b
        nop
        jr      $ra
        nop

# schedule(): round robin: curproc = the next runnable process after it. None left: shutdown.
schedule:
        la      $t0, curproc
        lw      $t1, 0($t0)
        la      $t2, procs
        subu    $t3, $t1, $t2
        srl     $t3, $t3, PROC_SHIFT    # index of the current process
        li      $t4, NPROC              # tries
1:      addiu   $t3, $t3, 1
        li      $t5, NPROC
        bne     $t3, $t5, 2f
        nop
        move    $t3, $zero
2:      sll     $t6, $t3, PROC_SHIFT
        addu    $t6, $t2, $t6
        lw      $t7, P_STATE($t6)
        li      $t8, S_RUN
        beq     $t7, $t8, 3f
        addiu   $t4, $t4, -1
        bnez    $t4, 1b
        nop
        j       shutdown
        nop
3:      jr      $ra
        sw      $t6, 0($t0)

# shutdown: every process has finished. Prints each one's status and output in PID order, then
# the kernel's counts, and powers off with 0.
shutdown:
        la      $sp, kstack_top
        la      $s0, procs
        move    $s1, $zero
        la      $t0, nextproc
        lw      $s2, 0($t0)             # processes created
1:      beq     $s1, $s2, 5f
        nop
        la      $a0, s_pid
        jal     puts
        nop
        jal     putdec
        lw      $a0, P_PID($s0)
        la      $a0, s_open
        jal     puts
        nop
        jal     puts
        lw      $a0, P_NAME($s0)
        lw      $t0, P_BADELF($s0)
        beqz    $t0, 6f
        nop
        la      $a0, s_badelf
        jal     puts
        nop
        b       4f
        nop
6:      lw      $t0, P_KILLED($s0)
        bnez    $t0, 2f
        nop
        la      $a0, s_exit
        jal     puts
        nop
        jal     putdec
        lw      $a0, P_EXIT($s0)
        b       4f
        nop
2:      la      $a0, s_killed
        jal     puts
        nop
        lw      $t0, P_KCAUSE($s0)
        andi    $t0, $t0, 0x7c
        sll     $t0, $t0, 1             # ExcCode * 8: names are 8 bytes apart
        la      $a0, excnames
        jal     puts
        addu    $a0, $a0, $t0
        la      $a0, s_at
        jal     puts
        nop
        jal     puthex
        lw      $a0, P_KEPC($s0)
        lw      $t0, P_KCAUSE($s0)      # BadVAddr only means something for codes 1..5
        andi    $t0, $t0, 0x7c
        srl     $t0, $t0, 2
        sltiu   $t0, $t0, 6
        beqz    $t0, 4f
        nop
        la      $a0, s_bad
        jal     puts
        nop
        jal     puthex
        lw      $a0, P_KBADVA($s0)
4:      jal     putc
        li      $a0, '\n'
        addiu   $a0, $s0, P_OUT
        jal     putn
        lw      $a1, P_OUTLEN($s0)
        addiu   $s1, $s1, 1
        b       1b
        addiu   $s0, $s0, PROC_SIZE
5:      la      $a0, s_stats
        jal     puts
        nop
        jal     putdec
        move    $a0, $s2
        la      $a0, s_stats2
        jal     puts
        nop
        la      $t0, n_syscalls
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats3
        jal     puts
        nop
        la      $t0, n_dzero
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats4
        jal     puts
        nop
        la      $t0, n_recycle
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_stats5
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero
