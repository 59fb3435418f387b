package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Disassembler;
import vm3000.cpu.isa.Op;
import vm3000.cpu.isa.Registers;

/** Every table entry: random operands -> word -> text -> the same word. */
class RoundTripTest {
    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOp_assembleDisassembleAssemble_sameWord(Op op) {
        Random random = new Random(op.ordinal() * 7919L);
        for (int i = 0; i < 25; i++) {
            String text = op.mnemonic() + " " + operands(op, random);
            int word = Asm.word(text);
            assertEquals(op, Decoder.decode(word), text);
            String back = Disassembler.disassemble(word, Asm.BASE);
            assertEquals(word, Asm.word(back), text + " -> " + back);
        }
    }

    private static String reg(Random r) { return "$" + Registers.name(r.nextInt(32)); }

    private static String target(Random r) {
        return "0x" + Integer.toHexString(Asm.BASE + 4 + 4 * (r.nextInt(65536) - 32768));
    }

    static String operands(Op op, Random r) {
        switch (op.format()) {
            case RD_RS_RT: case RD_RT_RS: return reg(r) + ", " + reg(r) + ", " + reg(r);
            case RD_RT_SA: return reg(r) + ", " + reg(r) + ", " + r.nextInt(32);
            case RS_RT: return reg(r) + ", " + reg(r);
            case RD: case RS: case RT: return reg(r);
            case RD_RS: return reg(r) + ", " + reg(r);
            case CODE20: return String.valueOf(r.nextInt(1 << 20));
            case CODE10: return r.nextInt(1024) + ", " + r.nextInt(1024);
            case NONE: return "";
            case RS_OFF: return reg(r) + ", " + target(r);
            case RS_RT_OFF: return reg(r) + ", " + reg(r) + ", " + target(r);
            case TARGET: return "0x" + Integer.toHexString(0x80000000 | (r.nextInt() & 0x0FFFFFFC));
            case RT_RS_SIMM: return reg(r) + ", " + reg(r) + ", " + (r.nextInt(65536) - 32768);
            case RT_RS_UIMM: return reg(r) + ", " + reg(r) + ", " + r.nextInt(65536);
            case RT_UIMM: return reg(r) + ", " + r.nextInt(65536);
            case MEM: {
                String rt = op.has(Op.Flag.COPROCESSOR) ? "$" + r.nextInt(32) : reg(r);
                return rt + ", " + (r.nextInt(65536) - 32768) + "(" + reg(r) + ")";
            }
            case COP_MOVE: return reg(r) + ", $" + r.nextInt(32) + ", " + r.nextInt(8);
            case COPZ: return "0x" + Integer.toHexString(r.nextInt(1 << 25));
            default: throw new AssertionError(op.format());
        }
    }
}
