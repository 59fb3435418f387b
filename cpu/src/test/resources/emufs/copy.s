# emufs/copy: a kernel that uses the emulator file system card in slot 2 (kseg1 0xbfe20000) as
# OS/161's emu driver does: it copies in.txt (INSIZE bytes) to a new out.txt in 4 KiB reads and
# writes, lists the root directory on the console, truncates trunc.txt to 5 bytes, and checks
# that a name with '..' leaving the root and an exclusive create of an existing file are refused.
# Each operation is started by writing OPER; the kernel waits (WAIT, interrupts off) until the
# card's line rises, reads RESULT and acknowledges it by writing 0. Names go into the card's
# buffer byte by byte, and listed names come out of it byte by byte.
# Run by vm3000.cpu.dev.EmufsGuestTest with a configuration that has "2 emufs dir=ROOT".
        .include "../guest/lib/harness.s"
        .equ    EMU, 0xbfe20000
        .equ    EBUF, 0xbfe28000
        .equ    HANDLE, 0
        .equ    OFFSET, 4
        .equ    IOLEN, 8
        .equ    OPER, 12
        .equ    RESULT, 16
        .equ    OP_OPEN, 1
        .equ    OP_CREATE, 2
        .equ    OP_EXCLCREATE, 3
        .equ    OP_CLOSE, 4
        .equ    OP_READ, 5
        .equ    OP_READDIR, 6
        .equ    OP_WRITE, 7
        .equ    OP_GETSIZE, 8
        .equ    OP_TRUNC, 9
        .equ    INSIZE, 20000
        .equ    CHUNK, 4096
        .equ    NCHUNKS, 5              # INSIZE / CHUNK, rounded up

        .text
        .globl  __start
__start:
        mtc0    $zero, $12
        lui     $s7, 0x8000
        li      $s0, EMU

        la      $a0, n_in               # open in.txt
        move    $a1, $zero
        jal     openat
        li      $a2, OP_OPEN
        move    $s1, $v1
        la      $a0, m_open
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 1

        sw      $s1, HANDLE($s0)        # its size
        jal     emuop
        li      $a0, OP_GETSIZE
        la      $a0, m_size
        lw      $a1, IOLEN($s0)
        li      $a2, INSIZE
        jal     check
        li      $a3, 2

        la      $a0, n_out              # create out.txt
        move    $a1, $zero
        jal     openat
        li      $a2, OP_CREATE
        move    $s2, $v1
        la      $a0, m_create
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 3

        move    $s3, $zero              # s3: offset, s4: chunks copied
        move    $s4, $zero
copy:   sw      $s1, HANDLE($s0)
        sw      $s3, OFFSET($s0)
        li      $t0, CHUNK
        sw      $t0, IOLEN($s0)
        jal     emuop
        li      $a0, OP_READ
        li      $t0, 1
        bne     $v0, $t0, iofail
        lw      $s5, IOLEN($s0)
        beqz    $s5, copied
        nop
        sw      $s2, HANDLE($s0)        # the data is in the buffer: write it back out
        sw      $s3, OFFSET($s0)
        sw      $s5, IOLEN($s0)
        jal     emuop
        li      $a0, OP_WRITE
        li      $t0, 1
        bne     $v0, $t0, iofail
        lw      $t0, IOLEN($s0)
        bne     $t0, $s5, iofail
        addu    $s3, $s3, $s5
        b       copy
        addiu   $s4, $s4, 1
iofail: la      $a0, m_io
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 4
copied: la      $a0, m_copied
        move    $a1, $s3
        li      $a2, INSIZE
        jal     check
        li      $a3, 5
        la      $a0, m_chunks
        move    $a1, $s4
        li      $a2, NCHUNKS
        jal     check
        li      $a3, 6

        sw      $s1, HANDLE($s0)        # close both
        jal     emuop
        li      $a0, OP_CLOSE
        la      $a0, m_close_in
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 7
        sw      $s2, HANDLE($s0)
        jal     emuop
        li      $a0, OP_CLOSE
        la      $a0, m_close_out
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 8

        sw      $zero, HANDLE($s0)      # list the root, handle 0, one name per READDIR
        sw      $zero, OFFSET($s0)
