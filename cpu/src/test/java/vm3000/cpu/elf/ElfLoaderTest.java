package vm3000.cpu.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.Program;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalMemory;

class ElfLoaderTest {
    private static final int MiB = 1 << 20;

    private static ElfFile elf(String source, int base, Endian endian) throws BadInputException {
        Program p = Assembler.assemble(source, "k.s", new Assembler.Options(base, endian));
        return ElfFile.parse(p.toElf(), "k.elf");
    }

    @ParameterizedTest
    @EnumSource(Endian.class)
    void load_kernel_copiesSegmentsAndZeroesBss(Endian endian) throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(16 * MiB, endian);
        for (int a = 0; a < 0x2000; a += 4) ram.storeWord(a, 0xDEADBEEF);
        ElfFile elf = ElfFile.parse(ElfFileTest.program(endian).toElf(), "k.elf");
        LoadedImage image = ElfLoader.load(elf, ram);
        assertEquals(0x80001000, image.entry());
        assertEquals(0x08000400, ram.loadWord(0));
        assertEquals(0x42000010, ram.loadWord(0x80));
        int d = elf.symbol("d") & 0x1FFFFFFF;
        assertEquals(0x11223344, ram.loadWord(d));
        int buf = elf.symbol("buf") & 0x1FFFFFFF;
        for (int i = 0; i < 64; i += 4) assertEquals(0, ram.loadWord(buf + i));
        assertEquals(buf + 64, image.end());
        assertEquals('h', ram.loadByte(elf.symbol("msg") & 0x1FFFFFFF));
    }

    @Test
    void load_kseg1Segment_mapsToPhysical() throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(MiB, Endian.BIG);
        LoadedImage image = ElfLoader.load(elf("__start: .word 0x12345678", 0xA0002000, Endian.BIG), ram);
        assertEquals(0x12345678, ram.loadWord(0x2000));
        assertEquals(0x2004, image.end());
    }

    @Test
    void load_tooBigForRam_failsWithoutWriting() throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(64 * 1024, Endian.BIG);
        ElfFile elf = elf(".section .vectors\n.word 1\n.text\n.word 2\n.bss\n.space 0x20000", 0x80001000, Endian.BIG);
        String msg = assertThrows(BadInputException.class, () -> ElfLoader.load(elf, ram)).getMessage();
        assertEquals("k.elf: segment at 0x80001010 (size 0x20000) does not fit in 64 KiB of RAM", msg);
        assertEquals(0, ram.loadWord(0));
        assertEquals(0, ram.loadWord(0x1000));
    }

    @Test
    void load_kusegSegment_isRejected() throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(MiB, Endian.BIG);
        ElfFile elf = elf("nop", 0x00400000, Endian.BIG);
        String msg = assertThrows(BadInputException.class, () -> ElfLoader.load(elf, ram)).getMessage();
        assertEquals("k.elf: entry point 0x400000 is not in kseg0 or kseg1", msg);
    }

    @Test
    void load_segmentStraddlingKseg0AndKseg1_isRejected() throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(MiB, Endian.BIG);
        ElfFile elf = elf("nop\nnop", 0x9FFFFFFC, Endian.BIG);
        String msg = assertThrows(BadInputException.class, () -> ElfLoader.load(elf, ram)).getMessage();
        assertEquals("k.elf: segment at 0x9ffffffc (size 0x8) is not inside kseg0 or kseg1", msg);
    }

    @Test
    void load_endianMismatch_isRejected() throws BadInputException {
        PhysicalMemory ram = new PhysicalMemory(MiB, Endian.BIG);
        ElfFile elf = elf("nop", 0x80001000, Endian.LITTLE);
        String msg = assertThrows(BadInputException.class, () -> ElfLoader.load(elf, ram)).getMessage();
        assertEquals("k.elf: image is little-endian but the machine is big-endian", msg);
    }
}
