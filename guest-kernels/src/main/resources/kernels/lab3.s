# lab3: the kernel of exercise 3 of the course labs (docs/labs/ex3.md): user-mode accesses through
# the TLB, which a trap-and-emulate VMM runs directly through shadow entries in the real TLB (a
# guest virtual page under a host ASID -> a host physical page), made from the guest's own TLB
# entries when a direct run faults. On the bare machine this is ordinary TLB use; under a VMM a
# shadow entry that outlives the guest entry it was made from (a missed invalidation, a global
# entry's shadows under other ASIDs, host ASIDs recycled without a flush), or one made wrongly (off
# the partition, without the guest's D bit, under another process's ASID, for a device) shows as a
# line that differs from the bare machine's.
#
# Processes are ASIDs. Process a's page table maps the 16 pages from 0x00400000, page i onto its
# own frame, FRAMES + (16a + i) pages, whose first word is 0x50000000 | a << 16 | i; page 4 is
# clean (no D), page 5 has no valid entry. The UTLB refill handler reads it (and writes an invalid
# entry for any other page). The kernel writes other entries itself with TLBWI, into slots 0..7
# (which TLBWR never replaces): the user routines' page, global, in slot 0, and pages outside the
# page tables in slots 2..5. The user routines (uload, ustore, ...) run with ucall under an ASID
# and end with a system call, or with the exception they take.
#
# Each line shows what a user-mode access found:
#   refill     process 1 loads its pages through the refill handler, stores and loads back, and
#              finds no valid entry for page 5 (TLBL at the general vector)
#   clean page a store to page 4 takes Mod, even after a load ran through its entry; the kernel
#              sets D with TLBWI, and the store goes through
#   replace    TLBWI over a valid entry: the page mapped onto another frame, then the slot given to
#              another ASID
#   global     a global entry loaded through by three processes, then replaced
#   asid       two processes, one virtual page, two frames
#   recycle    256 process switches: over the 64 ASIDs (more than a VMM's 63 host ASIDs) twice,
#              and back to process 1 after each; each process loads its own page 0
#   device     user mode writes a line to the console through its mapping of the serial card
#   past RAM   user mode stores to and loads from a mapping of the first frame past RAM: bus errors
# Then the number of refills the handler made. Powers off with exit code 0.

        .set    noreorder
        .include "lib/machine.s"

        .equ    EXC_DBE, 7
        .equ    LO_N, 0x800
        .equ    RAMSZ, 0xbfff7e00       # mainboard: RAM size in bytes
        .equ    UPAGES, 0x00400000      # the 16 pages of each process's page table
        .equ    PT, 0x80100000          # the page tables: 64 processes x 16 entries
        .equ    FRAMES, 0x80200000      # the processes' frames: 64 x 16 pages
        .equ    SPECIAL, 0x80700000     # frames the kernel maps itself, first word 0x52..., 0x47...
        .equ    RV, 0x00800000          # the page of the replace lines
        .equ    GV, 0x00900000          # the page of the global lines
        .equ    DV, 0x00a00000          # the page mapped onto the serial card
        .equ    PV, 0x00b00000          # the page mapped past RAM
        .equ    SERIAL_PHYS, 0x1fe00000

        .section .vectors
# The UTLB refill handler: EntryHi holds the missing page and the ASID; the entry is process
# ASID's, page (VPN & 15), if the page is one of the 16 from UPAGES, else invalid.
utlb:   mfc0    $k0, $10                # EntryHi
        nop
        srl     $k1, $k0, 16
        xori    $k1, $k1, UPAGES >> 16
        bnez    $k1, 1f                 # not a page-table page: an invalid entry
        move    $k1, $zero
        srl     $k1, $k0, 10
        andi    $k1, $k1, 0x3c          # page << 2
        andi    $k0, $k0, 0xfc0         # ASID << 6: the process's table, 16 words
        or      $k0, $k0, $k1
        li      $k1, PT
        addu    $k0, $k0, $k1
        lw      $k1, 0($k0)
1:      mtc0    $k1, $2                 # EntryLo
        tlbwr
        la      $k0, refills
        lw      $k1, 0($k0)
        nop
        addiu   $k1, $k1, 1
        sw      $k1, 0($k0)
        mfc0    $k0, $14                # EPC
        nop
        jr      $k0
        rfe
        .org    0x80
        j       general                 # 0x80000080: general exception
        nop

        .text
        .globl  __start
