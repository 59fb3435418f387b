package vm3000.cpu.elf;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.PhysicalMemory;

/**
 * Copies the PT_LOAD segments of a kernel image into physical memory. Segments are linked in
 * kseg0 ({@code 0x80000000..0x9fffffff}) or kseg1 ({@code 0xa0000000..0xbfffffff}), which map to
 * physical {@code vaddr & 0x1fffffff}, as on the R3000. Every segment is checked before anything
 * is written, so a bad image leaves RAM untouched.
 */
public final class ElfLoader {
    private ElfLoader() {}

    private static final long KSEG0 = 0x80000000L;
    private static final long KSEG1 = 0xA0000000L;
    private static final long KSEG2 = 0xC0000000L;

    public static LoadedImage load(ElfFile elf, PhysicalMemory ram) throws BadInputException {
        String file = elf.file();
        if (elf.endian() != ram.endian()) {
            throw BadInputException.in(file, "image is " + name(elf.endian()) + "-endian but the machine is " + name(ram.endian()) + "-endian");
        }
        long entry = elf.entry() & 0xFFFFFFFFL;
        if (entry < KSEG0 || entry >= KSEG2) {
            throw BadInputException.in(file, "entry point 0x" + Long.toHexString(entry) + " is not in kseg0 or kseg1");
        }
        long end = 0;
        for (ElfFile.Segment s : elf.segments()) {
            long vaddr = s.vaddr() & 0xFFFFFFFFL;
            long memsz = s.memsz() & 0xFFFFFFFFL;
            if (memsz == 0) continue;
            long last = vaddr + memsz - 1;
            boolean kseg0 = vaddr >= KSEG0 && last < KSEG1;
            boolean kseg1 = vaddr >= KSEG1 && last < KSEG2;
            if (!kseg0 && !kseg1) {
                throw BadInputException.in(file, "segment at 0x" + Long.toHexString(vaddr) + " (size 0x" + Long.toHexString(memsz)
                        + ") is not inside kseg0 or kseg1");
            }
            long paddr = vaddr & 0x1FFFFFFFL;
            if (paddr + memsz > ram.size()) {
                throw BadInputException.in(file, "segment at 0x" + Long.toHexString(vaddr) + " (size 0x" + Long.toHexString(memsz)
                        + ") does not fit in " + sizeName(ram.size()) + " of RAM");
            }
            end = Math.max(end, paddr + memsz);
        }
        for (ElfFile.Segment s : elf.segments()) {
            int memsz = s.memsz();
            if (memsz == 0) continue;
            int paddr = s.vaddr() & 0x1FFFFFFF;
            ram.write(paddr, elf.data(s), 0, s.filesz());
            for (int i = s.filesz(); i < memsz; i++) ram.storeByte(paddr + i, 0);
        }
        return new LoadedImage(elf.entry(), (int) end);
    }

    private static String name(vm3000.cpu.bus.Endian e) {
        return e == vm3000.cpu.bus.Endian.BIG ? "big" : "little";
    }

    private static String sizeName(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