list:   li      $t0, 255
        sw      $t0, IOLEN($s0)
        jal     emuop
        li      $a0, OP_READDIR
        li      $t0, 1
        bne     $v0, $t0, iofail
        lw      $t0, IOLEN($s0)
        beqz    $t0, listed
        nop
        li      $t1, EBUF
        la      $t2, namebuf
1:      lbu     $t3, 0($t1)
        sb      $t3, 0($t2)
        addiu   $t1, $t1, 1
        addiu   $t0, $t0, -1
        bnez    $t0, 1b
        addiu   $t2, $t2, 1
        sb      $zero, 0($t2)
        la      $a0, namebuf
        jal     puts
        nop
        la      $a0, s_nl
        jal     puts
        nop
        b       list                    # ROFF has moved on to the next entry
        nop
listed:
        la      $a0, n_trunc            # truncate trunc.txt to 5 bytes
        move    $a1, $zero
        jal     openat
        li      $a2, OP_OPEN
        move    $s6, $v1
        la      $a0, m_open_trunc
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 9
        sw      $s6, HANDLE($s0)
        li      $t0, 5
        sw      $t0, IOLEN($s0)
        jal     emuop
        li      $a0, OP_TRUNC
        la      $a0, m_trunc
        move    $a1, $v0
        li      $a2, 1
        jal     check
        li      $a3, 10
        sw      $s6, HANDLE($s0)
        jal     emuop
        li      $a0, OP_CLOSE

        la      $a0, n_escape           # '..' above the root: bad pathname (4)
        move    $a1, $zero
        jal     openat
        li      $a2, OP_OPEN
        la      $a0, m_escape
        move    $a1, $v0
        li      $a2, 4
        jal     check
        li      $a3, 11

        la      $a0, n_out              # out.txt exists: file exists (6)
        move    $a1, $zero
        jal     openat
        li      $a2, OP_EXCLCREATE
        la      $a0, m_excl
        move    $a1, $v0
        li      $a2, 6
        jal     check
        li      $a3, 12

        j       exit
        move    $a0, $zero

# emuop(a0 = operation): starts it, waits for the result, acknowledges it; v0 = the result code.
emuop:  sw      $a0, OPER($s0)
        .set    push
        .set    mips32                  # GNU as calls WAIT MIPS32 (OS/161 says the same)
1:      wait
        .set    pop
        lw      $v0, RESULT($s0)
        beqz    $v0, 1b
        nop
        jr      $ra
        sw      $zero, RESULT($s0)

# openat(a0 = NUL-terminated name, a1 = directory handle, a2 = OPEN/CREATE/EXCLCREATE):
# v0 = the result code, v1 = the handle the card returns.
openat: move    $t9, $ra
        li      $t0, EBUF
        move    $t1, $zero
1:      lbu     $t2, 0($a0)
        beqz    $t2, 2f
        addiu   $a0, $a0, 1
        sb      $t2, 0($t0)
        addiu   $t0, $t0, 1
        b       1b
        addiu   $t1, $t1, 1
2:      sw      $t1, IOLEN($s0)
        sw      $a1, HANDLE($s0)
        jal     emuop
        move    $a0, $a2
        lw      $v1, HANDLE($s0)
        jr      $t9
        nop

        .rodata
n_in:   .asciiz "in.txt"
n_out:  .asciiz "out.txt"
n_trunc: .asciiz "trunc.txt"
n_escape: .asciiz "sub/../../secret"
m_open: .asciiz "open in.txt"
m_size: .asciiz "getsize in.txt"
m_create: .asciiz "create out.txt"
m_io:   .asciiz "read/write"
m_copied: .asciiz "copied every byte"
m_chunks: .asciiz "in 4 KiB chunks"
m_close_in: .asciiz "close in.txt"
m_close_out: .asciiz "close out.txt"
m_open_trunc: .asciiz "open trunc.txt"
m_trunc: .asciiz "truncate trunc.txt"
m_escape: .asciiz "'..' above the root refused"
m_excl: .asciiz "exclusive create of out.txt refused"

        .data
namebuf: .space 256
