package vm3000.cpu.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.Endian;

/**
 * A parsed ELF32 MIPS executable: byte order, entry point, PT_LOAD segments and, if there is a
 * symbol table, its symbols. Parsing checks every offset and size against the file before
 * it reads, so a malformed or truncated file gives a one-line {@link BadInputException} naming the
 * file and never an index error (System V ABI, "Object Files").
 */
public final class ElfFile {
    /** A PT_LOAD program header. */
    public record Segment(int index, int offset, int vaddr, int paddr, int filesz, int memsz, int flags) {
        /** True if {@code address} lies in the segment's memory image, {@code [vaddr, vaddr + memsz)}. */
        public boolean holds(int address) {
            return (address - vaddr & 0xFFFFFFFFL) < (memsz & 0xFFFFFFFFL);
        }
    }

    /**
     * An entry of the symbol table (System V ABI, "Symbol Table"): st_value, st_size, the type
     * and binding of st_info, and st_shndx, the section it is defined in.
     */
    public record Symbol(String name, int value, int size, int type, boolean global, int section) {
        public static final int STT_NOTYPE = 0;
        public static final int STT_FUNC = 2;
        public static final int SHN_UNDEF = 0;
        /** The first reserved section index: SHN_ABS, SHN_COMMON and the processor's own follow. */
        public static final int SHN_LORESERVE = 0xFF00;

        /** Defined in a section of the file: not undefined, not an absolute value ({@code .equ}), not common. */
        public boolean inSection() { return section != SHN_UNDEF && section < SHN_LORESERVE; }
    }

    private static final int PT_LOAD = 1;
    private static final int SHT_SYMTAB = 2;

    private final String file;
    private final byte[] bytes;
    private final Endian endian;
    private final int entry;
    private final List<Segment> segments;
    private final List<Symbol> symbolTable;
    private final Map<String, Integer> symbols = new HashMap<>();

    private ElfFile(String file, byte[] bytes, Endian endian, int entry, List<Segment> segments, List<Symbol> symbolTable) {
        this.file = file;
        this.bytes = bytes;
        this.endian = endian;
        this.entry = entry;
        this.segments = segments;
        this.symbolTable = symbolTable;
        for (Symbol s : symbolTable) symbols.putIfAbsent(s.name(), s.value());
    }

    public String file() { return file; }
    public Endian endian() { return endian; }
    public int entry() { return entry; }
    /** The PT_LOAD segments in program header order. */
    public List<Segment> segments() { return segments; }

    /** The value of symbol {@code name}, or null if there is no such symbol. */
    public Integer symbol(String name) { return symbols.get(name); }

    /** The named entries of the symbol tables, in the file's order. */
    public List<Symbol> symbolTable() { return symbolTable; }

    /** The file bytes of {@code segment} (filesz of them). */
    public byte[] data(Segment segment) {
        byte[] out = new byte[segment.filesz()];
        System.arraycopy(bytes, segment.offset(), out, 0, out.length);
        return out;
    }

