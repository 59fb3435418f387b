package vm3000.cpu.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.elf.ElfWriter;
import vm3000.cpu.isa.Op;

/**
 * A GNU as compatible MIPS I assembler that produces a linked ELF32 executable in one step.
 *
 * <h2>Link layout</h2>
 * <ul>
 *   <li>{@code .text} starts at the base address, by default {@code 0x80001000} (kseg0), which
 *       leaves {@code 0x80000000..0x80000fff} to the exception vectors.</li>
 *   <li>{@code .rodata}, {@code .data} and {@code .bss} follow in that order, each aligned to
 *       16 bytes or to its largest {@code .align}, whichever is larger. {@code .text} starts at
 *       exactly the base, which must be aligned to the largest {@code .align} in it.</li>
 *   <li>{@code .section .vectors} is placed at exactly {@code 0x80000000}, whatever the base. A
 *       kernel puts its UTLB refill handler at the start of it and its general exception handler
 *       after {@code .org 0x80}. It must not overlap the other sections.</li>
 *   <li>{@code .org} is relative to the start of the current section and may not move back.</li>
 *   <li>The entry point is the symbol {@code __start} if defined, else {@code _start}, else the
 *       start of {@code .text}.</li>
 *   <li>Each non-empty section is one PT_LOAD segment ({@code .bss} has filesz 0).</li>
 * </ul>
 *
 * <h2>Language</h2>
 * GNU as syntax: {@code #} and C comments, {@code ;} between statements, labels and numeric local
 * labels ({@code 1:}, {@code 1b}, {@code 1f}), the sections above, data and alignment directives
 * ({@code .align} is a power of two, as on MIPS; {@code .word} and {@code .half} and instructions
 * align themselves, moving labels just before them), {@code .equ}/{@code .set}/{@code =},
 * {@code .set [no]reorder} (reorder puts a nop in every delay slot; the assembler never moves
 * instructions), {@code .set [no]at}, {@code %hi}/{@code %lo}, and the macros of {@link Pseudo}.
 * {@code .include "file"} assembles that file's text in place; the {@link IncludeResolver} of the
 * options finds it (GNU as: relative to the including file's directory, then each {@code -I}
 * directory), includes nest at most 16 deep, and an error inside an included file names that
 * file and its line.
 * A macro that expands to more than one instruction in the delay slot of a branch or jump
 * ({@code la}, {@code li} of a 32-bit value, {@code blt}, a load from a label, ... under
 * {@code .set noreorder}) is an error, {@code file:line: macro 'la' expands to 2 instructions in
 * a branch delay slot}: only its first instruction would be in the slot. GNU as only warns
 * ("macro instruction expanded into multiple instructions in a branch delay slot") and
 * assembles it anyway.
 * An immediate that does not fit its field is an error: unlike GNU as, {@code addiu} and its kin
 * are never expanded into several instructions. A size that depends on a symbol ({@code .space},
 * {@code .align}, {@code .org}) must use symbols defined earlier; {@code li} of a value not
 * known at that point (a label, a later {@code .equ}) is always {@code lui}+{@code ori}.
 *
 * <h2>Limits</h2>
 * Hostile source cannot exhaust the stack or run without bound: expressions nest at most 256 deep,
 * counting the {@code .equ} symbols a value is defined through ({@code A = B + 1, B = C + 1, ...});
 * an assembly reads at most 1,000,000 lines and 64 MiB of source in all, counting an included
 * file again each time it is included; a section is at most 256 MiB, however it grows
 * ({@code .space}/{@code .skip}/{@code .org}/{@code .align} with or without a fill value, data).
 *
 * <p>Every error is a {@link BadInputException} with the message {@code file:line: what}; nothing
 * is returned for a source with an error.
 */
public final class Assembler {
    private Assembler() {}

    public static final int DEFAULT_BASE = 0x80001000;
    public static final int VECTORS_BASE = 0x80000000;
    /** The most source one assembly reads, in bytes (characters), counting each {@code .include}. */
    public static final int MAX_SOURCE_BYTES = Lexer.MAX_CHARS;
    /** The most lines one assembly reads, counting each {@code .include}. */
    public static final int MAX_SOURCE_LINES = Lexer.MAX_LINES;
    /** The least alignment of the sections after .text. */
    static final int SECTION_ALIGN = 16;

    /**
     * Where {@code .text} starts, the byte order of the output, and where {@code .include} finds
     * files (by default nowhere: use {@link IncludeResolver#files} for files on disk).
     */
    public record Options(int base, Endian endian, IncludeResolver includes) {
        public Options {
            if (includes == null) throw new IllegalArgumentException("includes must not be null");
        }

        public Options(int base, Endian endian) { this(base, endian, IncludeResolver.NONE); }

        public static Options defaults() { return new Options(DEFAULT_BASE, Endian.BIG); }

        public Options withBase(int newBase) { return new Options(newBase, endian, includes); }

        public Options withEndian(Endian newEndian) { return new Options(base, newEndian, includes); }

        public Options withIncludeResolver(IncludeResolver resolver) { return new Options(base, endian, resolver); }
    }

    /** Assembles {@code source} (named {@code file} in messages) to an ELF32 executable. */
    public static byte[] assembleElf(String source, String file, Options options) throws BadInputException {
        return assemble(source, file, options).toElf();
    }

