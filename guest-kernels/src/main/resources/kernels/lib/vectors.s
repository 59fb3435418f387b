# lib/vectors.s: exception vectors for a kernel that takes no TLB refill: the UTLB refill
# vector panics, the general exception vector jumps to the kernel's own `general`.
# Include it right after lib/machine.s; it needs lib/trap.s (panic).

        .section .vectors
        j       panic                   # 0x80000000: UTLB refill: not expected here
        nop
        .org    0x80
        j       general                 # 0x80000080: general exception
        nop
