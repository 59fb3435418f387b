package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.core.TestCpu.CODE;
import static vm3000.cpu.core.TestCpu.DATA;
import static vm3000.cpu.core.TestCpu.DATA_PA;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

/**
 * Stores in both byte orders, checked byte by byte against the bytes the R3000 manual says each
 * store writes. SH/SW/SC fault (AdES, BadVAddr = the exact address, memory untouched) on
 * misaligned addresses; SWL/SWR write partial words at every offset. SC stores and returns 1
 * only after an LL with no exception in between.
 */
class StoreTest {
    /** Bytes at DATA .. DATA+7 before a store. */
    static final int[] MEM = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
    static final int VALUE = 0xA1B2C3D4;

    static void fill(TestCpu t) { t.storeBytes(DATA_PA, MEM); }

    static int[] bytes(TestCpu t) {
        int[] b = new int[MEM.length];
        for (int k = 0; k < b.length; k++) b[k] = t.byteAt(DATA_PA + k);
        return b;
    }

    private static int msb(int v, int k) { return (v >>> (24 - 8 * k)) & 0xFF; }
    private static int lsb(int v, int k) { return (v >>> (8 * k)) & 0xFF; }

    /** Memory after a store of {@code size} bytes of VALUE at DATA + at. */
    static int[] plainRef(Endian e, int at, int size) {
        int[] m = MEM.clone();
        for (int k = 0; k < size; k++) m[at + k] = e == Endian.BIG ? lsb(VALUE, size - 1 - k) : lsb(VALUE, k);
        return m;
    }

    /** Memory after SWL at DATA + off. */
    static int[] swlRef(Endian e, int off) {
        int[] m = MEM.clone();
        if (e == Endian.BIG) for (int k = 0; k <= 3 - off; k++) m[off + k] = msb(VALUE, k);
        else for (int k = 0; k <= off; k++) m[off - k] = msb(VALUE, k);
        return m;
    }

    /** Memory after SWR at DATA + off. */
    static int[] swrRef(Endian e, int off) {
        int[] m = MEM.clone();
        if (e == Endian.BIG) for (int k = 0; k <= off; k++) m[off - k] = lsb(VALUE, k);
        else for (int k = 0; k <= 3 - off; k++) m[off + k] = lsb(VALUE, k);
        return m;
    }

    static Case store(String name, Op op, Endian e, int[] program, int base, int[] expected) {
        Case c = Case.of(name, op, program, t -> { fill(t); t.set(1, base).set(2, VALUE); },
                t -> { Case.noTrap(t); assertArrayEquals(expected, bytes(t), "memory bytes"); });
        return e == Endian.BIG ? c : c.little();
    }

    static Case store(String name, Op op, Endian e, int off, int[] expected) {
        return store(name, op, e, new int[] {Enc.mem(op, 2, off, 1)}, DATA, expected);
    }

