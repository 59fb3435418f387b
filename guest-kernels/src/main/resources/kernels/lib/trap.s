# lib/trap.s: helpers for kernels that take exceptions: a panic that reports an unexpected
# exception, mapping a kernel-image region into kuseg for user code, and entering user mode.

        .text
# panic: jump here (j panic) from an exception vector on an exception the kernel does not
# expect. Prints Cause, EPC, BadVAddr and Status and powers off with exit code 1.
panic:  la      $sp, panic_stack
        la      $a0, s_panic
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $13                # Cause
        la      $a0, s_epc
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $14                # EPC
        la      $a0, s_badva
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $8                 # BadVAddr
        la      $a0, s_status
        jal     puts
        nop
        jal     puthex
        mfc0    $a0, $12                # Status
        jal     putc
        li      $a0, '\n'
        jal     poweroff
        li      $a0, 1

# map_user(a0 = start, a1 = end): maps the kseg0 pages [start, end) of the kernel image into
# kuseg at virtual = physical address, read-only, ASID 0, in TLB slots 0, 1, ... (slots 0..7 are
# never replaced by tlbwr). User code linked at kseg0 addresses runs there unchanged: jal and
# branches keep the low 28 bits of the pc. Returns the next free slot in v0.
map_user:
        li      $t0, 0x1ffff000
        and     $a0, $a0, $t0           # physical page = virtual page
        and     $a1, $a1, $t0
        move    $v0, $zero
1:      sltu    $t1, $a0, $a1
        beqz    $t1, 2f
        nop
        mtc0    $a0, $10                # EntryHi: VPN, ASID 0
        ori     $t1, $a0, LO_V          # EntryLo: PFN, valid, not writable
        mtc0    $t1, $2
        sll     $t1, $v0, 8
        mtc0    $t1, $0                 # Index
        tlbwi
        addiu   $v0, $v0, 1
        b       1b
        addiu   $a0, $a0, 0x1000
2:      jr      $ra
        nop

# enter_user(a0 = kseg0 address of user code, a1 = Status bits for user mode: IEp, IM):
# continues at the kuseg alias of a0 in user mode. Registers other than k0 are passed as they are.
enter_user:
        li      $k0, 0x1fffffff
        and     $k0, $a0, $k0
        ori     $a1, $a1, ST_KUP        # rfe moves KUp/IEp into KUc/IEc
        mtc0    $a1, $12
        jr      $k0
        rfe

        .rodata
s_panic:  .asciiz "panic: unexpected exception: Cause "
s_epc:    .asciiz " EPC "
s_badva:  .asciiz " BadVAddr "
s_status: .asciiz " Status "

        .bss
        .space  1024
panic_stack:
