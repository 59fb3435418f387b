# rmrmon: a virtual machine monitor in MIPS code for the RMR-stack machine (docs/rmr.md). It
# runs the kernel given as its first boot module in a child at the level above, with Load RMR,
# and stays out of the way: the child runs directly, in kernel mode, and takes its own TLB
# refills, system calls and timer interrupts through its own vectors without rmrmon seeing them.
# rmrmon sees only what the hardware routes to it:
#
#   - memory traps: the child's device accesses, emulated here: the serial console (CHAR and
#     WIRQ, with System/161's 521-cycle character time counted in the child's own cycles, so a
#     polling child reads exactly what it would on the bare machine; the characters go out
#     through rmrmon's own console), the trace card's EXIT and the mainboard's PWR (the child's
#     power-off is rmrmon's own, with the same exit code) and RAMSZ. Any other address outside
#     the child's window is a bus error for the child;
#   - its own timer, if it was given a time slice (below): one trap per slice;
#   - a WAIT of the child (resumed at once), its halt (rmrmon powers off with its code) and its
#     machine check (rmrmon says so and powers off with exit code 125).
#
# The child gets rmrmon's boot arguments, less its modules= word, and rmrmon's other boot modules
# as its own, laid out as System/161's loader and vm3000's lay them out; its RAM is rmrmon's from
# CHILD_BASE up to the lowest module. So rmrmon can run rmrmon: `--module rmrmon --module rmrmon
# --module tinyos` stacks three monitors under tinyos, and the same binary at every level cannot
# tell which level it runs at. On a machine without the RMR stack, LRMR is reserved: rmrmon says
# so and powers off with exit code 3.
#
# Time slices: a monitor with one child has nothing to switch to, so by default rmrmon sets no
# timer, as the project's RMR VMM sets none for a single VM, and its child runs undisturbed.
# "rmrmon.slice=N" as the first boot argument (N decimal, 1 to 9 digits; 0 = none) makes rmrmon
# preempt the child every N cycles of its own time; rmrmon takes the word off the arguments the
# child gets, so in a stack each rmrmon takes one such word: `rmrmon.slice=20000
# rmrmon.slice=20000 hi` gives the two rmrmons under a kernel slices and the kernel "hi".
#
# The golden run is on the bare machine with no module: rmrmon says it has nothing to run.
# golden-args: golden test
# golden-exit: 2

        .set    noreorder
        .include "lib/machine.s"
        .equ    CHILD_BASE, 0x00100000  # the child's window starts here in rmrmon's memory
        .equ    MAXMODS, 16
        .equ    MOD_SIZE, 16            # a module: kseg0 address, length, name, name length
        .equ    ARGS_MAX, 1024          # the child's top 1 KiB: its boot string (as Boot)
        .equ    CHAR_TICKS, 521         # the serial card's character time, in cycles
        .equ    LRMR_S0, 0x42100038     # lrmr $s0 (GNU as does not know the instruction)
        # The LRMR block (docs/rmr.md)
        .equ    B_CMD, 0x00
        .equ    B_ARG, 0x04
        .equ    B_VALUE, 0x08
        .equ    B_LINES, 0x0c
        .equ    B_BASE, 0x10
        .equ    B_BOUND, 0x14
        .equ    B_A0, 0x18
        .equ    B_SP, 0x1c
        .equ    B_KIND, 0x20
        .equ    B_PADDR, 0x28
        .equ    B_ACCESS, 0x2c
        .equ    B_SIZE, 0x30
        .equ    B_DATA, 0x34
        .equ    B_TIME, 0x38
        # Device registers as physical addresses of the child
        .equ    P_SERIAL, 0x1fe00000
        .equ    P_TRACE_EXIT, 0x1ffe001c
        .equ    P_RAMSZ, 0x1fff7e00
        .equ    P_PWR, 0x1fff7e08

        .include "lib/vectors.s"

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # BEV off, interrupts off
        la      $sp, stack_top
        jal     options                 # a0: the boot argument string
        nop
        move    $s0, $v0                # the boot argument string after rmrmon's own option
        jal     parse_modules
        move    $a0, $s0
        la      $t0, nmods
        lw      $t0, 0($t0)
        bnez    $t0, 1f
        nop
        la      $a0, s_nokernel
        j       fail
        nop
