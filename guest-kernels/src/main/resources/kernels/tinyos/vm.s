# tinyos/vm.s: user addresses, demand-zero pages, the free-page allocator, unmapping.
# Part of tinyos.s, which includes it; the .equ names are defined there.

        .text

# uaddr(p, va): the kseg0 address of user address va of process p, or 0 if it is not mapped
# (demand-zeroing it if it is in the heap or stack).
uaddr:  addiu   $sp, $sp, -8
        sw      $ra, 0($sp)
        jal     dz_page                 # the entry, created if need be
        sw      $a1, 4($sp)
        lw      $a1, 4($sp)
        lw      $ra, 0($sp)
        beqz    $v0, 1f
        addiu   $sp, $sp, 8
        j       pte_kseg0               # returns to our caller
        nop
1:      jr      $ra
        nop

# pte_kseg0(v0 = a valid page-table entry, a1 = user address in its page): the kseg0 address
# of a1. A leaf: changes only v0 and t0.
pte_kseg0:
        srl     $v0, $v0, 12            # PFN
        sll     $v0, $v0, 12
        andi    $t0, $a1, 0xfff
        or      $v0, $v0, $t0
        lui     $t0, 0x8000
        jr      $ra
        or      $v0, $v0, $t0

# dz_page(p, va): the valid page-table entry of va in process p, or 0. An invalid entry of a
# page in the heap (below the break) or the stack region gets a fresh zero-filled page.
dz_page:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        bltz    $a1, 8f                 # kseg: never
        srl     $t0, $a1, 12
        sll     $t0, $t0, 2
        lw      $t1, P_PT($a0)
        addu    $s0, $t0, $t1           # &pte
        lw      $v0, 0($s0)
        andi    $t0, $v0, LO_V
        bnez    $t0, 9f                 # already valid
        nop
        lw      $t0, P_BRK($a0)
        lw      $t1, P_BRKBASE($a0)
        sltu    $t2, $a1, $t1
        bnez    $t2, 1f                 # below the heap: the stack?
        sltu    $t2, $a1, $t0
        bnez    $t2, 2f                 # in the heap, below the break
        nop
1:      li      $t1, STACK_LOW
        sltu    $t2, $a1, $t1
        bnez    $t2, 8f                 # neither heap nor stack
        nop
2:      move    $a0, $s0
        jal     pte_new
        li      $a1, LO_V | LO_D | PTE_OWN
        beqz    $v0, 9f                 # out of memory: treated as a bad address
        nop
        la      $t0, n_dzero
        lw      $t1, 0($t0)
        addiu   $t1, $t1, 1
        b       9f
        sw      $t1, 0($t0)
8:      move    $v0, $zero
9:      j       frame_return
        nop

# page_alloc(): a zero-filled page (kseg0 address), or 0 if there is none. Freed pages first.
page_alloc:
        la      $t0, freelist
        lw      $v0, 0($t0)
        beqz    $v0, 1f
        nop
        lw      $t1, 0($v0)             # a free page holds the next one's address
        b       2f
        sw      $t1, 0($t0)
1:      la      $t0, bump
        lw      $v0, 0($t0)
        la      $t1, free_limit
        lw      $t1, 0($t1)
        beq     $v0, $t1, 3f
        addiu   $t1, $v0, 0x1000
        sw      $t1, 0($t0)
2:      move    $t0, $v0
        addiu   $t1, $v0, 0x1000
4:      sw      $zero, 0($t0)
        addiu   $t0, $t0, 4
        bne     $t0, $t1, 4b
        nop
        jr      $ra
        nop
3:      jr      $ra
        move    $v0, $zero

# pte_new(a0 = &pte, a1 = EntryLo bits): gives the entry's page a fresh zero-filled page and
# stores its PFN | a1 at &pte. Returns that entry, or 0 (the entry untouched) if memory is
# exhausted. Keeps its return address in t3: page_alloc is a leaf that uses only t0, t1, v0.
pte_new:
        move    $t3, $ra
        jal     page_alloc
        nop
        beqz    $v0, 1f
        nop
        li      $t0, 0x1ffff000
        and     $v0, $v0, $t0           # PFN
        or      $v0, $v0, $a1
        sw      $v0, 0($a0)
1:      jr      $t3
        nop

# page_free(page)
page_free:
        la      $t0, freelist
        lw      $t1, 0($t0)
        sw      $t1, 0($a0)
        jr      $ra
        sw      $a0, 0($t0)

# unmap_range(start, end, pt): clears the page-table entries of [start, end) and frees the
# private pages they map (PTE_OWN); the shared code pages of the built-in programs stay.
unmap_range:
        move    $t9, $ra
        jal     frame_enter
        addiu   $sp, $sp, -FRAME
        move    $s1, $a1
        move    $s2, $a2
1:      sltu    $t0, $s0, $s1
        beqz    $t0, 3f
        srl     $t0, $s0, 12
        sll     $t0, $t0, 2
        addu    $t0, $t0, $s2
        lw      $t1, 0($t0)
        sw      $zero, 0($t0)
        andi    $t2, $t1, PTE_OWN
        beqz    $t2, 2f
        srl     $a0, $t1, 12
        sll     $a0, $a0, 12
        lui     $t2, 0x8000
        jal     page_free
        or      $a0, $a0, $t2
2:      b       1b
        addiu   $s0, $s0, 0x1000
3:      j       frame_return
        nop
