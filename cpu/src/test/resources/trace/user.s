# trace/user: user mode, TLB refills, a syscall, a LAMEbus interrupt out of WAIT, as System/161's
# trace shows them (u, t, x, i). The kernel maps user page 0x00400000 + n to physical page 1 + n
# on each UTLB miss (the code page is mapped beforehand: System/161 would fault the fetch at the
# kernel's jump, docs/machine.md §8), runs four user instructions at 0x00400000 that store to and load from their
# data page and make a syscall, then waits for the timer card's interrupt, dumps the state
# through the trace card and powers off. Only what System/161 has: see README.md here.
        .set    noreorder
        .text
        .globl  __start
utlb:   mfc0    $k0, $8                 # 0x80000000: BadVAddr
        lui     $k1, 0x003f
        ori     $k1, $k1, 0xf000
        subu    $k0, $k0, $k1           # page n -> physical page 1 + n
        srl     $k0, $k0, 12
        sll     $k0, $k0, 12
        ori     $k0, $k0, 0x600         # D V
        mtc0    $k0, $2
        nop
        tlbwr
        mfc0    $k0, $14
        jr      $k0
        rfe
        .space  0x4c                    # to 0x80
gen:    mfc0    $k0, $13                # 0x80000080: Cause
        andi    $k0, $k0, 0x7c
        li      $k1, 8 << 2
        beq     $k0, $k1, sys
        nop
        bne     $k0, $zero, die         # anything but a syscall or an interrupt
        nop
        lui     $k1, 0xbfe0             # the timer's interrupt: acknowledge it
        lw      $k0, 12($k1)
        j       die
        nop
sys:    mtc0    $zero, $12              # back in kernel mode, not to the user program
        la      $k0, after
        jr      $k0
        rfe
die:    lui     $t8, 0xbffe             # DUMP, then power off
        ori     $t8, $t8, 12
        li      $t7, 0xdead
        sw      $t7, 0($t8)
        lui     $t8, 0xbfff
        ori     $t8, $t8, 0x7e08
        sw      $zero, 0($t8)
1:      j       1b
        nop

__start:
        mtc0    $zero, $12              # Status: BEV clear, kernel mode
        li      $t0, 0x00400000         # TLB entry 0: the code page, ASID 0
        mtc0    $t0, $10
        li      $t1, 0x00001200         # physical page 1, V, not dirty
        mtc0    $t1, $2
        mtc0    $zero, $0
        nop
        tlbwi
        li      $t1, 0x08               # KUp = 1: rfe enters user mode
        mtc0    $t1, $12
        jr      $t0
        rfe
after:  li      $t0, 0x0401             # IM: the LAMEbus line; IEc
        lui     $t1, 0xbfe0
        li      $t2, 10
        sw      $t2, 16($t1)            # timer: interrupt in 10 microseconds
        mtc0    $t0, $12
        .word   0x42000020              # wait
        nop
        j       die
        nop

        .align  12                      # physical 0x1000: user page 0x00400000
ucode:  lui     $t0, 0x0040
        sw      $t0, 0x1000($t0)        # data page 0x00401000: a TLB miss on the store
        lw      $t1, 0x1000($t0)
        syscall