__start:
        mtc0    $zero, $12              # Status: BEV off, kernel mode, interrupts off
        la      $a0, s_title
        jal     puts
        nop
        la      $a0, ustart             # the user routines: global, read-only, from slot 0
        la      $a1, uend
        jal     map_code
        nop

        li      $s0, 0                  # the page tables and the frames' first words:
        li      $s1, FRAMES             # s0 = 16a + i, s1 = the frame, s2 = the entry
        li      $s2, PT
1:      srl     $t0, $s0, 4
        sll     $t0, $t0, 16
        andi    $t1, $s0, 15
        or      $t0, $t0, $t1
        lui     $t2, 0x5000
        or      $t0, $t0, $t2
        sw      $t0, 0($s1)             # 0x50000000 | a << 16 | i
        li      $t2, 0x1fffffff
        and     $t0, $s1, $t2
        ori     $t3, $t0, LO_V | LO_D   # valid and dirty,
        li      $t2, 4
        bne     $t1, $t2, 2f
        nop
        ori     $t3, $t0, LO_V          # page 4 clean,
2:      li      $t2, 5
        bne     $t1, $t2, 3f
        nop
        move    $t3, $zero              # page 5 no valid entry
3:      sw      $t3, 0($s2)
        addiu   $s0, $s0, 1
        addiu   $s1, $s1, 0x1000
        sltiu   $t0, $s0, 64 * 16
        bnez    $t0, 1b
        addiu   $s2, $s2, 4
        li      $t0, SPECIAL            # the kernel's own frames: 0x52000001..3, 0x47000001..2
        li      $t1, 0x52000001
        sw      $t1, 0x0000($t0)
        li      $t1, 0x52000002
        sw      $t1, 0x1000($t0)
        li      $t1, 0x52000003
        sw      $t1, 0x2000($t0)
        li      $t1, 0x47000001
        sw      $t1, 0x3000($t0)
        li      $t1, 0x47000002
        sw      $t1, 0x4000($t0)

# refill: process 1's pages through the handler.
        li      $s0, UPAGES
1:      la      $a0, uload
        move    $a1, $s0
        li      $a3, 1
        la      $t9, s_refill_load
        jal     run
        nop
        li      $t0, UPAGES + 0x3000
        bne     $s0, $t0, 1b
        addiu   $s0, $s0, 0x1000
        la      $a0, ustore
        li      $a1, UPAGES + 0x3008
        li      $a2, 0xabcd
        li      $a3, 1
        la      $t9, s_refill_store
        jal     run
        nop
        li      $t0, FRAMES + (16 + 3) * 0x1000
        la      $a0, s_refill_frame
        jal     show
        lw      $a1, 8($t0)
        la      $a0, uload
        li      $a1, UPAGES + 0x5000
        li      $a3, 1
        la      $t9, s_refill_load
        jal     run
        nop

# clean page: a store to page 4, first after a load through its entry.
        la      $a0, uloadstore
        li      $a1, UPAGES + 0x4000
        li      $a2, 0xc1ea
        li      $a3, 1
        la      $t9, s_clean_mod
        jal     run
        nop
        li      $t0, PT + (16 + 4) * 4  # the kernel makes it dirty: the page table and the TLB
        lw      $t1, 0($t0)
        nop
        ori     $t1, $t1, LO_D
        sw      $t1, 0($t0)
        li      $t0, (UPAGES + 0x4000) | (1 << 6)
        mtc0    $t0, $10
        nop
        tlbp
        mtc0    $t1, $2
        nop
        tlbwi
        la      $a0, ustore
        li      $a1, UPAGES + 0x4000
        li      $a2, 0xc1ea
        li      $a3, 1
        la      $t9, s_clean_dirty
        jal     run
        nop

# replace: slot 2, page RV.
        li      $a0, 2
        li      $a1, RV | (1 << 6)
        li      $a2, (SPECIAL & 0x1fffffff) | LO_V | LO_D
        jal     tlbset
        nop
        la      $a0, uload
        li      $a1, RV
        li      $a3, 1
        la      $t9, s_replace_1
        jal     run
        nop
        li      $a0, 2
        li      $a1, RV | (1 << 6)
        li      $a2, ((SPECIAL + 0x1000) & 0x1fffffff) | LO_V | LO_D
        jal     tlbset
        nop
        la      $a0, uload
        li      $a1, RV
        li      $a3, 1
        la      $t9, s_replace_frame
        jal     run
        nop
        li      $a0, 2
        li      $a1, RV | (2 << 6)
        li      $a2, ((SPECIAL + 0x2000) & 0x1fffffff) | LO_V | LO_D
        jal     tlbset
        nop
        la      $a0, uload
        li      $a1, RV
        li      $a3, 1
        la      $t9, s_replace_asid
        jal     run
        nop
        la      $a0, uload
        li      $a1, RV
        li      $a3, 2
        la      $t9, s_replace_2
        jal     run
        nop