1:      subu    $s1, $v0, $s0           # the arguments before modules=, less the blank before it
        beqz    $s1, 2f
        addu    $t0, $s0, $s1
        lbu     $t1, -1($t0)
        li      $t2, ' '
        bne     $t1, $t2, 2f
        nop
        addiu   $s1, $s1, -1
2:      la      $t0, mods               # the child's RAM: from CHILD_BASE up to the lowest module
        la      $t1, nmods
        lw      $t1, 0($t1)
        li      $t2, 0x1fffffff         # the lowest physical address so far
3:      lw      $t3, 0($t0)
        li      $t4, 0x1fffffff
        and     $t3, $t3, $t4
        sltu    $t4, $t3, $t2
        beqz    $t4, 4f
        addiu   $t1, $t1, -1
        move    $t2, $t3
4:      bnez    $t1, 3b
        addiu   $t0, $t0, MOD_SIZE
        srl     $t2, $t2, 16            # 64 KiB below it
        sll     $t2, $t2, 16
        li      $t3, CHILD_BASE
        subu    $s2, $t2, $t3           # s2: the window's bound
        li      $t4, 0x10000 + ARGS_MAX
        slt     $t4, $s2, $t4
        beqz    $t4, 5f
        nop
        la      $a0, s_noram
        j       fail
        nop
5:      li      $s3, 0x80000000 | CHILD_BASE # s3: the child's RAM as rmrmon sees it (kseg0)

        la      $t0, mods               # the kernel: module 0
        lw      $a0, 0($t0)
        jal     load_elf
        lw      $a1, 4($t0)
        bnez    $v0, 6f
        move    $s4, $v0                # s4: the entry point
        la      $a0, s_badelf
        j       fail
        nop
6:      move    $s5, $v1                # s5: the end of the kernel image (child physical)

        la      $s6, strbuf             # the child's boot string: our arguments ...
        move    $a0, $s6
        move    $a1, $s0
        jal     copy_bytes
        move    $a2, $s1
        addu    $s6, $s6, $s1
        la      $t0, nmods              # ... and the other modules, placed in its RAM as Boot does
        lw      $s7, 0($t0)
        addiu   $s7, $s7, -1
        beqz    $s7, 9f
        nop
        beqz    $s1, 7f
        li      $t0, ' '
        sb      $t0, 0($s6)
        addiu   $s6, $s6, 1
7:      la      $a0, s_modkey
        jal     append
        move    $a1, $s6
        move    $s6, $v0
        la      $s0, mods + MOD_SIZE    # s0: the next module to place (the arguments are copied)
        addiu   $s1, $s2, -ARGS_MAX     # s1: the lowest byte used at the top of the child's RAM
8:      lw      $t0, 4($s0)             # below = (below - len) & ~0xfff
        subu    $s1, $s1, $t0
        srl     $s1, $s1, 12
        sll     $s1, $s1, 12
        sltu    $t1, $s1, $s5
        bnez    $t1, 81f                # over the kernel image
        nop
        addu    $a0, $s3, $s1
        lw      $a1, 0($s0)
        jal     copy_bytes
        lw      $a2, 4($s0)
        lui     $a0, 0x8000             # "0x%08x:%d:%s"
        or      $a0, $a0, $s1
        jal     fmt_hex8
        move    $a1, $s6
        li      $t0, ':'
        sb      $t0, 0($v0)
        lw      $a0, 4($s0)
        jal     fmt_dec
        addiu   $a1, $v0, 1
        li      $t0, ':'
        sb      $t0, 0($v0)
        addiu   $a0, $v0, 1
        lw      $a1, 8($s0)
        jal     copy_bytes
        lw      $a2, 12($s0)
        move    $s6, $v0
        addiu   $s7, $s7, -1
        beqz    $s7, 9f
        addiu   $s0, $s0, MOD_SIZE
        li      $t0, ','
        sb      $t0, 0($s6)
        b       8b
        addiu   $s6, $s6, 1
81:     la      $a0, s_noram
        j       fail
        nop
