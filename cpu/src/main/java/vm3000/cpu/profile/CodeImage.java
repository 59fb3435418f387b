package vm3000.cpu.profile;

import java.util.List;

import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.elf.CodeSymbols;
import vm3000.cpu.elf.ElfFile;

/**
 * One program whose code the guest may run: the kernel image, or a boot module that is an ELF
 * executable (a tinyos user program). {@code name} is empty for the kernel, whose symbols the
 * report gives bare; a module's are given as {@code name:symbol}.
 */
final class CodeImage {
    private final String name;
    private final ElfFile elf;
    private final List<ElfFile.Segment> segments;
    /** The file bytes of each segment, copied at the first {@link #loadedAt} (never, for the kernel). */
    private byte[][] bytes;
    private final CodeSymbols symbols;

    CodeImage(String name, ElfFile elf) {
        this.name = name;
        this.elf = elf;
        this.segments = elf.segments();
        this.symbols = CodeSymbols.of(elf);
    }

    String name() { return name; }
    CodeSymbols symbols() { return symbols; }

    /** True if one of its segments holds {@code address} (an address of its own link map). */
    boolean holds(int address) {
        for (ElfFile.Segment s : segments) if (s.holds(address)) return true;
        return false;
    }

    /**
     * True if the four bytes in RAM at {@code pa} are those its file has at {@code address}:
     * whether the code running there is this program's. An address past a segment's file bytes
     * (its bss), or RAM that does not hold the four bytes, matches nothing.
     */
    boolean loadedAt(int address, PhysicalMemory ram, int pa) {
        if (!ram.contains(pa, 4)) return false;
        if (bytes == null) {
            bytes = new byte[segments.size()][];
            for (int i = 0; i < bytes.length; i++) bytes[i] = elf.data(segments.get(i));
        }
        for (int s = 0; s < bytes.length; s++) {
            long off = address - segments.get(s).vaddr() & 0xFFFFFFFFL;
            if (off + 4 > bytes[s].length) continue;
            for (int i = 0; i < 4; i++) if ((bytes[s][(int) off + i] & 0xFF) != ram.loadByte(pa + i)) return false;
            return true;
        }
        return false;
    }
}