# global: slot 3, page GV, written with ASID 1 in EntryHi but G in EntryLo.
        li      $a0, 3
        li      $a1, GV | (1 << 6)
        li      $a2, ((SPECIAL + 0x3000) & 0x1fffffff) | LO_V | LO_D | LO_G
        jal     tlbset
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 1
        la      $t9, s_global_1
        jal     run
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 2
        la      $t9, s_global_2
        jal     run
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 3
        la      $t9, s_global_3
        jal     run
        nop
        li      $a0, 3
        li      $a1, GV | (1 << 6)
        li      $a2, ((SPECIAL + 0x4000) & 0x1fffffff) | LO_V | LO_D | LO_G
        jal     tlbset
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 1
        la      $t9, s_global_new_1
        jal     run
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 2
        la      $t9, s_global_new_2
        jal     run
        nop
        la      $a0, uload
        li      $a1, GV
        li      $a3, 3
        la      $t9, s_global_new_3
        jal     run
        nop

# asid: processes 2, 1 and 2 load their own page 0.
        la      $a0, uload
        li      $a1, UPAGES
        li      $a3, 2
        la      $t9, s_asid_2
        jal     run
        nop
        la      $a0, uload
        li      $a1, UPAGES
        li      $a3, 1
        la      $t9, s_asid_1
        jal     run
        nop
        la      $a0, uload
        li      $a1, UPAGES
        li      $a3, 2
        la      $t9, s_asid_2
        jal     run
        nop

# recycle: processes 1..63, 0, 1..63, 0, each followed by process 1, the first process there was,
# each loading its page 0; s1 counts the loads that find 0x50000000 | a << 16, the process's own.
        li      $s0, 0
        li      $s1, 0
1:      addiu   $s0, $s0, 1
        jal     own
        andi    $a0, $s0, 63
        jal     own
        li      $a0, 1
        sltiu   $t0, $s0, 128
        bnez    $t0, 1b
        nop
        la      $a0, s_recycle
        jal     puts
        nop
        jal     putdec
        move    $a0, $s1
        la      $a0, s_recycle_own
        jal     puts
        nop
        la      $a0, uload
        li      $a1, RV
        li      $a3, 2
        la      $t9, s_recycle_2
        jal     run
        nop

# device: slot 4, page DV onto the serial card (uncached, writable).
        li      $a0, 4
        li      $a1, DV | (1 << 6)
        li      $a2, SERIAL_PHYS | LO_N | LO_D | LO_V
        jal     tlbset
        nop
        la      $a0, uputs
        li      $a1, DV
        la      $a2, s_user
        li      $t0, 0x1fffffff
        and     $a2, $a2, $t0           # its kuseg address
        jal     ucall
        li      $a3, 1
        li      $t0, EXC_SYS
        beq     $v0, $t0, 1f
        nop
        la      $a0, s_device_took      # the line did not get through
        jal     puts
        nop
        jal     excname
        move    $a0, $v0
        jal     putc
        li      $a0, '\n'

# past RAM: slot 5, page PV onto the first frame past the RAM the mainboard reports.
1:      li      $t0, RAMSZ
        lw      $s0, 0($t0)
        la      $a0, s_past
        jal     show
        move    $a1, $s0
        li      $a0, 5
        li      $a1, PV | (1 << 6)
        jal     tlbset
        ori     $a2, $s0, LO_D | LO_V
        la      $a0, ustore
        li      $a1, PV
        li      $a2, 0x600d
        li      $a3, 1
        la      $t9, s_past_store
        jal     run
        nop
        la      $a0, uload
        li      $a1, PV
        li      $a3, 1
        la      $t9, s_past_load
        jal     run
        nop

        la      $a0, s_done
        jal     puts
        nop
        la      $t0, refills
        jal     putdec
        lw      $a0, 0($t0)
        la      $a0, s_times
        jal     puts
        nop
        jal     poweroff
        move    $a0, $zero

# The general exception vector: only user mode's exceptions are expected; each ends the ucall.
general:
        mfc0    $k0, $12
        nop
        andi    $k0, $k0, ST_KUP
        beqz    $k0, panic              # from kernel mode
        nop
        mfc0    $v0, $13
        mfc0    $v1, $8                 # BadVAddr
        andi    $v0, $v0, 0x7c
        srl     $v0, $v0, 2             # ExcCode
        li      $k0, EXC_SYS
        bne     $v0, $k0, 1f
        nop
        move    $v1, $a0                # a system call: the routine's result
