package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.isa.Op;

/**
 * DIV/DIVU: LO = quotient (truncated toward zero), HI = remainder (sign of the dividend).
 * INT_MIN / -1 gives LO = INT_MIN, HI = 0 without an exception (the R3000's result; System/161
 * crashes). Division by zero raises nothing and gives System/161's values, which its CPU tests
 * (td-div-*z, td-divu-*z) check: DIV gives LO = 0x7fffffff for a dividend >= 0 and 0xffffffff
 * otherwise, DIVU gives LO = 0xffffffff; both give HI = 0.
 */
class DivideTest {
    static Case div(String name, Op op, int n, int d, int quotient, int remainder) {
        int[] program = {Enc.rsrt(op, 1, 2), Enc.rd(Op.MFLO, 3), Enc.rd(Op.MFHI, 4)};
        return Case.of(name, op, program, t -> { t.set(1, n).set(2, d); t.cpu.setHiLo(0x1111, 0x2222); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(quotient, t.lo(), "LO");
                    assertEquals(remainder, t.hi(), "HI");
                    assertEquals(quotient, t.reg(3), "mflo");
                    assertEquals(remainder, t.reg(4), "mfhi");
                    assertEquals(TestCpu.CODE + 12, t.pc(), "pc after three instructions");
                });
    }

    static List<Case> cases() {
        int min = Integer.MIN_VALUE;
        List<Case> c = new ArrayList<>();
        c.add(div("div_exact", Op.DIV, 42, 6, 7, 0));
        c.add(div("div_withRemainder", Op.DIV, 7, 2, 3, 1));
        c.add(div("div_negDividend_truncatesTowardZero", Op.DIV, -7, 2, -3, -1));
        c.add(div("div_negDivisor_remainderSignOfDividend", Op.DIV, 7, -2, -3, 1));
        c.add(div("div_negNeg", Op.DIV, -7, -2, 3, -1));
        c.add(div("div_smallByLarge", Op.DIV, 5, 100, 0, 5));
        c.add(div("div_minByMinusOne_noTrap", Op.DIV, min, -1, min, 0));
        c.add(div("div_minByOne", Op.DIV, min, 1, min, 0));
        c.add(div("div_minByTwo", Op.DIV, min, 2, -0x4000_0000, 0));
        c.add(div("div_posByZero_isMaxInt", Op.DIV, 5, 0, Integer.MAX_VALUE, 0));
        c.add(div("div_zeroByZero_isMaxInt", Op.DIV, 0, 0, Integer.MAX_VALUE, 0));
        c.add(div("div_negByZero_isMinusOne", Op.DIV, -5, 0, -1, 0));
        c.add(div("div_minByZero_isMinusOne", Op.DIV, min, 0, -1, 0));

        c.add(div("divu_exact", Op.DIVU, 42, 6, 7, 0));
        c.add(div("divu_withRemainder", Op.DIVU, 7, 2, 3, 1));
        c.add(div("divu_highBitDividend_isLarge", Op.DIVU, -7, 2, 0x7FFF_FFFC, 1));
        c.add(div("divu_byHighBitDivisor", Op.DIVU, 7, -2, 0, 7));
        c.add(div("divu_allOnesByAllOnes", Op.DIVU, -1, -1, 1, 0));
        c.add(div("divu_minByMinusOne_isZero", Op.DIVU, min, -1, 0, min));
        c.add(div("divu_byZero_isAllOnes", Op.DIVU, 5, 0, -1, 0));
        c.add(div("divu_highBitByZero_isAllOnes", Op.DIVU, -5, 0, -1, 0));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