    static Case misaligned(String name, Op op, int addr) {
        return Case.traps(name, op, Enc.mem(op, 2, addr - DATA, 1), ExcCode.ADES, t -> {
            fill(t);
            t.set(1, DATA).set(2, VALUE);
        }).andThen(t -> {
            assertEquals(addr, t.badVAddr(), "BadVAddr");
            assertArrayEquals(MEM, bytes(t), "memory untouched");
        });
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (Endian e : Endian.values()) {
            String en = e == Endian.BIG ? "be" : "le";
            for (int off = 0; off < 4; off++) {
                c.add(store("sb_" + en + "_off" + off, Op.SB, e, off, plainRef(e, off, 1)));
                c.add(store("swl_" + en + "_off" + off, Op.SWL, e, off, swlRef(e, off)));
                c.add(store("swr_" + en + "_off" + off, Op.SWR, e, off, swrRef(e, off)));
            }
            c.add(store("sh_" + en + "_off0", Op.SH, e, 0, plainRef(e, 0, 2)));
            c.add(store("sh_" + en + "_off2", Op.SH, e, 2, plainRef(e, 2, 2)));
            c.add(store("sw_" + en, Op.SW, e, 4, plainRef(e, 4, 4)));
            for (int k = 0; k < 4; k++) {
                int[] pair = e == Endian.BIG
                        ? new int[] {Enc.mem(Op.SWL, 2, 0, 1), Enc.mem(Op.SWR, 2, 3, 1)}
                        : new int[] {Enc.mem(Op.SWR, 2, 0, 1), Enc.mem(Op.SWL, 2, 3, 1)};
                c.add(store("swl_swr_" + en + "_unalignedWordAtOff" + k, e == Endian.BIG ? Op.SWL : Op.SWR, e,
                        pair, DATA + k, plainRef(e, k, 4)));
            }
        }
        // Explicit expectations, independent of the reference helpers.
        c.add(store("sb_be_lowByteOnly", Op.SB, Endian.BIG, 1, new int[] {0x11, 0xD4, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("sh_le_lowHalfOnly", Op.SH, Endian.LITTLE, 2, new int[] {0x11, 0x22, 0xD4, 0xC3, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("swl_be_off1_threeHighBytes", Op.SWL, Endian.BIG, 1, new int[] {0x11, 0xA1, 0xB2, 0xC3, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("swr_be_off1_twoLowBytes", Op.SWR, Endian.BIG, 1, new int[] {0xC3, 0xD4, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("swl_le_off1_twoHighBytes", Op.SWL, Endian.LITTLE, 1, new int[] {0xB2, 0xA1, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("swr_le_off1_threeLowBytes", Op.SWR, Endian.LITTLE, 1, new int[] {0x11, 0xD4, 0xC3, 0xB2, 0x55, 0x66, 0x77, 0x88}));
        c.add(store("sw_negativeOffset", Op.SW, Endian.BIG, new int[] {Enc.mem(Op.SW, 2, -4, 1)}, DATA + 8,
                new int[] {0x11, 0x22, 0x33, 0x44, 0xA1, 0xB2, 0xC3, 0xD4}));

        c.add(misaligned("sh_odd_ades", Op.SH, DATA + 1));
        c.add(misaligned("sh_off3_ades", Op.SH, DATA + 3));
        for (int off = 1; off < 4; off++) c.add(misaligned("sw_off" + off + "_ades", Op.SW, DATA + off));

        c.add(Case.of("sc_afterLl_storesAndReturns1", Op.SC,
                new int[] {Enc.mem(Op.LL, 3, 0, 1), Enc.mem(Op.SC, 2, 0, 1)},
                t -> { fill(t); t.set(1, DATA).set(2, VALUE); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(1, t.reg(2), "sc result");
                    assertEquals(0x11223344, t.reg(3), "ll value");
                    assertEquals(VALUE, t.word(DATA_PA), "stored");
                }));
        c.add(Case.of("sc_withoutLl_failsAndDoesNotStore", Op.SC, new int[] {Enc.mem(Op.SC, 2, 0, 1)},
                t -> { fill(t); t.set(1, DATA).set(2, VALUE); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(0, t.reg(2), "sc result");
                    assertArrayEquals(MEM, bytes(t), "memory untouched");
                }));
        c.add(Case.of("sc_secondAfterOneLl_fails", Op.SC,
                new int[] {Enc.mem(Op.LL, 3, 0, 1), Enc.mem(Op.SC, 2, 0, 1), Enc.mem(Op.SC, 4, 4, 1)},
                t -> { fill(t); t.set(1, DATA).set(2, VALUE).set(4, 0x7777_7777); },
                t -> {
                    assertEquals(1, t.reg(2), "first sc");
                    assertEquals(0, t.reg(4), "second sc");
                    assertEquals(0x5566_7788, t.word(DATA_PA + 4), "second word untouched");
                }));
        c.add(misaligned("sc_withoutLl_misaligned_stillAdes", Op.SC, DATA + 2));
        c.add(Case.of("sc_afterLl_misaligned_ades", Op.SC, new int[] {Enc.mem(Op.LL, 3, 0, 1), Enc.mem(Op.SC, 2, 2, 1)},
                t -> { fill(t); t.set(1, DATA).set(2, VALUE); },
                t -> {
                    Case.assertTrap(t, ExcCode.ADES, CODE + 4);
                    assertEquals(DATA + 2, t.badVAddr(), "BadVAddr");
                    assertEquals(VALUE, t.reg(2), "rt unchanged");
                    assertArrayEquals(MEM, bytes(t), "memory untouched");
                }));
        c.add(Case.traps("sc_withoutLl_unmappedKuseg_stillTlbMiss", Op.SC, Enc.mem(Op.SC, 2, 0, 1), ExcCode.TLBS,
                t -> t.set(1, 0x0040_0000)).andThen(t -> assertEquals(0x0040_0000, t.badVAddr(), "BadVAddr")));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }

    /** An exception between LL and SC clears the link: the SC then fails and stores nothing. */
    @Test
    void sc_afterExceptionBetween_failsAndDoesNotStore() {
        TestCpu t = new TestCpu().load(Enc.mem(Op.LL, 3, 0, 1), Enc.op(Op.SYSCALL), Enc.mem(Op.SC, 2, 0, 1));
        fill(t);
        t.set(1, DATA).set(2, VALUE);
        t.run(2);
        assertEquals(ExcCode.SYS, t.trap());
        t.cpu.setPc(CODE + 8); // resume at the SC as a handler returning past the syscall would
        t.stepAll(1);
        assertEquals(0, t.reg(2), "sc result");
        assertArrayEquals(MEM, bytes(t), "memory untouched");
        assertEquals(CODE + 12, t.pc());
    }
}
