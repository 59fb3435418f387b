package vm3000.cpu.core;

import static vm3000.cpu.core.Case.iType;
import static vm3000.cpu.core.Case.rType;
import static vm3000.cpu.core.Case.traps;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

/**
 * Arithmetic: ADD, ADDU, ADDI, ADDIU, SUB, SUBU, LUI. ADD, ADDI and SUB trap on signed overflow
 * (Ov, destination unchanged, EPC = the instruction); the unsigned forms wrap silently with the
 * same operands. Immediates of ADDI/ADDIU are sign-extended; LUI fills the low half with zeros.
 */
class ArithTest {
    private static final int MAX = Integer.MAX_VALUE, MIN = Integer.MIN_VALUE;

    static List<Case> cases() {
        return List.of(
                rType("add_small", Op.ADD, 2, 3, 5),
                rType("add_posNeg", Op.ADD, 7, -10, -3),
                rType("add_negNeg_noOverflow", Op.ADD, -1, MIN + 1, MIN),
                rType("add_maxPlusZero", Op.ADD, MAX, 0, MAX),
                traps("add_posPos_overflowTraps", Op.ADD, Enc.r(Op.ADD, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, MAX).set(2, 1)),
                traps("add_negNeg_overflowTraps", Op.ADD, Enc.r(Op.ADD, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, MIN).set(2, -1)),
                traps("add_minMin_overflowTraps", Op.ADD, Enc.r(Op.ADD, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, MIN).set(2, MIN)),
                traps("add_overflowIntoSource_keepsSource", Op.ADD, Enc.r(Op.ADD, 1, 1, 2), ExcCode.OV,
                        t -> t.set(1, MAX).set(2, MAX)),

                rType("addu_posPos_wrapsNoTrap", Op.ADDU, MAX, 1, MIN),
                rType("addu_negNeg_wrapsNoTrap", Op.ADDU, MIN, -1, MAX),
                rType("addu_minMin_wrapsToZero", Op.ADDU, MIN, MIN, 0),
                rType("addu_small", Op.ADDU, 40, 2, 42),

                iType("addi_small", Op.ADDI, 10, 5, 15),
                iType("addi_negImmediate_signExtended", Op.ADDI, 10, 0xFFFF, 9),
                iType("addi_minImmediate", Op.ADDI, 0, 0x8000, -32768),
                iType("addi_toMax", Op.ADDI, MAX - 0x7FFF, 0x7FFF, MAX),
                traps("addi_posPos_overflowTraps", Op.ADDI, Enc.i(Op.ADDI, 2, 1, 1), ExcCode.OV,
                        t -> t.set(1, MAX)),
                traps("addi_negNeg_overflowTraps", Op.ADDI, Enc.i(Op.ADDI, 2, 1, 0x8000), ExcCode.OV,
                        t -> t.set(1, MIN + 0x7FFF)),

                iType("addiu_posPos_wrapsNoTrap", Op.ADDIU, MAX, 1, MIN),
                iType("addiu_negNeg_wrapsNoTrap", Op.ADDIU, MIN + 0x7FFF, 0x8000, MAX),
                iType("addiu_negImmediate_signExtended", Op.ADDIU, 0, 0xFFFF, -1),
                iType("addiu_highBitImmediate_signExtended", Op.ADDIU, 0x10000, 0x8000, 0x8000),
                iType("addiu_positiveImmediate", Op.ADDIU, 1, 0x7FFF, 0x8000),

                rType("sub_small", Op.SUB, 5, 3, 2),
                rType("sub_toNegative", Op.SUB, 3, 5, -2),
                rType("sub_minMinusNeg", Op.SUB, MIN, -1, MIN + 1),
                rType("sub_zeroMinusMax", Op.SUB, 0, MAX, -MAX),
                traps("sub_minMinusOne_overflowTraps", Op.SUB, Enc.r(Op.SUB, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, MIN).set(2, 1)),
                traps("sub_maxMinusNeg_overflowTraps", Op.SUB, Enc.r(Op.SUB, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, MAX).set(2, -1)),
                traps("sub_zeroMinusMin_overflowTraps", Op.SUB, Enc.r(Op.SUB, 3, 1, 2), ExcCode.OV,
                        t -> t.set(1, 0).set(2, MIN)),

                rType("subu_minMinusOne_wrapsNoTrap", Op.SUBU, MIN, 1, MAX),
                rType("subu_maxMinusNeg_wrapsNoTrap", Op.SUBU, MAX, -1, MIN),
                rType("subu_zeroMinusMin_wrapsNoTrap", Op.SUBU, 0, MIN, MIN),
                rType("subu_small", Op.SUBU, 9, 4, 5),

                iType("lui_low", Op.LUI, 0x12345678, 0x0001, 0x00010000),
                iType("lui_highBit_lowHalfZero", Op.LUI, -1, 0x8000, 0x80000000),
                iType("lui_allOnes", Op.LUI, 0, 0xFFFF, 0xFFFF0000),
                iType("lui_zero", Op.LUI, 77, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
