# tinyos/loader.s: boot modules: parsing modules= from the boot arguments and loading a
# module's ELF segments into a process's address space.
# Part of tinyos.s, which includes it; the .equ names are defined there.

        .text

# elf_load(p, image, length): maps the PT_LOAD segments of the ELF executable at image (kseg0)
# into p's address space, in fresh private pages, and starts p's heap after the highest one.
# Returns the entry point, or 0 if the image is not a big-endian 32-bit MIPS executable whose
# segments (at most MAXSEGS) lie in kuseg below the stack region and within the file.
elf_load:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        move    $s1, $a1
        move    $s2, $a2
        sltiu   $t0, $s2, 52            # the ELF header
        bnez    $t0, 8f
        nop
        lw      $t0, 0($s1)
        li      $t1, 0x7f454c46         # \177ELF
        bne     $t0, $t1, 8f
        lbu     $t0, 4($s1)
        li      $t1, 1                  # ELFCLASS32
        bne     $t0, $t1, 8f
        lbu     $t0, 5($s1)
        li      $t1, 2                  # ELFDATA2MSB
        bne     $t0, $t1, 8f
        lhu     $t0, 18($s1)
        li      $t1, 8                  # EM_MIPS
        bne     $t0, $t1, 8f
        lw      $s3, 28($s1)            # e_phoff
        lhu     $s4, 44($s1)            # e_phnum
        lhu     $s5, 42($s1)            # e_phentsize
        sltiu   $t0, $s5, 32
        bnez    $t0, 8f
        multu   $s4, $s5
        mflo    $t0
        addu    $t0, $t0, $s3
        sltu    $t1, $s2, $t0
        bnez    $t1, 8f                 # program headers beyond the file
        sltu    $t1, $t0, $s3
        bnez    $t1, 8f
        addu    $s3, $s3, $s1           # the first program header
        li      $s6, HEAP_BASE          # the heap starts above every segment, and at least here
1:      beqz    $s4, 4f
        lw      $t0, 0($s3)
        li      $t1, 1                  # PT_LOAD
        bne     $t0, $t1, 3f
        nop
        move    $a0, $s0
        move    $a1, $s3
        jal     load_segment
        move    $a2, $s1
        beqz    $v0, 8f
        sltu    $t0, $s6, $v0
        beqz    $t0, 3f
        nop
        move    $s6, $v0
3:      addiu   $s4, $s4, -1
        b       1b
        addu    $s3, $s3, $s5
4:      addiu   $s6, $s6, 0xfff         # the heap starts at the next page
        li      $t0, 0xfffff000
        and     $s6, $s6, $t0
        sw      $s6, P_BRKBASE($s0)
        sw      $s6, P_BRK($s0)
        b       9f
        lw      $v0, 24($s1)            # e_entry
8:      move    $v0, $zero
9:      j       frame_return
        nop

# load_segment(p, phdr, image): one PT_LOAD segment. Checks it, records its pages in p's
# segment list, gives every page a fresh zero page, copies the file bytes, and makes the pages
# writable if the segment is. Returns its end address (vaddr + memsz), or 0 if it is bad.
# $s2 is the image length (from elf_load).
load_segment:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        lw      $s3, 8($a1)             # p_vaddr
        lw      $s4, 20($a1)            # p_memsz
        lw      $s5, 16($a1)            # p_filesz
        lw      $s6, 4($a1)             # p_offset
        lw      $s7, 24($a1)            # p_flags
        addu    $s1, $a2, $s6           # the file bytes
        sltu    $t0, $s4, $s5
        bnez    $t0, 8f                 # filesz > memsz
        addu    $t0, $s6, $s5
        beqz    $s5, 1f                 # no file bytes (.bss): the offset does not matter
        sltu    $t1, $s2, $t0
        bnez    $t1, 8f                 # beyond the end of the file
        sltu    $t1, $t0, $s6
        bnez    $t1, 8f
        nop
1:      addu    $t0, $s3, $s4           # end
        sltu    $t1, $t0, $s3
        bnez    $t1, 8f                 # wraps around
        li      $t1, STACK_LOW
        sltu    $t1, $t1, $t0
        bnez    $t1, 8f                 # reaches the stack region or kseg
        lw      $t0, P_NSEGS($s0)       # record it for proc_exit
        sltiu   $t1, $t0, MAXSEGS
        beqz    $t1, 8f
        addiu   $t1, $t0, 1
        sw      $t1, P_NSEGS($s0)
        sll     $t0, $t0, 3
        addu    $t0, $t0, $s0
        li      $t2, 0xfffff000
        and     $t1, $s3, $t2
        sw      $t1, P_SEGS($t0)
        addu    $t1, $s3, $s4
        addiu   $t1, $t1, 0xfff
        and     $t1, $t1, $t2
        sw      $t1, P_SEGS+4($t0)
        li      $t2, 0xfffff000         # a page for every page of the segment
        and     $s6, $s3, $t2           # (s6 is free now: the offset is in s1)
        addu    $s4, $s3, $s4           # s4 = end
1:      sltu    $t0, $s6, $s4
        beqz    $t0, 2f
        move    $a0, $s0
        jal     ensure_page
        move    $a1, $s6
        beqz    $v0, 8f                 # out of memory
        nop
        b       1b
        addiu   $s6, $s6, 0x1000
2:      move    $s6, $s3                # copy filesz bytes
        addu    $s5, $s3, $s5
