package vm3000.cpu.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which symbol of an executable an address belongs to, as a debugger names a pc: the symbol with
 * the greatest value at or below the address, a function (STT_FUNC with a size) first, and only
 * if the address lies within it.
 *
 * <p>A symbol with st_size covers {@code [value, value + size)}. One without (the project's
 * assembler writes every label so, and hand-written assembly often declares functions without
 * {@code .size}) covers everything from its value to the end of its PT_LOAD segment, so that a
 * label names the code up to the next one. Only symbols defined in a section are candidates, of
 * type STT_NOTYPE or STT_FUNC, in a loaded segment: absolute values ({@code .equ}) are numbers,
 * not places, and data objects are never executed.
 *
 * <p>Of several symbols at one address the function wins, else the last in the table: the
 * System V ABI puts local symbols before global ones and the project's assembler writes labels in
 * source order, so that is the global name, or the innermost label ({@code uwork} rather than the
 * {@code ustart} on the line before it).
 */
public final class CodeSymbols {
    private static final CodeSymbols NONE = new CodeSymbols(new Entry[0], new Entry[0]);

    /** A candidate with the end of what it covers (exclusive; unsigned, so up to 2^32). */
    private record Entry(ElfFile.Symbol symbol, long start, long end) {
        boolean covers(long address) { return address >= start && address < end; }
    }

    /** Sized functions, and every candidate; each sorted by address, one per address. */
    private final Entry[] functions;
    private final Entry[] all;
    private final long[] functionStarts;
    private final long[] allStarts;

    private CodeSymbols(Entry[] functions, Entry[] all) {
        this.functions = functions;
        this.all = all;
        this.functionStarts = Arrays.stream(functions).mapToLong(Entry::start).toArray();
        this.allStarts = Arrays.stream(all).mapToLong(Entry::start).toArray();
    }

    /** No symbols at all: every lookup finds nothing. */
    public static CodeSymbols none() { return NONE; }

    /** The code symbols of {@code elf}. */
    public static CodeSymbols of(ElfFile elf) {
        List<Entry> functions = new ArrayList<>();
        List<Entry> all = new ArrayList<>();
        for (ElfFile.Symbol s : elf.symbolTable()) {
            if (!s.inSection() || s.name().isEmpty()) continue;
            if (s.type() != ElfFile.Symbol.STT_NOTYPE && s.type() != ElfFile.Symbol.STT_FUNC) continue;
            ElfFile.Segment seg = segmentHolding(elf, s.value());
            if (seg == null) continue;
            long start = s.value() & 0xFFFFFFFFL;
            long end = s.size() != 0 ? start + (s.size() & 0xFFFFFFFFL)
                    : (seg.vaddr() & 0xFFFFFFFFL) + (seg.memsz() & 0xFFFFFFFFL);
            Entry e = new Entry(s, start, end);
            all.add(e);
            if (s.type() == ElfFile.Symbol.STT_FUNC && s.size() != 0) functions.add(e);
        }
        return new CodeSymbols(onePerAddress(functions), onePerAddress(all));
    }

    /** The symbol {@code address} belongs to, or null. */
    public ElfFile.Symbol at(int address) {
        long a = address & 0xFFFFFFFFL;
        Entry f = floor(functions, functionStarts, a);
        if (f != null && f.covers(a)) return f.symbol();
        Entry l = floor(all, allStarts, a);
        return l != null && l.covers(a) ? l.symbol() : null;
    }

    private static ElfFile.Segment segmentHolding(ElfFile elf, int address) {
        for (ElfFile.Segment seg : elf.segments()) if (seg.holds(address)) return seg;
        return null;
    }

    /** Sorted by address; of equal addresses the function, else the last in table order (see the class comment). */
    private static Entry[] onePerAddress(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::start)); // stable: table order within an address
        List<Entry> out = new ArrayList<>();
        for (Entry e : sorted) {
            Entry last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.start() != e.start()) out.add(e);
            else if (isFunction(e) || !isFunction(last)) out.set(out.size() - 1, e);
        }
        return out.toArray(new Entry[0]);
    }

    private static boolean isFunction(Entry e) { return e.symbol().type() == ElfFile.Symbol.STT_FUNC; }

    /** The entry with the greatest start at or below {@code a}, or null. */
    private static Entry floor(Entry[] entries, long[] starts, long a) {
        int i = Arrays.binarySearch(starts, a);
        if (i < 0) i = -i - 2;
        return i >= 0 ? entries[i] : null;
    }
}
