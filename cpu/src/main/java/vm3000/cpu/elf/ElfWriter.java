package vm3000.cpu.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vm3000.cpu.bus.Endian;

/**
 * Writes a static ELF32 MIPS executable (ET_EXEC, EM_MIPS, o32 flags): one PT_LOAD per non-empty
 * allocated section, section headers for those sections plus {@code .symtab}, {@code .strtab} and
 * {@code .shstrtab}, so GNU objdump and readelf can read it (System V ABI, "Object Files"; MIPS
 * supplement for e_flags).
 */
public final class ElfWriter {
    private ElfWriter() {}

    /** An allocated section. {@code bytes} is empty for a NOBITS section of {@code size} bytes. */
    public record Section(String name, int address, byte[] bytes, int size, int align,
                          boolean executable, boolean writable, boolean nobits) {}

    /** A symbol; {@code section} is the name of the section it is in, or null for an absolute value. */
    public record Symbol(String name, int value, String section, boolean global) {}

    static final int EHDR_SIZE = 52;
    static final int PHDR_SIZE = 32;
    static final int SHDR_SIZE = 40;
    static final int EM_MIPS = 8;
    static final int ET_EXEC = 2;
    static final int PT_LOAD = 1;
    static final int EF_MIPS_ABI_O32 = 0x00001000;

    public static byte[] write(Endian endian, int entry, List<Section> sections, List<Symbol> symbols) {
        List<Section> alloc = new ArrayList<>();
        for (Section s : sections) if (s.size() > 0) alloc.add(s);
        alloc.sort(Comparator.comparingLong(s -> s.address() & 0xFFFFFFFFL));

        Out out = new Out(endian);
        out.pad(EHDR_SIZE + PHDR_SIZE * alloc.size());
        int[] offsets = new int[alloc.size()];
        for (int i = 0; i < alloc.size(); i++) {
            Section s = alloc.get(i);
            out.align(Math.max(4, s.align()));
            offsets[i] = out.size();
            out.bytes(s.bytes());
        }

        StringTable strtab = new StringTable();
        List<Symbol> sorted = new ArrayList<>(symbols);
        sorted.sort(Comparator.comparing(Symbol::global));
        int firstGlobal = 1 + (int) sorted.stream().filter(s -> !s.global()).count();
        out.align(4);
        int symtabOffset = out.size();
        out.pad(16);
        for (Symbol sym : sorted) {
            out.word(strtab.add(sym.name()));
            out.word(sym.value());
            out.word(0);
            out.byte1((sym.global() ? 1 : 0) << 4);
            out.byte1(0);
            out.half(sym.section() == null ? 0xFFF1 : 1 + indexOf(alloc, sym.section()));
        }
        int symtabSize = out.size() - symtabOffset;
        int strtabOffset = out.size();
        out.bytes(strtab.bytes());

        StringTable shstr = new StringTable();
        int[] names = new int[alloc.size()];
        for (int i = 0; i < alloc.size(); i++) names[i] = shstr.add(alloc.get(i).name());
        int symtabName = shstr.add(".symtab");
        int strtabName = shstr.add(".strtab");
        int shstrName = shstr.add(".shstrtab");
        int shstrOffset = out.size();
        byte[] shstrBytes = shstr.bytes();
        out.bytes(shstrBytes);

        out.align(4);
        int shoff = out.size();
        int symtabIndex = 1 + alloc.size();
        out.pad(SHDR_SIZE);
        for (int i = 0; i < alloc.size(); i++) {
            Section s = alloc.get(i);
            int flags = 2 | (s.writable() ? 1 : 0) | (s.executable() ? 4 : 0);
            sectionHeader(out, names[i], s.nobits() ? 8 : 1, flags, s.address(), offsets[i], s.size(), 0, 0, s.align(), 0);
        }
        sectionHeader(out, symtabName, 2, 0, 0, symtabOffset, symtabSize, symtabIndex + 1, firstGlobal, 4, 16);
        sectionHeader(out, strtabName, 3, 0, 0, strtabOffset, strtab.bytes().length, 0, 0, 1, 0);
        sectionHeader(out, shstrName, 3, 0, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0);
        int shnum = alloc.size() + 4;

        byte[] image = out.toByteArray();
        Out h = new Out(endian);
        h.bytes(new byte[] {0x7F, 'E', 'L', 'F', 1, (byte) (endian == Endian.BIG ? 2 : 1), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        h.half(ET_EXEC);
        h.half(EM_MIPS);
        h.word(1);
        h.word(entry);
        h.word(EHDR_SIZE);
        h.word(shoff);
        h.word(EF_MIPS_ABI_O32);
        h.half(EHDR_SIZE);
        h.half(PHDR_SIZE);
        h.half(alloc.size());
        h.half(SHDR_SIZE);
        h.half(shnum);
        h.half(shnum - 1);
        for (int i = 0; i < alloc.size(); i++) {
            Section s = alloc.get(i);
            int flags = 4 | (s.writable() ? 2 : 0) | (s.executable() ? 1 : 0);
            h.word(PT_LOAD);
            h.word(offsets[i]);
            h.word(s.address());
            h.word(s.address());
            h.word(s.nobits() ? 0 : s.size());
            h.word(s.size());
            h.word(flags);
            h.word(Math.max(4, s.align()));
        }
        byte[] header = h.toByteArray();
        System.arraycopy(header, 0, image, 0, header.length);
        return image;
    }

    private static int indexOf(List<Section> alloc, String name) {
        for (int i = 0; i < alloc.size(); i++) if (alloc.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("symbol in unknown or empty section " + name);
    }

    private static void sectionHeader(Out out, int name, int type, int flags, int addr, int offset, int size,
                                      int link, int info, int align, int entsize) {
        out.word(name);
        out.word(type);
        out.word(flags);
        out.word(addr);
        out.word(offset);
        out.word(size);
        out.word(link);
        out.word(info);
        out.word(align);
        out.word(entsize);
    }

    /** A NUL-separated string table starting with the empty string. */
    private static final class StringTable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StringTable() { bytes.write(0); }

        int add(String s) {
            int at = bytes.size();
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return at;
        }

        byte[] bytes() { return bytes.toByteArray(); }
    }

    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Endian endian;

        Out(Endian endian) { this.endian = endian; }

        int size() { return bytes.size(); }
        void byte1(int v) { bytes.write(v); }
        void bytes(byte[] b) { bytes.writeBytes(b); }
        void pad(int n) { for (int i = 0; i < n; i++) bytes.write(0); }
        void align(int a) { while (bytes.size() % a != 0) bytes.write(0); }

        void half(int v) {
            if (endian == Endian.BIG) { byte1(v >> 8); byte1(v); } else { byte1(v); byte1(v >> 8); }
        }

        void word(int v) {
            if (endian == Endian.BIG) { half(v >>> 16); half(v); } else { half(v); half(v >>> 16); }
        }

        byte[] toByteArray() { return bytes.toByteArray(); }
    }
}
