package vm3000.cpu.core;

import static vm3000.cpu.core.Case.iType;
import static vm3000.cpu.core.Case.rType;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.isa.Op;

/** Bitwise logic: AND, OR, XOR, NOR and the zero-extended immediates ANDI, ORI, XORI. */
class BitwiseTest {
    static List<Case> cases() {
        return List.of(
                rType("and_mixed", Op.AND, 0xF0F0_1234, 0xFF00_FF00, 0xF000_1200),
                rType("and_allOnes", Op.AND, -1, 0x8000_0001, 0x8000_0001),
                rType("and_zero", Op.AND, 0, -1, 0),
                rType("or_mixed", Op.OR, 0xF0F0_0000, 0x0000_1234, 0xF0F0_1234),
                rType("or_signBits", Op.OR, 0x8000_0000, 1, 0x8000_0001),
                rType("xor_mixed", Op.XOR, 0xFFFF_0000, 0xF0F0_F0F0, 0x0F0F_F0F0),
                rType("xor_self_zero", Op.XOR, 0x1234_5678, 0x1234_5678, 0),
                rType("nor_zeros_allOnes", Op.NOR, 0, 0, -1),
                rType("nor_mixed", Op.NOR, 0xF000_0000, 0x0000_000F, 0x0FFF_FFF0),
                rType("nor_allOnes_zero", Op.NOR, -1, 0, 0),

                iType("andi_highBitImmediate_zeroExtended", Op.ANDI, -1, 0x8000, 0x0000_8000),
                iType("andi_allOnesImmediate_clearsUpperHalf", Op.ANDI, 0xDEAD_BEEF, 0xFFFF, 0x0000_BEEF),
                iType("andi_zero", Op.ANDI, -1, 0, 0),
                iType("ori_highBitImmediate_zeroExtended", Op.ORI, 0, 0x8000, 0x0000_8000),
                iType("ori_allOnesImmediate_keepsUpperHalf", Op.ORI, 0x1234_0000, 0xFFFF, 0x1234_FFFF),
                iType("ori_negativeSource", Op.ORI, 0x8000_0000, 0x0001, 0x8000_0001),
                iType("xori_allOnesImmediate_zeroExtended", Op.XORI, 0, 0xFFFF, 0x0000_FFFF),
                iType("xori_negativeSource_upperHalfKept", Op.XORI, -1, 0x8000, 0xFFFF_7FFF),
                iType("xori_self_zero", Op.XORI, 0x1234, 0x1234, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