1:      la      $k0, ucall_ra
        lw      $k0, 0($k0)
        nop
        jr      $k0                     # back in ucall's caller, in kernel mode
        nop

# ucall(a0 = a user routine's kseg0 address, a1, a2 = its arguments, a3 = the ASID): runs the
# routine in user mode, at its kuseg address, with a0 = a1 and a1 = a2, until it makes a system
# call or takes an exception. Returns v0 = its ExcCode (EXC_SYS for the system call) and v1 = the
# routine's a0 after a system call, else BadVAddr.
ucall:  la      $t0, ucall_ra
        sw      $ra, 0($t0)
        sll     $t0, $a3, 6
        mtc0    $t0, $10                # EntryHi: the process's ASID
        li      $t0, 0x1fffffff
        and     $t0, $a0, $t0
        move    $a0, $a1
        move    $a1, $a2
        li      $t1, ST_KUP             # rfe: user mode, interrupts off
        mtc0    $t1, $12
        jr      $t0
        rfe

# run(a0 = routine, a1 = address, a2 = value, a3 = ASID, t9 = the line's start): ucall, then
# prints the line: its start, the address, ": ", and the word the routine returned, or the
# exception it took (with BadVAddr for a TLB exception). Uses s2..s6.
run:    move    $s4, $ra
        move    $s5, $t9
        jal     ucall
        move    $s3, $a1                # the address
        move    $s2, $v0
        move    $s6, $v1
        jal     puts
        move    $a0, $s5
        jal     puthex
        move    $a0, $s3
        la      $a0, s_colon
        jal     puts
        nop
        li      $t0, EXC_SYS
        bne     $s2, $t0, 1f
        nop
        jal     puthex
        move    $a0, $s6
        b       2f
        nop
1:      jal     excname
        move    $a0, $s2
        li      $t0, EXC_MOD
        sltu    $t1, $s2, $t0
        bnez    $t1, 2f
        li      $t0, EXC_TLBS + 1
        sltu    $t1, $s2, $t0
        beqz    $t1, 2f
        nop
        la      $a0, s_badvaddr
        jal     puts
        nop
        jal     puthex
        move    $a0, $s6
2:      jal     putc
        li      $a0, '\n'
        jr      $s4
        nop

# own(a0 = ASID): the process loads its page 0; s1 counts one if it finds its own first word.
own:    move    $s2, $ra
        move    $s3, $a0
        la      $a0, uload
        li      $a1, UPAGES
        jal     ucall
        move    $a3, $s3
        sll     $t0, $s3, 16
        lui     $t1, 0x5000
        or      $t0, $t0, $t1
        li      $t1, EXC_SYS
        bne     $v0, $t1, 1f
        nop
        bne     $v1, $t0, 1f
        nop
        addiu   $s1, $s1, 1
1:      jr      $s2
        nop

# excname(a0 = ExcCode): prints its name.
excname:
        sll     $a0, $a0, 2
        la      $t0, excnames
        addu    $t0, $t0, $a0
        lw      $a0, 0($t0)
        j       puts
        nop

# tlbset(a0 = slot, a1 = EntryHi, a2 = EntryLo): writes the TLB entry with TLBWI.
tlbset: sll     $a0, $a0, 8
        mtc0    $a0, $0
        mtc0    $a1, $10
        mtc0    $a2, $2
        nop
        tlbwi
        jr      $ra
        nop

# map_code(a0 = start, a1 = end): maps the kseg0 pages [start, end) into kuseg at virtual =
# physical address, global, read-only, in slots 0, 1, ...
map_code:
        li      $t0, 0x1ffff000
        and     $a0, $a0, $t0
        and     $a1, $a1, $t0
        move    $t2, $zero
1:      sltu    $t1, $a0, $a1
        beqz    $t1, 2f
        nop
        mtc0    $a0, $10
        ori     $t1, $a0, LO_V | LO_G
        mtc0    $t1, $2
        mtc0    $t2, $0
        nop
        tlbwi
        addiu   $t2, $t2, 1 << 8
        b       1b
        addiu   $a0, $a0, 0x1000
2:      jr      $ra
        nop

        .include "lib/console.s"
        .include "lib/show.s"
        .include "lib/trap.s"

        .text
        .align  12
ustart:                                 # user mode from here to uend
# uload(a0 = address): a0 = the word there.
uload:  lw      $a0, 0($a0)
        syscall
