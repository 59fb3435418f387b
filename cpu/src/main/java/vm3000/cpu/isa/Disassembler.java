package vm3000.cpu.isa;

/**
 * One instruction word to text, in the operand syntax of its {@link Format} and with the spelling
 * GNU objdump uses: {@code addiu $sp, $sp, -32}, {@code lw $t0, 4($sp)}, {@code mfc0 $t0, $12}.
 * Branch and jump targets are absolute addresses. Signed immediates and offsets are decimal,
 * unsigned immediates ({@code andi}, {@code ori}, {@code xori}, {@code lui}) are hex. A word
 * that decodes to no table entry is printed as {@code .word 0x........}.
 *
 * <p>The output is accepted by the assembler and assembles back to the same word (at the same pc),
 * provided the fields the format does not use are zero.
 */
public final class Disassembler {
    private Disassembler() {}

    /** The assembler text of {@code word} fetched from virtual address {@code pc}. */
    public static String disassemble(int word, int pc) {
        if (word == 0) return "nop";
        Op op = Decoder.decode(word);
        if (op == null) return String.format(".word 0x%08x", word);
        String m = op.mnemonic() + " ";
        int rs = Fields.rs(word);
        int rt = Fields.rt(word);
        int rd = Fields.rd(word);
        switch (op.format()) {
            case RD_RS_RT: return m + reg(rd) + ", " + reg(rs) + ", " + reg(rt);
            case RD_RT_SA: return m + reg(rd) + ", " + reg(rt) + ", " + Fields.sa(word);
            case RD_RT_RS: return m + reg(rd) + ", " + reg(rt) + ", " + reg(rs);
            case RS_RT: return m + reg(rs) + ", " + reg(rt);
            case RD: return m + reg(rd);
            case RS: return m + reg(rs);
            case RT: return m + reg(rt);
            case RD_RS: return rd == 31 ? m + reg(rs) : m + reg(rd) + ", " + reg(rs);
            case CODE20: {
                int code = Fields.code20(word);
                return code == 0 ? op.mnemonic() : m + code;
            }
            case CODE10: {
                int code = (word >>> 16) & 0x3FF;
                int code2 = (word >>> 6) & 0x3FF;
                if (code2 != 0) return m + code + ", " + code2;
                return code == 0 ? op.mnemonic() : m + code;
            }
            case NONE: return op.mnemonic();
            case RS_OFF: return m + reg(rs) + ", " + hex(Fields.branchTarget(pc, word));
            case RS_RT_OFF: return m + reg(rs) + ", " + reg(rt) + ", " + hex(Fields.branchTarget(pc, word));
            case TARGET: return m + hex(Fields.jumpTarget(pc, word));
            case RT_RS_SIMM: return m + reg(rt) + ", " + reg(rs) + ", " + Fields.simm(word);
            case RT_RS_UIMM: return m + reg(rt) + ", " + reg(rs) + ", " + hex(Fields.uimm(word));
            case RT_UIMM: return m + reg(rt) + ", " + hex(Fields.uimm(word));
            case MEM: {
                String target = op.has(Op.Flag.COPROCESSOR) ? "$" + rt : reg(rt);
                return m + target + ", " + Fields.simm(word) + "(" + reg(rs) + ")";
            }
            case COP_MOVE: {
                int sel = Fields.sel(word);
                return m + reg(rt) + ", $" + rd + (sel != 0 ? ", " + sel : "");
            }
            case COPZ: return m + hex(word & 0x01FFFFFF);
            default: throw new IllegalStateException("format " + op.format());
        }
    }

    private static String reg(int n) { return "$" + Registers.name(n); }

    private static String hex(int v) { return "0x" + Integer.toHexString(v); }
}