    public static ElfFile parse(byte[] bytes, String file) throws BadInputException {
        Reader r = new Reader(bytes, file);
        if (bytes.length < 4 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw BadInputException.in(file, "not an ELF file");
        }
        if (bytes.length < 6) throw BadInputException.in(file, "truncated ELF header");
        if (bytes[4] == 2) throw BadInputException.in(file, "64-bit ELF not supported");
        if (bytes[4] != 1) throw BadInputException.in(file, "bad ELF class " + bytes[4]);
        Endian endian;
        if (bytes[5] == 1) endian = Endian.LITTLE;
        else if (bytes[5] == 2) endian = Endian.BIG;
        else throw BadInputException.in(file, "bad ELF data encoding " + bytes[5]);
        if (bytes.length < ElfWriter.EHDR_SIZE) throw BadInputException.in(file, "truncated ELF header");
        r.endian = endian;
        if (bytes[6] != 1) throw BadInputException.in(file, "unsupported ELF version " + bytes[6]);
        int type = r.half(16);
        if (type != ElfWriter.ET_EXEC) throw BadInputException.in(file, "not an executable (e_type " + type + ")");
        int machine = r.half(18);
        if (machine != ElfWriter.EM_MIPS) throw BadInputException.in(file, "not a MIPS executable (e_machine " + machine + ")");
        int entry = r.word(24);
        long phoff = r.uword(28);
        long shoff = r.uword(32);
        int phentsize = r.half(42);
        int phnum = r.half(44);
        int shentsize = r.half(46);
        int shnum = r.half(48);
        if (phnum == 0) throw BadInputException.in(file, "no program headers");
        if (phentsize != ElfWriter.PHDR_SIZE) throw BadInputException.in(file, "bad program header size " + phentsize);
        if (phoff + (long) phnum * phentsize > bytes.length) throw BadInputException.in(file, "truncated program header table");

        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = (int) phoff + i * phentsize;
            if (r.word(at) != PT_LOAD) continue;
            Segment s = new Segment(i, r.word(at + 4), r.word(at + 8), r.word(at + 12), r.word(at + 16), r.word(at + 20), r.word(at + 24));
            long offset = s.offset() & 0xFFFFFFFFL;
            long filesz = s.filesz() & 0xFFFFFFFFL;
            long memsz = s.memsz() & 0xFFFFFFFFL;
            if (offset + filesz > bytes.length) {
                throw BadInputException.in(file, "segment " + i + " extends past end of file (offset 0x"
                        + Long.toHexString(offset) + ", size 0x" + Long.toHexString(filesz) + ")");
            }
            if (filesz > memsz) throw BadInputException.in(file, "segment " + i + ": filesz greater than memsz");
            if ((s.vaddr() & 0xFFFFFFFFL) + memsz > 0x1_0000_0000L) {
                throw BadInputException.in(file, "segment " + i + " wraps around the end of the address space");
            }
            segments.add(s);
        }
        if (segments.isEmpty()) throw BadInputException.in(file, "no loadable segments");
        List<Symbol> symbols = shoff == 0 || shnum == 0 ? List.of() : symbols(r, shoff, shentsize, shnum);
        return new ElfFile(file, bytes, endian, entry, List.copyOf(segments), symbols);
    }

    private static List<Symbol> symbols(Reader r, long shoff, int shentsize, int shnum) throws BadInputException {
        String file = r.file;
        if (shentsize != ElfWriter.SHDR_SIZE) throw BadInputException.in(file, "bad section header size " + shentsize);
        if (shoff + (long) shnum * shentsize > r.bytes.length) throw BadInputException.in(file, "truncated section header table");
        List<Symbol> out = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = (int) shoff + i * shentsize;
            if (r.word(sh + 4) != SHT_SYMTAB) continue;
            long offset = r.uword(sh + 16);
            long size = r.uword(sh + 20);
            long link = r.uword(sh + 24);
            if (offset + size > r.bytes.length) throw BadInputException.in(file, "symbol table extends past end of file");
            if (link >= shnum) throw BadInputException.in(file, "symbol table names a missing string table " + link);
            int str = (int) shoff + (int) link * shentsize;
            long strOffset = r.uword(str + 16);
            long strSize = r.uword(str + 20);
            if (strOffset + strSize > r.bytes.length) throw BadInputException.in(file, "string table extends past end of file");
            for (long at = offset; at + 16 <= offset + size; at += 16) {
                long name = r.uword((int) at);
                if (name == 0) continue;
                if (name >= strSize) throw BadInputException.in(file, "symbol name offset 0x" + Long.toHexString(name) + " outside the string table");
                int start = (int) (strOffset + name);
                int end = start;
                while (end < strOffset + strSize && r.bytes[end] != 0) end++;
                if (end == strOffset + strSize) throw BadInputException.in(file, "unterminated symbol name");
                int info = r.bytes[(int) at + 12] & 0xFF;
                out.add(new Symbol(new String(r.bytes, start, end - start, StandardCharsets.UTF_8), r.word((int) at + 4),
                        r.word((int) at + 8), info & 0xF, info >> 4 != 0, r.half((int) at + 14)));
            }
        }
        return List.copyOf(out);
    }

    /** Reads header fields; callers have checked that each field lies inside the file. */
    private static final class Reader {
        final byte[] bytes;
        final String file;
        Endian endian = Endian.BIG;

        Reader(byte[] bytes, String file) {
            this.bytes = bytes;
            this.file = file;
        }

        int half(int at) {
            int a = bytes[at] & 0xFF, b = bytes[at + 1] & 0xFF;
            return endian == Endian.BIG ? a << 8 | b : b << 8 | a;
        }

        int word(int at) {
            int a = half(at), b = half(at + 2);
            return endian == Endian.BIG ? a << 16 | b : b << 16 | a;
        }

        long uword(int at) { return word(at) & 0xFFFFFFFFL; }
    }
}
