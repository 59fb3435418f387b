package vm3000.cpu.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random straight-line MIPS I program for {@link RandomDifferentialTest}, as assembly source that
 * both vm3000's assembler and GNU as read the same way (real instructions only, {@code .set
 * noreorder} and {@code noat}).
 *
 * <p>It starts from random values in $1..$25, HI and LO and a random 64-byte scratch buffer, and
 * uses only $0..$25 as sources: $27 holds the scratch buffer's address and $26 the dump's, and
 * they, $28..$31 are never written. The body mixes ALU operations, shifts, LUI, the SLT family,
 * MULT/MULTU/DIV/DIVU with HI/LO reads, every load and store width including LWL/LWR/SWL/SWR,
 * and forward branches with an ALU operation in the delay slot. It is legal MIPS I code:
 * no MULT/DIV/MTHI/MTLO within two instructions after an MFHI/MFLO, no division by zero (the
 * divisor is OR-ed with 1 just before), ADD/ADDI/SUB only on operands that cannot overflow.
 */
final class RandomProgram {
    static final int BUFFER = 64;
    /** Words in a dump: $1..$25, HI, LO. */
    static final int DUMP_WORDS = 27;
    /** Bytes per program in .data: the scratch buffer, then the dump, padded to 16. */
    static final int BLOCK = (BUFFER + DUMP_WORDS * 4 + 15) & ~15;
    static final int FIRST = 1;
    static final int LAST = 25;
    private static final int BUF_REG = 27;
    private static final int DUMP_REG = 26;

    private static final String[] R3 = {"addu", "subu", "and", "or", "xor", "nor", "slt", "sltu"};
    private static final String[] IMM_SIGNED = {"addiu", "slti", "sltiu"};
    private static final String[] IMM_UNSIGNED = {"andi", "ori", "xori"};
    private static final String[] SHIFT = {"sll", "srl", "sra"};
    private static final String[] SHIFTV = {"sllv", "srlv", "srav"};
    private static final String[] MULDIV = {"mult", "multu", "div", "divu"};
    private static final String[] BRANCH2 = {"beq", "bne"};
    private static final String[] BRANCH1 = {"blez", "bgtz", "bltz", "bgez"};

    final String label;
    final int[] initial = new int[LAST + 3];
    final byte[] buffer = new byte[BUFFER];
    final List<String> body = new ArrayList<>();

    private final Random rng;
    /** Instructions since the last MFHI/MFLO (large if none). */
    private int sinceHiLoRead = 99;
    private int labels;

    RandomProgram(long seed, String label, int length) {
        this.rng = new Random(seed);
        this.label = label;
        for (int r = FIRST; r < initial.length; r++) initial[r] = interesting();
        rng.nextBytes(buffer);
        while (body.size() < length) step(true);
    }

    private int interesting() {
        switch (rng.nextInt(8)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return Integer.MIN_VALUE;
            case 3: return Integer.MAX_VALUE;
            case 4: return rng.nextInt(64) - 32;
            default: return rng.nextInt();
        }
    }

    private int dst() { return FIRST + rng.nextInt(LAST); }
    private int src() { return rng.nextInt(LAST + 1); }
    private static String r(int n) { return "$" + n; }

    private void emit(String insn) {
        body.add(insn);
        sinceHiLoRead++;
    }

    /** One instruction or a short group; branches only if {@code branches}. */
    private void step(boolean branches) {
        int k = rng.nextInt(100);
        if (k < 30) alu();
        else if (k < 40) emit(pick(SHIFT) + " " + r(dst()) + ", " + r(src()) + ", " + rng.nextInt(32));
        else if (k < 46) emit(pick(SHIFTV) + " " + r(dst()) + ", " + r(src()) + ", " + r(src()));
        else if (k < 50) emit("lui " + r(dst()) + ", 0x" + Integer.toHexString(rng.nextInt(0x10000)));
        else if (k < 60) mulDiv();
        else if (k < 66) hiLo();
        else if (k < 78) load();
        else if (k < 88) store();
        else if (k < 92) trapping();
        else if (branches) branch();
        else alu();
    }

    private void alu() {
        int k = rng.nextInt(3);
        if (k == 0) {
            emit(pick(R3) + " " + r(dst()) + ", " + r(src()) + ", " + r(src()));
        } else if (k == 1) {
            emit(pick(IMM_SIGNED) + " " + r(dst()) + ", " + r(src()) + ", " + (rng.nextInt(0x10000) - 0x8000));
        } else {
            emit(pick(IMM_UNSIGNED) + " " + r(dst()) + ", " + r(src()) + ", 0x" + Integer.toHexString(rng.nextInt(0x10000)));
        }
    }

