package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.isa.Op;

/**
 * Shifts: SLL/SRL/SRA by the sa field, SLLV/SRLV/SRAV by the low five bits of rs (the rest of rs
 * is ignored). SRA and SRAV fill with the sign bit, SRL and SRLV with zeros.
 */
class ShiftTest {
    static Case shift(String name, Op op, int value, int sa, int expected) {
        return Case.of(name, op, new int[] {Enc.shift(op, 3, 2, sa)}, t -> t.set(2, value).set(3, Case.POISON),
                t -> { Case.noTrap(t); assertEquals(expected, t.reg(3), "rd"); });
    }

    static Case shiftv(String name, Op op, int value, int amount, int expected) {
        return Case.of(name, op, new int[] {Enc.shiftv(op, 3, 2, 1)},
                t -> t.set(2, value).set(1, amount).set(3, Case.POISON),
                t -> { Case.noTrap(t); assertEquals(expected, t.reg(3), "rd"); });
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(shift("sll_by0_unchanged", Op.SLL, 0x8765_4321, 0, 0x8765_4321));
        c.add(shift("sll_by1", Op.SLL, 0x4000_0001, 1, 0x8000_0002));
        c.add(shift("sll_by31", Op.SLL, 0x0000_0003, 31, 0x8000_0000));
        c.add(shift("sll_by16", Op.SLL, 0x0000_ABCD, 16, 0xABCD_0000));
        c.add(shift("srl_by0_unchanged", Op.SRL, 0x8765_4321, 0, 0x8765_4321));
        c.add(shift("srl_negative_zeroFills", Op.SRL, 0x8000_0000, 4, 0x0800_0000));
        c.add(shift("srl_by31", Op.SRL, 0x8000_0000, 31, 1));
        c.add(shift("sra_by0_unchanged", Op.SRA, 0x8765_4321, 0, 0x8765_4321));
        c.add(shift("sra_negative_signFills", Op.SRA, 0x8000_0000, 4, 0xF800_0000));
        c.add(shift("sra_by31_negative", Op.SRA, 0x8000_0000, 31, -1));
        c.add(shift("sra_by31_positive", Op.SRA, 0x7FFF_FFFF, 31, 0));
        c.add(shift("sra_positive_zeroFills", Op.SRA, 0x7000_0000, 28, 7));

        c.add(shiftv("sllv_by0", Op.SLLV, 0x1234_5678, 0, 0x1234_5678));
        c.add(shiftv("sllv_by31", Op.SLLV, 1, 31, 0x8000_0000));
        c.add(shiftv("sllv_by32_usesLow5Bits", Op.SLLV, 0x1234_5678, 32, 0x1234_5678));
        c.add(shiftv("sllv_by33_usesLow5Bits", Op.SLLV, 1, 33, 2));
        c.add(shiftv("sllv_negativeAmount_usesLow5Bits", Op.SLLV, 1, -1, 0x8000_0000));
        c.add(shiftv("srlv_by4", Op.SRLV, 0x8000_0000, 4, 0x0800_0000));
        c.add(shiftv("srlv_by31", Op.SRLV, 0x8000_0000, 31, 1));
        c.add(shiftv("srlv_by0xffe4_usesLow5Bits", Op.SRLV, 0xF000_0000, 0xFFE4, 0x0F00_0000));
        c.add(shiftv("srav_by4_signFills", Op.SRAV, 0x8000_0000, 4, 0xF800_0000));
        c.add(shiftv("srav_by31", Op.SRAV, 0x8000_0000, 31, -1));
        c.add(shiftv("srav_by0x21_usesLow5Bits", Op.SRAV, 0x8000_0000, 0x21, 0xC000_0000));
        c.add(shiftv("srav_positive_zeroFills", Op.SRAV, 0x4000_0000, 30, 1));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
