# lib/machine.s: names for the machine's devices and CP0 bits (docs/machine.md, docs/devices.md).
# Only .equ lines: include it first, once, in every kernel.

        .equ    SERIAL, 0xbfe00000      # LAMEbus slot 0: serial console
        .equ    SERIAL_CHAR, 0x0        # write: send a character
        .equ    SERIAL_WIRQ, 0x4        # write-interrupt register
        .equ    WIRQ_CMPL, 0x2          # set when a write has completed; cleared by writing 0
        .equ    TIMER, 0xbffd0000       # LAMEbus slot 29: timer card
        .equ    TIMER_RESTART, 0x08     # nonzero: periodic
        .equ    TIMER_INTERRUPT, 0x0c   # read: 1 if the line is raised; reading lowers it
        .equ    TIMER_COUNTDOWN, 0x10   # microseconds (25 cycles each); writing starts it
        .equ    TRACE_EXIT, 0xbffe001c  # trace card: power off with the written exit code

        # CP0 registers, by number
        .equ    C0_INDEX, 0
        .equ    C0_RANDOM, 1
        .equ    C0_ENTRYLO, 2
        .equ    C0_CONTEXT, 4
        .equ    C0_BADVADDR, 8
        .equ    C0_COUNT, 9
        .equ    C0_ENTRYHI, 10
        .equ    C0_COMPARE, 11
        .equ    C0_STATUS, 12
        .equ    C0_CAUSE, 13
        .equ    C0_EPC, 14

        # Status bits
        .equ    ST_IEC, 0x01            # interrupts enabled (current)
        .equ    ST_KUC, 0x02            # user mode (current)
        .equ    ST_IEP, 0x04            # previous pair: what rfe restores
        .equ    ST_KUP, 0x08
        .equ    ST_IM2, 0x0400          # LAMEbus interrupts (timer card, serial)
        .equ    ST_IM7, 0x8000          # on-chip Count/Compare timer

        # EntryLo bits
        .equ    LO_G, 0x100
        .equ    LO_V, 0x200
        .equ    LO_D, 0x400

        # Cause.ExcCode values (Cause bits 6..2)
        .equ    EXC_INT, 0
        .equ    EXC_MOD, 1
        .equ    EXC_TLBL, 2
        .equ    EXC_TLBS, 3
        .equ    EXC_ADEL, 4
        .equ    EXC_ADES, 5
        .equ    EXC_SYS, 8

        .equ    KSEG0, 0x80000000       # kseg0 address = physical address + KSEG0
