package vm3000.cpu.asm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.isa.Op;
import vm3000.cpu.isa.Registers;

/**
 * The state of one assembly run, shared by its two passes. The layout pass defines every label
 * as a section offset and records, per statement, each size decision that depends on a value
 * (which form of {@code li}, whether a load needs {@code $at}). The emit pass replays those
 * decisions with all addresses known, so both passes lay out every statement identically.
 */
final class Pass {
    record Label(SectionBuilder section, int offset) {}

    private record Equ(String expression, int line) {}

    private record Mode(boolean reorder, boolean at) {}

    final Endian endian;
    final Map<String, SectionBuilder> sections = new LinkedHashMap<>();
    final Map<String, Label> labels = new LinkedHashMap<>();
    final Set<String> globals = new LinkedHashSet<>();
    private final Map<String, Equ> equs = new LinkedHashMap<>();
    private final Map<String, Long> equValues = new HashMap<>();
    /**
     * Values known in the layout pass, which depend on no label and not on {@code .}: constants,
     * the same in both passes. Kept across passes and worked out where each symbol is defined, so
     * a chain {@code N1 = N0 + 1, N2 = N1 + 1, ...} never nests deeper than one step.
     */
    private final Map<String, Long> constValues = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();
    /**
     * Symbols found not yet known during the current evaluation. An unknown value is not cached in
     * equValues (a later definition may make it known), but within one evaluation it cannot change;
     * remembering it keeps {@code A1 = A0 + A0, A2 = A1 + A1, ...} over a label linear, not exponential.
     */
    private final Set<String> unknownNow = new HashSet<>();
    private final Map<Integer, Integer> decisions = new HashMap<>();
    private final Deque<Mode> modeStack = new ArrayDeque<>();

    boolean finalPass;
    SectionBuilder section;
    boolean reorder = true;
    boolean at = true;
    /** Index of the statement being assembled, and its line for diagnostics. */
    int statement;
    int line;
    /** Where the delay slot of the last branch emitted in .set noreorder is (offset -1: none). */
    private SectionBuilder slotSection;
    private int slotOffset = -1;
    /** Labels defined since the last byte was emitted: auto-alignment moves them along. */
    private final List<String> pendingLabels = new ArrayList<>();

    Pass(Endian endian) {
        this.endian = endian;
        sections.put(".vectors", new SectionBuilder(".vectors", false, true, false, endian));
        sections.put(".text", new SectionBuilder(".text", false, true, false, endian));
        sections.put(".rodata", new SectionBuilder(".rodata", false, false, false, endian));
        sections.put(".data", new SectionBuilder(".data", false, false, true, endian));
        sections.put(".bss", new SectionBuilder(".bss", true, false, true, endian));
    }

    void startPass(boolean isFinal) {
        finalPass = isFinal;
        for (SectionBuilder s : sections.values()) s.reset();
        section = sections.get(".text");
        reorder = true;
        at = true;
        modeStack.clear();
        pendingLabels.clear();
        equValues.clear();
        slotSection = null;
        slotOffset = -1;
    }

    // ---- symbols ----

    void defineLabel(String name) throws BadInput {
        if (finalPass) { pendingLabels.add(name); return; }
        if (labels.containsKey(name) || equs.containsKey(name)) throw new BadInput("duplicate label '" + LocalLabels.display(name) + "'");
        labels.put(name, new Label(section, section.size()));
        pendingLabels.add(name);
    }

    void defineEqu(String name, String expression) throws BadInput {
        if (!Lexer.isSymbolStart(name.charAt(0)) || !name.chars().allMatch(c -> Lexer.isSymbolPart((char) c))) {
            throw new BadInput("bad symbol name '" + name + "'");
        }
        if (finalPass) return;
        if (labels.containsKey(name) || equs.containsKey(name)) throw new BadInput("duplicate symbol '" + name + "'");
        equs.put(name, new Equ(expression, line));
        try {
            unknownNow.clear();
            lookup(name);
        } catch (BadInput e) {
            // Reported where the symbol is used, as it would be without this early evaluation.
        }
    }

    List<String> equNames() { return new java.util.ArrayList<>(equs.keySet()); }

    Long lookup(String name) throws BadInput {
        return lookup(name, 0);
    }