    /**
     * ADD, SUB or ADDI on operands first shifted into [-2^30, 2^30) by SRA, so that they cannot
     * overflow (an overflow trap would end the program differently on the two machines).
     */
    private void trapping() {
        int a = dst();
        emit("sra " + r(a) + ", " + r(src()) + ", 2");
        if (rng.nextBoolean()) {
            emit("addi " + r(dst()) + ", " + r(a) + ", " + (rng.nextInt(0x10000) - 0x8000));
            return;
        }
        int b = dst();
        emit("sra " + r(b) + ", " + r(src()) + ", 2");
        emit((rng.nextBoolean() ? "add " : "sub ") + r(dst()) + ", " + r(a) + ", " + r(b));
    }

    /** Keeps MIPS I legal: two instructions between an MFHI/MFLO and what writes HI or LO. */
    private void hiLoWriteGap() {
        while (sinceHiLoRead < 2) alu();
    }

    private void mulDiv() {
        String op = pick(MULDIV);
        int rs = src();
        int rt;
        // The gap's filler comes first, so that it cannot overwrite the divisor made odd here.
        hiLoWriteGap();
        if (op.startsWith("div")) {
            rt = dst();
            emit("ori " + r(rt) + ", " + r(rt) + ", 1");
        } else {
            rt = src();
        }
        // "div $0, rs, rt" is the real instruction to GNU as; plain "div rs, rt" may be a macro.
        emit(op.startsWith("div") ? op + " $0, " + r(rs) + ", " + r(rt) : op + " " + r(rs) + ", " + r(rt));
    }

    private void hiLo() {
        switch (rng.nextInt(4)) {
            case 0: emit("mfhi " + r(dst())); sinceHiLoRead = 0; break;
            case 1: emit("mflo " + r(dst())); sinceHiLoRead = 0; break;
            case 2: hiLoWriteGap(); emit("mthi " + r(src())); break;
            default: hiLoWriteGap(); emit("mtlo " + r(src())); break;
        }
    }

    private void load() {
        String[] ops = {"lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr"};
        String op = pick(ops);
        int size = op.equals("lh") || op.equals("lhu") ? 2 : op.equals("lw") ? 4 : 1;
        emit(op + " " + r(dst()) + ", " + rng.nextInt(BUFFER / size) * size + "(" + r(BUF_REG) + ")");
    }

    private void store() {
        String[] ops = {"sb", "sh", "sw", "swl", "swr"};
        String op = pick(ops);
        int size = op.equals("sh") ? 2 : op.equals("sw") ? 4 : 1;
        emit(op + " " + r(src()) + ", " + rng.nextInt(BUFFER / size) * size + "(" + r(BUF_REG) + ")");
    }

    private void branch() {
        String target = label + "_" + labels++;
        if (rng.nextBoolean()) emit(pick(BRANCH2) + " " + r(src()) + ", " + r(src()) + ", " + target);
        else emit(pick(BRANCH1) + " " + r(src()) + ", " + target);
        alu();
        int skip = 1 + rng.nextInt(4);
        for (int i = 0; i < skip; i++) step(false);
        body.add(target + ":");
    }

    private String pick(String[] a) { return a[rng.nextInt(a.length)]; }

    /** Loads the initial registers, HI and LO; {@code block} is the label of this program's data. */
    void prologue(List<String> out) {
        out.add("# program " + label);
        out.add("lui $27, %hi(" + label + "_data)");
        out.add("addiu $27, $27, %lo(" + label + "_data)");
        out.add("addiu $26, $27, " + BUFFER);
        loadConstant(out, 1, initial[LAST + 1]);
        out.add("mthi $1");
        loadConstant(out, 1, initial[LAST + 2]);
        out.add("mtlo $1");
        for (int n = FIRST; n <= LAST; n++) loadConstant(out, n, initial[n]);
    }

    private static void loadConstant(List<String> out, int reg, int v) {
        out.add("lui " + r(reg) + ", 0x" + Integer.toHexString(v >>> 16));
        out.add("ori " + r(reg) + ", " + r(reg) + ", 0x" + Integer.toHexString(v & 0xFFFF));
    }

    /** Stores $1..$25, HI and LO to the dump. */
    void epilogue(List<String> out) {
        for (int n = FIRST; n <= LAST; n++) out.add("sw " + r(n) + ", " + (n - FIRST) * 4 + "(" + r(DUMP_REG) + ")");
        out.add("mfhi $1");
        out.add("sw $1, " + (LAST - FIRST + 1) * 4 + "(" + r(DUMP_REG) + ")");
        out.add("mflo $1");
        out.add("sw $1, " + (LAST - FIRST + 2) * 4 + "(" + r(DUMP_REG) + ")");
    }

    /** This program's .data block: the scratch buffer, then room for the dump. */
    void data(List<String> out) {
        out.add(".align 4");
        out.add(label + "_data:");
        StringBuilder b = new StringBuilder(".byte ");
        for (int i = 0; i < BUFFER; i++) b.append(i == 0 ? "" : ", ").append(buffer[i] & 0xFF);
        out.add(b.toString());
        out.add(".space " + (BLOCK - BUFFER));
    }

    /** The source of the whole program, for a failure message. */
    String listing() {
        List<String> out = new ArrayList<>();
        prologue(out);
        out.addAll(body);
        epilogue(out);
        return String.join("\n", out);
    }
}
