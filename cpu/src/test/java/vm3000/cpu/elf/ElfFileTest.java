package vm3000.cpu.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.Program;
import vm3000.cpu.bus.Endian;

class ElfFileTest {
    static final String KERNEL = ".set noreorder\n.globl __start\n.section .vectors\nj __start\nnop\n.org 0x80\nrfe\n"
            + ".text\n__start: la $t0, msg\njr $ra\nnop\n.rodata\nmsg: .asciiz \"hello\"\n.data\nd: .word 0x11223344\n"
            + ".bss\nbuf: .space 64\n";

    static Program program(Endian endian) throws BadInputException {
        return Assembler.assemble(KERNEL, "k.s", Assembler.Options.defaults().withEndian(endian));
    }

    @ParameterizedTest
    @EnumSource(Endian.class)
    void writer_output_parsesBack(Endian endian) throws BadInputException {
        Program p = program(endian);
        ElfFile elf = ElfFile.parse(p.toElf(), "k.elf");
        assertEquals(endian, elf.endian());
        assertEquals(0x80001000, elf.entry());
        List<ElfFile.Segment> segs = elf.segments();
        assertEquals(5, segs.size());
        assertEquals(0x80000000, segs.get(0).vaddr());
        assertEquals(0x84, segs.get(0).memsz());
        assertEquals(0x80001000, segs.get(1).vaddr());
        ElfFile.Segment bss = segs.get(4);
        assertEquals(0, bss.filesz());
        assertEquals(64, bss.memsz());
        assertEquals(2, bss.flags() & 2);
        assertArrayEquals(p.section(".rodata").bytes(), elf.data(segs.get(2)));
        assertEquals(p.symbols().get("msg"), elf.symbol("msg"));
        assertEquals(0x80001000, elf.symbol("__start"));
        assertNull(elf.symbol("nothing"));
    }

    private static String error(byte[] bytes) {
        return assertThrows(BadInputException.class, () -> ElfFile.parse(bytes, "k.elf")).getMessage();
    }

    private static byte[] valid() throws BadInputException {
        return program(Endian.BIG).toElf();
    }

    private static void putHalf(byte[] b, int at, int v) { b[at] = (byte) (v >> 8); b[at + 1] = (byte) v; }

    private static void putWord(byte[] b, int at, int v) { putHalf(b, at, v >>> 16); putHalf(b, at + 2, v); }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /**
     * Program headers other than PT_LOAD are ignored, as a current GNU ld's PT_MIPS_ABIFLAGS and
     * PT_GNU_STACK must be (System/161 would reject them; docs/machine.md, section 7).
     */
    @Test
    void otherProgramHeaderTypes_areIgnored() throws BadInputException {
        byte[] b = valid();
        int phoff = word(b, 28);
        int phentsize = (b[42] & 0xFF) << 8 | (b[43] & 0xFF);
        putWord(b, phoff + 2 * phentsize, 0x7000_0003); // .rodata's header becomes PT_MIPS_ABIFLAGS
        putWord(b, phoff + 3 * phentsize, 0x6474_e551); // .data's becomes PT_GNU_STACK
        ElfFile elf = ElfFile.parse(b, "k.elf");
        assertEquals(List.of(0x80000000, 0x80001000, elf.segments().get(2).vaddr()),
                elf.segments().stream().map(ElfFile.Segment::vaddr).toList());
        assertEquals(3, elf.segments().size(), "the three PT_LOAD headers left");
        assertEquals(0, elf.segments().get(2).filesz(), ".bss");
    }

    @Test void notElf() { assertEquals("k.elf: not an ELF file", error("#!/bin/sh\n".getBytes())); }
    @Test void empty() { assertEquals("k.elf: not an ELF file", error(new byte[0])); }

    @Test
    void elf64_isRejected() throws BadInputException {
        byte[] b = valid();
        b[4] = 2;
        assertEquals("k.elf: 64-bit ELF not supported", error(b));
    }

    @Test
    void otherMachine_isRejected() throws BadInputException {
        byte[] b = valid();
        putHalf(b, 18, 62);
        assertEquals("k.elf: not a MIPS executable (e_machine 62)", error(b));
    }

    @Test
    void relocatable_isRejected() throws BadInputException {
        byte[] b = valid();
        putHalf(b, 16, 1);
        assertEquals("k.elf: not an executable (e_type 1)", error(b));
    }

    @Test
    void badDataEncoding_isRejected() throws BadInputException {
        byte[] b = valid();
        b[5] = 3;
        assertEquals("k.elf: bad ELF data encoding 3", error(b));
    }

    @Test
    void truncatedHeader() throws BadInputException {
        assertEquals("k.elf: truncated ELF header", error(Arrays.copyOf(valid(), 40)));
    }

    @Test
    void truncatedProgramHeaders() throws BadInputException {
        assertEquals("k.elf: truncated program header table", error(Arrays.copyOf(valid(), 60)));
    }

    @Test
    void segmentPastEndOfFile() throws BadInputException {
        byte[] b = valid();
        putWord(b, 52 + 32 + 16, 0x10000);
        putWord(b, 52 + 32 + 20, 0x10000);
        String msg = error(b);
        assertTrue(msg.startsWith("k.elf: segment 1 extends past end of file (offset 0x"), msg);
        assertTrue(msg.endsWith("size 0x10000)"), msg);
    }

    @Test
    void fileszGreaterThanMemsz() throws BadInputException {
        byte[] b = valid();
        putWord(b, 52 + 20, 4);
        assertEquals("k.elf: segment 0: filesz greater than memsz", error(b));
    }

    @Test
    void badProgramHeaderSize() throws BadInputException {
        byte[] b = valid();
        putHalf(b, 42, 56);
        assertEquals("k.elf: bad program header size 56", error(b));
    }

    @Test
    void truncatedSectionHeaders() throws BadInputException {
        byte[] b = valid();
        assertEquals("k.elf: truncated section header table", error(Arrays.copyOf(b, b.length - 1)));
    }

    @Test
    void fuzz_truncationsAndCorruptions_onlyBadInputOrSuccess() throws BadInputException {
        byte[] good = valid();
        byte[] goodLittle = program(Endian.LITTLE).toElf();
        Random random = new Random(3000);
        for (int i = 0; i < 20000; i++) {
            byte[] base = (i & 1) == 0 ? good : goodLittle;
            byte[] b = Arrays.copyOf(base, i % 3 == 0 ? random.nextInt(base.length + 1) : base.length);
            int flips = 1 + random.nextInt(6);
            for (int k = 0; k < flips && b.length > 0; k++) {
                // Mostly the headers, where the structure is.
                int at = random.nextInt(4) == 0 ? random.nextInt(b.length) : random.nextInt(Math.min(b.length, 200));
                b[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0 && b.length > 500) {
                int sh = b.length - 40 * (1 + random.nextInt(9));
                if (sh >= 0) b[sh + random.nextInt(40)] = (byte) random.nextInt(256);
            }
            try {
                ElfFile.parse(b, "f.elf");
            } catch (BadInputException e) {
                assertTrue(e.getMessage().startsWith("f.elf: "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }
}