9:      sb      $zero, 0($s6)           # the string at the top of the child's RAM
        la      $t0, strbuf
        subu    $a2, $s6, $t0
        addiu   $a2, $a2, 4             # with its NUL, rounded up to a word
        srl     $a2, $a2, 2
        sll     $a2, $a2, 2
        subu    $s1, $s2, $a2           # s1: the string's child physical address
        addu    $a0, $s3, $s1
        la      $a1, strbuf
        jal     copy_bytes
        nop

        la      $s0, block              # launch: pc, window, $a0 and $sp as System/161 sets them
        li      $t0, 1                  # LAUNCH
        sw      $t0, B_CMD($s0)
        sw      $s4, B_ARG($s0)
        sw      $zero, B_VALUE($s0)
        sw      $zero, B_LINES($s0)
        li      $t0, CHILD_BASE
        sw      $t0, B_BASE($s0)
        sw      $s2, B_BOUND($s0)
        lui     $t0, 0x8000
        or      $t0, $t0, $s1
        sw      $t0, B_A0($s0)
        addiu   $t0, $t0, -4
        sw      $t0, B_SP($s0)
        move    $s4, $zero              # s4, s5: the serial card busy until the child's time s4
        move    $s5, $zero
        move    $s6, $zero              # s6: its WIRQ register
        la      $t0, slice_cycles       # with a slice, our own timer slices the child's time;
        lw      $t0, 0($t0)             # it only preempts (IM7 without IEc: rmrmon takes no
        beqz    $t0, run                # interrupt itself)
        nop
        mtc0    $t0, $11
        li      $t0, ST_IM7
        mtc0    $t0, $12

# The monitor's loop: run the child until the hardware routes a trap here, then handle it.
run:
f_lrmr: .word   LRMR_S0                 # lrmr $s0
        lw      $t0, B_KIND($s0)
        li      $t1, 1
        beq     $t0, $t1, memory
        li      $t1, 2
        beq     $t0, $t1, slice
        li      $t1, 4
        beq     $t0, $t1, halted
        li      $t1, 5
        beq     $t0, $t1, checked
        nop
retry:  li      $t0, 2                  # WAIT, and after a slice: RESUME, run it again
        sw      $t0, B_CMD($s0)
        b       run
        sw      $zero, B_ARG($s0)

slice:  la      $t0, slice_cycles       # the same Compare each time: lowers the line
        lw      $t0, 0($t0)
        mtc0    $t0, $11
        la      $t0, slices
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        b       retry
        sw      $t1, 0($t0)

halted: jal     poweroff                # the child halted: so do we
        lw      $a0, B_DATA($s0)

checked:
        la      $a0, s_checked          # the child stopped with a machine check: say so, and
        jal     puts                    # power off with the code vm3000 run gives a machine check
        nop
        jal     poweroff
        li      $a0, 125

# complete(v0): the trapped access is done; a load reads v0.
complete:
        li      $t0, 2
        sw      $t0, B_CMD($s0)
        li      $t0, 1
        sw      $t0, B_ARG($s0)
        b       run
        sw      $v0, B_VALUE($s0)

buserr: li      $t0, 2                  # nothing there: DBE (IBE) in the child
        sw      $t0, B_CMD($s0)
        li      $t0, 2
        b       run
        sw      $t0, B_ARG($s0)

memory: la      $t0, memtraps
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        sw      $t1, 0($t0)
        lw      $t0, B_ACCESS($s0)
        li      $t1, 2
        beq     $t0, $t1, buserr        # fetching from a device
        lw      $t2, B_TIME($s0)
        beqz    $s5, 1f                 # the character's time is over: WIRQ.CMPL latches
        subu    $t3, $t2, $s4
        bltz    $t3, 1f
        nop
        ori     $s6, $s6, 2
        move    $s5, $zero
1:      lw      $t3, B_SIZE($s0)
        li      $t1, 4
        bne     $t3, $t1, buserr        # devices here take words only
        lw      $t4, B_PADDR($s0)
        lw      $t5, B_DATA($s0)
        li      $t1, P_SERIAL
        beq     $t4, $t1, serial_char
        nop
        li      $t1, P_SERIAL + 4
        beq     $t4, $t1, serial_wirq
        nop
        li      $t1, P_SERIAL + 8
        beq     $t4, $t1, serial_rirq
        nop
        li      $t1, P_TRACE_EXIT
        beq     $t4, $t1, trace_exit
        nop
        li      $t1, P_PWR
        beq     $t4, $t1, pwr
        nop
        li      $t1, P_RAMSZ
        beq     $t4, $t1, ramsz
        nop
        b       buserr
        nop

