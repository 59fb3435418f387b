package vm3000.cpu.core;

import static vm3000.cpu.core.Case.iType;
import static vm3000.cpu.core.Case.rType;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.isa.Op;

/**
 * Set-on-less-than: SLT/SLTI compare signed, SLTU/SLTIU unsigned. SLTIU's immediate is
 * sign-extended and then compared unsigned, so 0xffff means 0xffffffff.
 */
class CompareTest {
    private static final int MAX = Integer.MAX_VALUE, MIN = Integer.MIN_VALUE;

    static List<Case> cases() {
        return List.of(
                rType("slt_less", Op.SLT, 1, 2, 1),
                rType("slt_equal", Op.SLT, 5, 5, 0),
                rType("slt_greater", Op.SLT, 3, 2, 0),
                rType("slt_negLessThanPos", Op.SLT, -1, 1, 1),
                rType("slt_minLessThanMax", Op.SLT, MIN, MAX, 1),
                rType("slt_maxNotLessThanMin", Op.SLT, MAX, MIN, 0),
                rType("slt_negNeg", Op.SLT, -5, -3, 1),

                rType("sltu_less", Op.SLTU, 1, 2, 1),
                rType("sltu_equal", Op.SLTU, -1, -1, 0),
                rType("sltu_negIsLarge", Op.SLTU, -1, 1, 0),
                rType("sltu_posLessThanNeg", Op.SLTU, 1, -1, 1),
                rType("sltu_maxLessThanMin", Op.SLTU, MAX, MIN, 1),
                rType("sltu_zeroLessThanAnything", Op.SLTU, 0, 1, 1),

                iType("slti_negImmediate_signExtended", Op.SLTI, -2, 0xFFFF, 1),
                iType("slti_zeroNotLessThanNeg", Op.SLTI, 0, 0xFFFF, 0),
                iType("slti_minImmediate", Op.SLTI, MIN, 0x8000, 1),
                iType("slti_equal", Op.SLTI, 0x7FFF, 0x7FFF, 0),
                iType("slti_maxSource", Op.SLTI, MAX, 0x7FFF, 0),

                iType("sltiu_allOnesImmediate_isUnsignedMax", Op.SLTIU, 0x7FFF_FFFF, 0xFFFF, 1),
                iType("sltiu_highBitImmediate_isFFFF8000", Op.SLTIU, 0xFFFF_7FFF, 0x8000, 1),
                iType("sltiu_aboveSignExtendedImmediate", Op.SLTIU, 0xFFFF_8000, 0x8000, 0),
                iType("sltiu_negSourceNotLessThanSmall", Op.SLTIU, -1, 1, 0),
                iType("sltiu_zeroLessThanOne", Op.SLTIU, 0, 1, 1),
                iType("sltiu_equal", Op.SLTIU, 0x100, 0x100, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
