package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.isa.Op;

/**
 * MULT/MULTU write the 64-bit product to HI:LO; MFHI/MFLO read them, MTHI/MTLO write them.
 * Expected products come from Java's 64-bit arithmetic, independently of the core.
 */
class MultiplyTest {
    static Case mult(String name, int a, int b) {
        long p = (long) a * b;
        return hiLo(name, Op.MULT, a, b, (int) (p >>> 32), (int) p);
    }

    static Case multu(String name, int a, int b) {
        long ua = Integer.toUnsignedLong(a), ub = Integer.toUnsignedLong(b);
        long p = ua * ub; // fits in 64 unsigned bits
        return hiLo(name, Op.MULTU, a, b, (int) (p >>> 32), (int) p);
    }

    /** {@code op $1, $2; mfhi $3; mflo $4}: HI and LO checked directly and through the moves. */
    static Case hiLo(String name, Op op, int a, int b, int hi, int lo) {
        int[] program = {Enc.rsrt(op, 1, 2), Enc.rd(Op.MFHI, 3), Enc.rd(Op.MFLO, 4)};
        return Case.of(name, op, program, t -> { t.set(1, a).set(2, b); t.cpu.setHiLo(0x1111, 0x2222); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(hi, t.hi(), "HI");
                    assertEquals(lo, t.lo(), "LO");
                    assertEquals(hi, t.reg(3), "mfhi");
                    assertEquals(lo, t.reg(4), "mflo");
                });
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(mult("mult_small", 6, 7));
        c.add(mult("mult_negPos", -3, 5));
        c.add(mult("mult_negNeg", -40000, -50000));
        c.add(mult("mult_large", 0x7FFF_FFFF, 0x7FFF_FFFF));
        c.add(mult("mult_minMin", Integer.MIN_VALUE, Integer.MIN_VALUE));
        c.add(mult("mult_minTimesMinusOne", Integer.MIN_VALUE, -1));
        c.add(mult("mult_byZero", -12345, 0));
        c.add(multu("multu_small", 6, 7));
        c.add(multu("multu_allOnesSquared", -1, -1));
        c.add(multu("multu_highBitTimesTwo", 0x8000_0000, 2));
        c.add(multu("multu_large", 0xDEAD_BEEF, 0xCAFE_BABE));
        c.add(multu("multu_negAsUnsigned", -3, 5));
        // Explicit expected values, so the helper's own arithmetic is checked too.
        c.add(hiLo("mult_minusOneTimesOne_explicit", Op.MULT, -1, 1, -1, -1));
        c.add(hiLo("multu_allOnesTimesOne_explicit", Op.MULTU, -1, 1, 0, -1));
        c.add(hiLo("multu_allOnesSquared_explicit", Op.MULTU, -1, -1, 0xFFFF_FFFE, 1));
        c.add(hiLo("mult_large_explicit", Op.MULT, 0x7FFF_FFFF, 0x7FFF_FFFF, 0x3FFF_FFFF, 1));

        c.add(Case.of("mfhi_readsHi", Op.MFHI, new int[] {Enc.rd(Op.MFHI, 5)},
                t -> t.cpu.setHiLo(0xABCD_0123, 7), t -> assertEquals(0xABCD_0123, t.reg(5))));
        c.add(Case.of("mflo_readsLo", Op.MFLO, new int[] {Enc.rd(Op.MFLO, 5)},
                t -> t.cpu.setHiLo(7, 0x8000_0001), t -> assertEquals(0x8000_0001, t.reg(5))));
        c.add(Case.of("mthi_writesHiOnly", Op.MTHI, new int[] {Enc.rs(Op.MTHI, 6)},
                t -> { t.set(6, 0xFEED_F00D); t.cpu.setHiLo(1, 2); },
                t -> { assertEquals(0xFEED_F00D, t.hi()); assertEquals(2, t.lo()); }));
        c.add(Case.of("mtlo_writesLoOnly", Op.MTLO, new int[] {Enc.rs(Op.MTLO, 6)},
                t -> { t.set(6, 0xFEED_F00D); t.cpu.setHiLo(1, 2); },
                t -> { assertEquals(1, t.hi()); assertEquals(0xFEED_F00D, t.lo()); }));
        c.add(Case.of("mthi_mtlo_mfhi_mflo_roundTrip", Op.MTLO,
                new int[] {Enc.rs(Op.MTHI, 6), Enc.rs(Op.MTLO, 7), Enc.rd(Op.MFHI, 8), Enc.rd(Op.MFLO, 9)},
                t -> t.set(6, -6).set(7, -7),
                t -> { assertEquals(-6, t.reg(8)); assertEquals(-7, t.reg(9)); }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