3:      beq     $s6, $s5, 4f
        move    $a0, $s0
        jal     ensure_page
        move    $a1, $s6
        lbu     $t0, 0($s1)
        sb      $t0, 0($v0)
        addiu   $s1, $s1, 1
        b       3b
        addiu   $s6, $s6, 1
4:      andi    $t0, $s7, PF_W          # writable segment: set D on its pages
        beqz    $t0, 6f
        nop
        li      $t2, 0xfffff000
        and     $s6, $s3, $t2
5:      sltu    $t0, $s6, $s4
        beqz    $t0, 6f
        srl     $t0, $s6, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($s0)
        addu    $t0, $t0, $t1
        lw      $t1, 0($t0)
        ori     $t1, $t1, LO_D
        sw      $t1, 0($t0)
        b       5b
        addiu   $s6, $s6, 0x1000
6:      b       9f
        move    $v0, $s4
8:      move    $v0, $zero
9:      j       frame_return
        nop

# ensure_page(p, va): the kseg0 address of user address va, giving its page a fresh zero page
# (valid, read-only, private) if it has none; 0 if memory is exhausted.
ensure_page:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        sw      $a1, FRAME_LOCAL($sp)
        srl     $t0, $a1, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($a0)
        addu    $s0, $t0, $t1           # &pte
        lw      $v0, 0($s0)
        bnez    $v0, 1f
        move    $a0, $s0                # p is not needed any more
        jal     pte_new
        li      $a1, LO_V | PTE_OWN
        beqz    $v0, 9f
        nop
1:      jal     pte_kseg0
        lw      $a1, FRAME_LOCAL($sp)
9:      j       frame_return
        nop

# parse_modules(args): finds "modules=ADDR:LEN:NAME,..." in the boot argument string (ADDR in
# 0x hex, a kseg0 address; LEN in decimal; NAME up to ',', ' ' or the end) and fills mods and
# nmods, at most NPROC of them.
parse_modules:
        la      $t9, s_modkey
1:      move    $t0, $a0                # does "modules=" start at a0?
        move    $t1, $t9
2:      lbu     $t3, 0($t1)
        beqz    $t3, 4f                 # yes
        lbu     $t2, 0($t0)
        addiu   $t0, $t0, 1
        beq     $t2, $t3, 2b
        addiu   $t1, $t1, 1
        lbu     $t2, 0($a0)             # no: next position
        bnez    $t2, 1b
        addiu   $a0, $a0, 1
        jr      $ra                     # no modules
        nop
4:      la      $t8, mods               # t0: the first module
        move    $t7, $zero              # count
5:      lbu     $t2, 0($t0)             # "0x"
        lbu     $t3, 1($t0)
        addiu   $t0, $t0, 2
        li      $t1, '0'
        bne     $t2, $t1, 20f
        li      $t1, 'x'
        bne     $t3, $t1, 20f
        move    $t4, $zero
6:      lbu     $t2, 0($t0)             # hex digits
        addiu   $t3, $t2, -'0'
        sltiu   $t1, $t3, 10
        bnez    $t1, 7f
        addiu   $t1, $t2, -'a'
        sltiu   $t1, $t1, 6
        beqz    $t1, 8f
        addiu   $t3, $t2, -'a' + 10
7:      sll     $t4, $t4, 4
        or      $t4, $t4, $t3
        b       6b
        addiu   $t0, $t0, 1
8:      li      $t1, ':'
        bne     $t2, $t1, 20f
        addiu   $t0, $t0, 1
        sw      $t4, 0($t8)
        la      $t1, free_limit         # keep the free pages below the module
        lw      $t2, 0($t1)
        sltu    $t3, $t4, $t2
        beqz    $t3, 9f
        srl     $t3, $t4, 12
        sll     $t3, $t3, 12
        sw      $t3, 0($t1)
9:      move    $t4, $zero
19:     lbu     $t2, 0($t0)             # decimal length
        addiu   $t3, $t2, -'0'
        sltiu   $t1, $t3, 10
        beqz    $t1, 10f
        sll     $t1, $t4, 3
        sll     $t4, $t4, 1
        addu    $t4, $t4, $t1
        addu    $t4, $t4, $t3
        b       19b
        addiu   $t0, $t0, 1
10:     li      $t1, ':'
        bne     $t2, $t1, 20f
        addiu   $t0, $t0, 1
        sw      $t4, 4($t8)
        addiu   $t5, $t8, 8             # name, at most 23 characters
        addiu   $t6, $t8, MOD_SIZE - 1
11:     lbu     $t2, 0($t0)
        beqz    $t2, 13f
        li      $t1, ','
        beq     $t2, $t1, 13f
        li      $t1, ' '
        beq     $t2, $t1, 13f
        addiu   $t0, $t0, 1
        beq     $t5, $t6, 11b
        nop
        sb      $t2, 0($t5)
        b       11b
        addiu   $t5, $t5, 1
13:     sb      $zero, 0($t5)
        addiu   $t7, $t7, 1
        la      $t1, nmods
        sw      $t7, 0($t1)
        li      $t1, NPROC
        beq     $t7, $t1, 20f
        addiu   $t8, $t8, MOD_SIZE
        li      $t1, ','
        beq     $t2, $t1, 5b
        addiu   $t0, $t0, 1
20:     jr      $ra
        nop

# proc_exit(p, status): p is finished. Frees its pages, page table and ASID (its TLB entries
# stay until the ASID is recycled), and starts the next program.