# ustore(a0 = address, a1 = value): stores it, a0 = the word loaded back.
ustore: sw      $a1, 0($a0)
        lw      $a0, 0($a0)
        syscall
# uloadstore(a0 = address, a1 = value): loads, stores, a0 = the word loaded back.
uloadstore:
        lw      $t0, 0($a0)
        sw      $a1, 0($a0)
        lw      $a0, 0($a0)
        syscall
# uputs(a0 = the serial card's registers, as mapped; a1 = a string): writes it, polling as
# lib/console.s does.
uputs:  lbu     $t0, 0($a1)
        beqz    $t0, 3f
        addiu   $a1, $a1, 1
        sw      $t0, SERIAL_CHAR($a0)
2:      lw      $t1, SERIAL_WIRQ($a0)
        andi    $t1, $t1, WIRQ_CMPL
        beqz    $t1, 2b
        nop
        b       uputs
        sw      $zero, SERIAL_WIRQ($a0)
3:      syscall
s_user: .asciiz "  device: user mode writes this line through its mapping of the serial card\n"
        .align  12
uend:

        .rodata
s_title:        .asciiz "lab3: the shadow TLB refill, invalidation and the ASID map\n"
s_refill_load:  .asciiz "  refill: ASID 1 loads "
s_refill_store: .asciiz "  refill: ASID 1 stores 0x0000abcd and loads back at "
s_refill_frame: .asciiz "  refill: the kernel finds in that frame "
s_clean_mod:    .asciiz "  clean page: ASID 1 loads, then stores at "
s_clean_dirty:  .asciiz "  clean page: the kernel sets D (TLBP, TLBWI); ASID 1 stores 0x0000c1ea and loads back at "
s_replace_1:    .asciiz "  replace: slot 2 maps the page for ASID 1; ASID 1 loads "
s_replace_frame: .asciiz "  replace: TLBWI maps it onto another frame; ASID 1 loads "
s_replace_asid: .asciiz "  replace: TLBWI gives the slot to ASID 2; ASID 1 loads "
s_replace_2:    .asciiz "  replace: ASID 2 loads "
s_global_1:     .asciiz "  global: slot 3 maps the page for every ASID; ASID 1 loads "
s_global_2:     .asciiz "  global: ASID 2 loads "
s_global_3:     .asciiz "  global: ASID 3 loads "
s_global_new_1: .asciiz "  global: TLBWI maps it onto another frame; ASID 1 loads "
s_global_new_2: .asciiz "  global: ASID 2 loads "
s_global_new_3: .asciiz "  global: ASID 3 loads "
s_asid_1:       .asciiz "  asid: ASID 1 loads "
s_asid_2:       .asciiz "  asid: ASID 2 loads "
s_recycle:      .asciiz "  recycle: the 64 ASIDs twice, process 1 after each; loads of page 0 that found the process's own: "
s_recycle_own:  .asciiz " of 256\n"
s_recycle_2:    .asciiz "  recycle: then ASID 2 loads "
s_device_took:  .asciiz "  device: user mode's line did not get through: "
s_past:         .asciiz "  past RAM: the page is mapped onto the first frame past RAM, "
s_past_store:   .asciiz "  past RAM: ASID 1 stores 0x0000600d and loads back at "
s_past_load:    .asciiz "  past RAM: ASID 1 loads "
s_done:         .asciiz "lab3: done; the UTLB refill handler made "
s_times:        .asciiz " refills\n"
s_colon:        .asciiz ": "
s_badvaddr:     .asciiz ", BadVAddr "
n_int:  .asciiz "Int"
n_mod:  .asciiz "Mod"
n_tlbl: .asciiz "TLBL"
n_tlbs: .asciiz "TLBS"
n_adel: .asciiz "AdEL"
n_ades: .asciiz "AdES"
n_ibe:  .asciiz "IBE"
n_dbe:  .asciiz "DBE"
n_sys:  .asciiz "Sys"
n_bp:   .asciiz "Bp"
n_ri:   .asciiz "RI"
n_cpu:  .asciiz "CpU"
n_ov:   .asciiz "Ov"
n_13:   .asciiz "ExcCode 13"
n_14:   .asciiz "ExcCode 14"
n_15:   .asciiz "ExcCode 15"
        .align  2
excnames:
        .word   n_int, n_mod, n_tlbl, n_tlbs, n_adel, n_ades, n_ibe, n_dbe
        .word   n_sys, n_bp, n_ri, n_cpu, n_ov, n_13, n_14, n_15

        .data
        .align  2
refills:    .word 0
ucall_ra:   .word 0