serial_char:
        beqz    $t0, complete           # a read: no input
        move    $v0, $zero
        bnez    $s5, complete           # busy: the character is dropped, as on System/161
        nop
        addiu   $s4, $t2, CHAR_TICKS    # busy from now on for a character's time
        li      $s5, 1
        jal     putc                    # out through our own console
        andi    $a0, $t5, 0xff
        b       complete
        move    $v0, $zero

serial_wirq:
        bnez    $t0, 1f
        nop
        b       complete
        move    $v0, $s6
1:      andi    $s6, $t5, 7
        b       complete
        move    $v0, $zero

serial_rirq:
        b       complete
        move    $v0, $zero

trace_exit:
        beqz    $t0, buserr
        nop
        jal     poweroff
        move    $a0, $t5

pwr:    beqz    $t0, complete           # reads as on the board: all on
        li      $v0, -1
        bnez    $t5, complete           # only 0 means off
        move    $v0, $zero
        li      $t0, 0xbfff7e08         # our own power-off
        sw      $zero, 0($t0)
1:      b       1b
        nop

ramsz:  bnez    $t0, buserr
        nop
        b       complete
        move    $v0, $s2

# general: on the bare machine LRMR is reserved: say so. Anything else is a bug here.
general:
        mfc0    $k0, $13
        andi    $k0, $k0, 0x7c
        li      $k1, 10 << 2            # RI
        bne     $k0, $k1, panic
        mfc0    $k0, $14
        la      $k1, f_lrmr
        bne     $k0, $k1, panic
        nop
        la      $sp, stack_top
        la      $a0, s_normr
        jal     puts
        nop
        jal     poweroff
        li      $a0, 3

# fail(a0 = message): prints "rmrmon: " and the message, powers off with exit code 2.
fail:   move    $s0, $a0
        la      $a0, s_rmrmon
        jal     puts
        nop
        jal     puts
        move    $a0, $s0
        jal     poweroff
        li      $a0, 2

# options(a0 = args): rmrmon's own option, if the arguments begin with "rmrmon.slice=": N, 1 to
# 9 decimal digits then a blank or the end, goes to slice_cycles (anything else there fails);
# returns in v0 the arguments after the option and its blank, or a0 if there is none.
options:
        move    $v0, $a0
        la      $t2, s_slicekey
        move    $t1, $a0
1:      lbu     $t3, 0($t2)
        beqz    $t3, 2f                 # the key matched
        lbu     $t4, 0($t1)
        bne     $t3, $t4, 9f            # no option: every argument is the child's
        addiu   $t2, $t2, 1
        b       1b
        addiu   $t1, $t1, 1
2:      move    $t5, $zero              # N
        move    $t6, $zero              # its digits
3:      lbu     $t2, 0($t1)
        addiu   $t3, $t2, -'0'
        sltiu   $t0, $t3, 10
        beqz    $t0, 4f
        sll     $t0, $t5, 3
        sll     $t5, $t5, 1
        addu    $t5, $t5, $t0
        addu    $t5, $t5, $t3
        addiu   $t6, $t6, 1
        b       3b
        addiu   $t1, $t1, 1
4:      beqz    $t6, 8f                 # no digit
        sltiu   $t0, $t6, 10
        beqz    $t0, 8f                 # over 9 digits
        nop
        beqz    $t2, 5f                 # the end of the arguments
        li      $t0, ' '
        bne     $t2, $t0, 8f            # "rmrmon.slice=12x"
        nop
        addiu   $t1, $t1, 1             # the blank after it
5:      la      $t0, slice_cycles
        sw      $t5, 0($t0)
        move    $v0, $t1
9:      jr      $ra
        nop
8:      la      $a0, s_badslice
        j       fail
        nop

# parse_modules(a0 = args): fills mods and nmods from "modules=ADDR:LEN:NAME,..." (Boot's
# format); returns in v0 where that word starts, or the end of the string.
parse_modules:
        move    $t9, $a0
1:      lbu     $t0, 0($t9)             # does "modules=" start at t9?
        beqz    $t0, 9f
        move    $t1, $t9
        la      $t2, s_modkey
2:      lbu     $t3, 0($t2)
        beqz    $t3, 3f                 # yes
        lbu     $t4, 0($t1)
        addiu   $t1, $t1, 1
        beq     $t3, $t4, 2b
        addiu   $t2, $t2, 1
        b       1b
        addiu   $t9, $t9, 1
3:      la      $t8, mods               # t1: the first module
        move    $t7, $zero