    /** The value of {@code name} referred to {@code nesting} deep in an expression (see {@link Expression}). */
    Long lookup(String name, int nesting) throws BadInput {
        if (name.equals(".")) return finalPass ? Long.valueOf(pc() & 0xFFFFFFFFL) : null;
        Label l = labels.get(name);
        if (l != null) return finalPass ? Long.valueOf((l.section().base + l.offset()) & 0xFFFFFFFFL) : null;
        Equ e = equs.get(name);
        if (e == null) return null;
        Long cached = constValues.get(name);
        if (cached == null) cached = equValues.get(name);
        if (cached != null) return cached;
        if (unknownNow.contains(name)) return null;
        if (!evaluating.add(name)) throw new BadInput("symbol '" + name + "' is defined in terms of itself");
        try {
            Expression.Result r = Expression.evaluate(e.expression(), this::lookup, finalPass, nesting);
            if (!r.known()) {
                unknownNow.add(name);
                return null;
            }
            equValues.put(name, r.value());
            if (!finalPass) constValues.put(name, r.value());
            return r.value();
        } finally {
            evaluating.remove(name);
        }
    }

    Expression.Result eval(String text) throws BadInput {
        unknownNow.clear();
        return Expression.evaluate(text, this::lookup, finalPass);
    }

    /** A value that must be known in the layout pass (sizes, alignments, .org). */
    long constant(String text) throws BadInput {
        Expression.Result r = eval(text);
        if (!r.known()) throw new BadInput("'" + text + "' must be a constant defined before this line");
        return r.value();
    }

    // ---- decisions replayed in the emit pass ----

    /** In the layout pass records {@code choice}; in the emit pass returns the recorded choice. */
    int decide(int choice) {
        if (!finalPass) { decisions.put(statement, choice); return choice; }
        Integer d = decisions.get(statement);
        return d == null ? choice : d;
    }

    // ---- modes ----

    void pushMode() { modeStack.push(new Mode(reorder, at)); }

    void popMode() throws BadInput {
        Mode m = modeStack.poll();
        if (m == null) throw new BadInput(".set pop without .set push");
        reorder = m.reorder();
        at = m.at();
    }

    void requireAt(String what) throws BadInput {
        if (!at) throw new BadInput(what + " needs $at, but .set noat is in force");
    }

    // ---- output ----

    void alignTo(int bytes) throws BadInput {
        int before = section.size();
        section.alignTo(bytes);
        if (!finalPass && section.size() != before) {
            for (String name : pendingLabels) labels.put(name, new Label(section, section.size()));
        }
    }

    void emitted() { pendingLabels.clear(); }

    /** Instructions emitted for the current statement, not counting nops after branches. */
    int statementInstructions;

    /** Emits one instruction word; in {@code .set reorder} a delay-slot instruction gets a nop. */
    void instruction(Op op, int word) throws BadInput {
        word(word);
        statementInstructions++;
        if (op == null || !op.has(Op.Flag.DELAY_SLOT)) return;
        if (reorder) {
            word(0);
        } else {
            slotSection = section;
            slotOffset = section.size();
        }
    }

    /** True if the next word of the current section is the delay slot of a branch or jump. */
    boolean atDelaySlot() {
        return section == slotSection && section.size() == slotOffset;
    }

    /** Emits one instruction word with no delay-slot handling. */
    void word(int word) throws BadInput {
        if (section.nobits) throw new BadInput("instruction in " + section.name);
        if ((section.size() & 3) != 0) alignTo(4);
        section.putWord(word);
        emitted();
    }

    int pc() { return section.address(); }

    void switchTo(String name) throws BadInput {
        SectionBuilder s = sections.get(name);
        if (s == null) throw new BadInput("unknown section '" + name + "'");
        section = s;
        pendingLabels.clear();
    }

    // ---- operands ----

    int register(String text) throws BadInput {
        int r = Registers.parse(text.trim());
        if (r < 0) {
            if (text.trim().startsWith("$")) throw new BadInput("bad register '" + text.trim() + "'");
            throw new BadInput("expected a register, got '" + text.trim() + "'");
        }
        return r;
    }

    static boolean isRegister(String text) {
        return text.trim().startsWith("$");
    }
}