    /** Assembles {@code source} (named {@code file} in messages) into a laid-out program. */
    public static Program assemble(String source, String file, Options options) throws BadInputException {
        if ((options.base() & 3) != 0) throw BadInputException.in(file, "base address 0x" + Integer.toHexString(options.base()) + " is not word aligned");
        List<Statement> statements = Lexer.read(source, file, options.includes());
        Pass pass = new Pass(options.endian());
        run(pass, statements, file, false);
        layout(pass, options.base(), file);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (SectionBuilder s : pass.sections.values()) sizes.put(s.name, s.size());
        run(pass, statements, file, true);
        for (SectionBuilder s : pass.sections.values()) {
            if (sizes.get(s.name) != s.size()) throw new IllegalStateException("passes disagree on the size of " + s.name);
        }
        return program(pass, options.endian());
    }

    private static void run(Pass pass, List<Statement> statements, String file, boolean isFinal) throws BadInputException {
        pass.startPass(isFinal);
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            pass.statement = i;
            pass.line = s.line();
            try {
                for (String label : s.labels()) pass.defineLabel(label);
                if (s.name() == null) continue;
                if (s.isDirective()) Directives.assemble(pass, s);
                else instruction(pass, s);
            } catch (BadInput e) {
                throw BadInputException.at(s.file(), s.line(), e.getMessage());
            }
        }
    }

    private static void instruction(Pass pass, Statement s) throws BadInput {
        pass.alignTo(4);
        boolean inSlot = pass.atDelaySlot();
        pass.statementInstructions = 0;
        if (!Pseudo.assemble(pass, s.name(), s.operands())) {
            Op op = Encoder.lookup(s.name());
            if (op == null) throw new BadInput("unknown instruction '" + s.name() + "'");
            Encoder.assemble(pass, op, s.operands());
        }
        // Only the first instruction would be in the slot; the rest would run after the branch
        // falls through, never if it is taken. GNU as warns; a silent mis-assembly is worse.
        int n = pass.statementInstructions;
        if (inSlot && n > 1) throw new BadInput("macro '" + s.name() + "' expands to " + n + " instructions in a branch delay slot");
    }

    private static void layout(Pass pass, int base, String file) throws BadInputException {
        SectionBuilder text = pass.sections.get(".text");
        if ((base & (text.align() - 1)) != 0) {
            throw BadInputException.in(file, "base address 0x" + Integer.toHexString(base)
                    + " is not aligned to the .align of .text (" + text.align() + " bytes)");
        }
        long at = base & 0xFFFFFFFFL;
        for (String name : List.of(".text", ".rodata", ".data", ".bss")) {
            SectionBuilder s = pass.sections.get(name);
            if (s != text) s.requireAlign(SECTION_ALIGN);
            at = (at + s.align() - 1) & -(long) s.align();
            s.base = (int) at;
            at += s.size();
            if (at > 0x1_0000_0000L) throw BadInputException.in(file, "section " + name + " extends past the end of the address space");
        }
        SectionBuilder vectors = pass.sections.get(".vectors");
        vectors.base = VECTORS_BASE;
        if (vectors.size() == 0) return;
        long vEnd = (VECTORS_BASE & 0xFFFFFFFFL) + vectors.size();
        for (SectionBuilder s : pass.sections.values()) {
            if (s == vectors || s.size() == 0) continue;
            long start = s.base & 0xFFFFFFFFL;
            if (start < vEnd && (VECTORS_BASE & 0xFFFFFFFFL) < start + s.size()) {
                throw BadInputException.in(file, "section .vectors (0x80000000..0x" + Long.toHexString(vEnd)
                        + ") overlaps " + s.name + " at 0x" + Long.toHexString(start));
            }
        }
    }

    private static Program program(Pass pass, Endian endian) {
        List<ElfWriter.Section> sections = new ArrayList<>();
        for (SectionBuilder s : pass.sections.values()) {
            sections.add(new ElfWriter.Section(s.name, s.base, s.contents(), s.size(), s.align(),
                    s.executable, s.writable, s.nobits));
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        List<ElfWriter.Symbol> elfSymbols = new ArrayList<>();
        for (Map.Entry<String, Pass.Label> e : pass.labels.entrySet()) {
            if (LocalLabels.isInternal(e.getKey())) continue;
            Pass.Label l = e.getValue();
            int value = l.section().base + l.offset();
            values.put(e.getKey(), value);
            String section = l.section().size() == 0 ? null : l.section().name;
            elfSymbols.add(new ElfWriter.Symbol(e.getKey(), value, section, pass.globals.contains(e.getKey())));
        }
        for (String name : equNames(pass)) {
            try {
                Long v = pass.lookup(name);
                if (v == null) continue;
                values.put(name, v.intValue());
                elfSymbols.add(new ElfWriter.Symbol(name, v.intValue(), null, pass.globals.contains(name)));
            } catch (BadInput e) {
                // An .equ nothing uses may be unresolvable; it is simply left out.
            }
        }
        int entry = pass.sections.get(".text").base;
        if (values.containsKey("__start")) entry = values.get("__start");
        else if (values.containsKey("_start")) entry = values.get("_start");
        return new Program(endian, entry, List.copyOf(sections), List.copyOf(elfSymbols), Map.copyOf(values));
    }

    private static List<String> equNames(Pass pass) {
        return pass.equNames();
    }
}