4:      addiu   $t1, $t1, 2             # "0x"
        move    $t4, $zero
5:      lbu     $t2, 0($t1)             # hex address
        addiu   $t3, $t2, -'0'
        sltiu   $t0, $t3, 10
        bnez    $t0, 6f
        addiu   $t0, $t2, -'a'
        sltiu   $t0, $t0, 6
        beqz    $t0, 7f
        addiu   $t3, $t2, -'a' + 10
6:      sll     $t4, $t4, 4
        or      $t4, $t4, $t3
        b       5b
        addiu   $t1, $t1, 1
7:      sw      $t4, 0($t8)
        addiu   $t1, $t1, 1             # ':'
        move    $t4, $zero
8:      lbu     $t2, 0($t1)             # decimal length
        addiu   $t3, $t2, -'0'
        sltiu   $t0, $t3, 10
        beqz    $t0, 10f
        sll     $t0, $t4, 3
        sll     $t4, $t4, 1
        addu    $t4, $t4, $t0
        addu    $t4, $t4, $t3
        b       8b
        addiu   $t1, $t1, 1
10:     sw      $t4, 4($t8)
        addiu   $t1, $t1, 1             # ':'
        sw      $t1, 8($t8)             # the name: up to ',', ' ' or the end
        move    $t4, $t1
11:     lbu     $t2, 0($t1)
        beqz    $t2, 12f
        li      $t0, ','
        beq     $t2, $t0, 12f
        li      $t0, ' '
        beq     $t2, $t0, 12f
        nop
        b       11b
        addiu   $t1, $t1, 1
12:     subu    $t4, $t1, $t4
        sw      $t4, 12($t8)
        addiu   $t7, $t7, 1
        addiu   $t8, $t8, MOD_SIZE
        li      $t0, ','
        bne     $t2, $t0, 13f
        sltiu   $t0, $t7, MAXMODS
        bnez    $t0, 4b
        addiu   $t1, $t1, 1
13:     la      $t0, nmods
        sw      $t7, 0($t0)
9:      jr      $ra
        move    $v0, $t9

# load_elf(a0 = image, a1 = length): copies the PT_LOAD segments of the ELF kernel at a0 into
# the child's RAM (s3) at their physical addresses, zeroing the rest of each; returns the entry
# in v0 (0 if it is no ELF or a segment does not fit below the child's top ARGS_MAX bytes) and
# in v1 the end of the highest segment.
load_elf:
        move    $t9, $ra
        move    $t8, $a0
        lw      $t0, 0($t8)
        li      $t1, 0x7f454c46         # \177ELF, in either byte order as a word we read
        beq     $t0, $t1, 1f
        nop
        li      $t1, 0x464c457f
        bne     $t0, $t1, 8f
        nop
1:      lw      $t7, 28($t8)            # e_phoff
        lhu     $t6, 44($t8)            # e_phnum
        lhu     $t5, 42($t8)            # e_phentsize
        addu    $t7, $t7, $t8
        move    $v1, $zero
2:      beqz    $t6, 6f
        lw      $t0, 0($t7)
        li      $t1, 1                  # PT_LOAD
        bne     $t0, $t1, 5f
        lw      $t0, 8($t7)             # p_vaddr
        li      $t1, 0x1fffffff
        and     $t4, $t0, $t1           # physical
        lw      $t3, 20($t7)            # p_memsz
        addu    $t2, $t4, $t3
        addiu   $t1, $s2, -ARGS_MAX
        sltu    $t1, $t1, $t2
        bnez    $t1, 8f                 # past the child's RAM
        sltu    $t1, $v1, $t2
        beqz    $t1, 3f
        nop
        move    $v1, $t2
3:      addu    $a0, $s3, $t4           # the file bytes
        lw      $a1, 4($t7)
        addu    $a1, $a1, $t8
        lw      $a2, 16($t7)            # p_filesz
        addiu   $sp, $sp, -16
        sw      $t3, 0($sp)
        sw      $v1, 4($sp)
        sw      $t9, 8($sp)
        jal     copy_bytes
        sw      $a2, 12($sp)
        lw      $t3, 0($sp)             # the rest of memsz
        lw      $a2, 12($sp)
        subu    $a1, $t3, $a2
        jal     zero_bytes
        move    $a0, $v0
        lw      $v1, 4($sp)
        lw      $t9, 8($sp)
        addiu   $sp, $sp, 16
5:      addiu   $t6, $t6, -1
        b       2b
        addu    $t7, $t7, $t5
6:      jr      $t9
        lw      $v0, 24($t8)            # e_entry
8:      jr      $t9
        move    $v0, $zero

# copy_bytes(a0 = dst, a1 = src, a2 = n): returns in v0 dst + n. Uses t0..t2.
copy_bytes:
        move    $v0, $a0
        beqz    $a2, 2f
        addu    $t2, $a1, $a2
1:      lbu     $t0, 0($a1)
        addiu   $a1, $a1, 1
        sb      $t0, 0($v0)
        bne     $a1, $t2, 1b
        addiu   $v0, $v0, 1
2:      jr      $ra
        nop

# zero_bytes(a0 = dst, a1 = n). Uses t0.
zero_bytes:
        beqz    $a1, 2f
        addu    $t0, $a0, $a1
1:      sb      $zero, 0($a0)
        addiu   $a0, $a0, 1
        bne     $a0, $t0, 1b
        nop
2:      jr      $ra
        nop

# append(a0 = string, a1 = dst): copies the string without its NUL; v0 = the end in dst.
append: move    $v0, $a1
1:      lbu     $t0, 0($a0)
        beqz    $t0, 2f
        addiu   $a0, $a0, 1
        sb      $t0, 0($v0)
        b       1b
        addiu   $v0, $v0, 1
2:      jr      $ra
        nop

# fmt_hex8(a0 = value, a1 = dst): "0x" and 8 hex digits; v0 = the end.
fmt_hex8:
        li      $t0, '0'
        sb      $t0, 0($a1)
        li      $t0, 'x'
        sb      $t0, 1($a1)
        addiu   $v0, $a1, 2
        li      $t1, 8
1:      srl     $t0, $a0, 28
        sll     $a0, $a0, 4
        sltiu   $t2, $t0, 10
        bnez    $t2, 2f
        addiu   $t0, $t0, '0'
        addiu   $t0, $t0, 'a' - '0' - 10
2:      sb      $t0, 0($v0)
        addiu   $t1, $t1, -1
        bnez    $t1, 1b
        addiu   $v0, $v0, 1
        jr      $ra
        nop

# fmt_dec(a0 = value, a1 = dst): unsigned decimal; v0 = the end.
fmt_dec:
        la      $t2, digits + 12        # the digits, last first, backwards from here
        move    $t3, $t2
1:      li      $t0, 10
        divu    $zero, $a0, $t0
        mfhi    $t1
        mflo    $a0
        addiu   $t1, $t1, '0'
        addiu   $t3, $t3, -1
        bnez    $a0, 1b
        sb      $t1, 0($t3)
        move    $v0, $a1
2:      lbu     $t0, 0($t3)
        addiu   $t3, $t3, 1
        sb      $t0, 0($v0)
        bne     $t3, $t2, 2b
        addiu   $v0, $v0, 1
        jr      $ra
        nop

        .include "lib/console.s"
        .include "lib/trap.s"

        .rodata
s_rmrmon:   .asciiz "rmrmon: "
s_normr:    .asciiz "rmrmon: this machine has no RMR stack (LRMR is reserved); run it with --rmr-levels N\n"
s_nokernel: .asciiz "no kernel to run: give it as the first boot module\n"
s_noram:    .asciiz "the boot modules leave no room for the child's RAM\n"
s_badelf:   .asciiz "the first boot module is no kernel that fits in the child's RAM\n"
s_checked:  .asciiz "rmrmon: the kernel stopped with a machine check\n"
s_modkey:   .asciiz "modules="
s_slicekey: .asciiz "rmrmon.slice="
s_badslice: .asciiz "rmrmon.slice= takes 1 to 9 decimal digits, then a blank or the end of the arguments\n"

        .data
        .globl  slices
        .globl  memtraps
slices: .word   0                       # time slices taken (for tests: one trap each)
memtraps: .word 0                       # memory traps handled (likewise)
nmods:  .word   0
slice_cycles: .word 0                   # cycles of rmrmon's own time per slice; 0: no slices

        .bss
        .align  6
block:  .space  64                      # the LRMR block
mods:   .space  MAXMODS * MOD_SIZE
digits: .space  16
strbuf: .space  ARGS_MAX
        .space  4096
stack_top:
