package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.core.TestCpu.DATA;
import static vm3000.cpu.core.TestCpu.DATA_PA;

import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads in both byte orders. Memory is filled byte by byte, so expected values are built from
 * the bytes at increasing addresses and the byte order, independently of the core's lane logic.
 * LB/LH sign-extend, LBU/LHU zero-extend; LH/LHU/LW/LL fault (AdEL, BadVAddr = the exact
 * address, no register written) on misaligned addresses; LWL/LWR never fault on alignment and
 * merge into rt as the R3000 manual describes, for every byte offset.
 */
class LoadTest {
    /** Bytes at DATA .. DATA+7. */
    static final int[] MEM = {0x81, 0x7F, 0xA3, 0x04, 0xC5, 0x56, 0xE7, 0xF8};
    /** What rt holds before LWL/LWR merge into it. */
    static final int OLD = 0x0A0B0C0D;

    static void fill(TestCpu t) { t.storeBytes(DATA_PA, MEM); }

    /** The n bytes at MEM[at..] assembled in byte order e. */
    static int assemble(Endian e, int at, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int b = MEM[at + k];
            v |= e == Endian.BIG ? b << (8 * (n - 1 - k)) : b << (8 * k);
        }
        return v;
    }

    private static int putByte(int word, int shift, int b) { return (word & ~(0xFF << shift)) | ((b & 0xFF) << shift); }

    /** LWL at DATA + off (R3000 manual): the bytes from the address towards the word's far end fill rt from its MSB. */
    static int lwlRef(Endian e, int off, int old) {
        int r = old;
        if (e == Endian.BIG) for (int k = off; k <= 3; k++) r = putByte(r, 24 - 8 * (k - off), MEM[k]);
        else for (int k = 0; k <= off; k++) r = putByte(r, 24 - 8 * (off - k), MEM[k]);
        return r;
    }

    /** LWR at DATA + off: the bytes from the address towards the word's near end fill rt from its LSB. */
    static int lwrRef(Endian e, int off, int old) {
        int r = old;
        if (e == Endian.BIG) for (int k = 0; k <= off; k++) r = putByte(r, 8 * (off - k), MEM[k]);
        else for (int k = off; k <= 3; k++) r = putByte(r, 8 * (k - off), MEM[k]);
        return r;
    }

    /** {@code op $2, off($1)} with $1 = base: $2 = expected. */
    static Case load(String name, Op op, Endian e, int base, int off, int expected) {
        Case c = Case.of(name, op, new int[] {Enc.mem(op, 2, off, 1)},
                t -> { fill(t); t.set(1, base).set(2, OLD); },
                t -> { Case.noTrap(t); assertEquals(expected, t.reg(2), "rt"); });
        return e == Endian.BIG ? c : c.little();
    }

    static Case misaligned(String name, Op op, int addr) {
        return Case.traps(name, op, Enc.mem(op, 2, addr - DATA, 1), ExcCode.ADEL, t -> {
            fill(t);
            t.set(1, DATA);
        }).andThen(t -> assertEquals(addr, t.badVAddr(), "BadVAddr"));
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (Endian e : Endian.values()) {
            String en = e == Endian.BIG ? "be" : "le";
            for (int off = 0; off < 4; off++) {
                c.add(load("lb_" + en + "_off" + off, Op.LB, e, DATA, off, (byte) MEM[off]));
                c.add(load("lbu_" + en + "_off" + off, Op.LBU, e, DATA, off, MEM[off]));
                c.add(load("lwl_" + en + "_off" + off, Op.LWL, e, DATA, off, lwlRef(e, off, OLD)));
                c.add(load("lwr_" + en + "_off" + off, Op.LWR, e, DATA, off, lwrRef(e, off, OLD)));
            }
            for (int off = 0; off < 4; off += 2) {
                c.add(load("lh_" + en + "_off" + off, Op.LH, e, DATA, off, (short) assemble(e, off, 2)));
                c.add(load("lhu_" + en + "_off" + off, Op.LHU, e, DATA, off, assemble(e, off, 2)));
            }
            c.add(load("lw_" + en, Op.LW, e, DATA, 4, assemble(e, 4, 4)));
            c.add(load("ll_" + en, Op.LL, e, DATA, 0, assemble(e, 0, 4)));
            // lwl/lwr pairs read the unaligned word at DATA + k as its bytes in this byte order.
            for (int k = 0; k < 4; k++) {
                int a = DATA + k;
                int[] pair = e == Endian.BIG
                        ? new int[] {Enc.mem(Op.LWL, 2, 0, 1), Enc.mem(Op.LWR, 2, 3, 1)}
                        : new int[] {Enc.mem(Op.LWR, 2, 0, 1), Enc.mem(Op.LWL, 2, 3, 1)};
                int expected = assemble(e, k, 4);
                Case pc = Case.of("lwl_lwr_" + en + "_unalignedWordAtOff" + k, e == Endian.BIG ? Op.LWL : Op.LWR, pair,
                        t -> { fill(t); t.set(1, a).set(2, OLD); },
                        t -> { Case.noTrap(t); assertEquals(expected, t.reg(2), "unaligned word"); });
                c.add(e == Endian.BIG ? pc : pc.little());
            }
        }
        // Sign and zero extension with explicit values (big-endian).
        c.add(load("lb_negative_signExtends", Op.LB, Endian.BIG, DATA, 0, 0xFFFF_FF81));
        c.add(load("lbu_negative_zeroExtends", Op.LBU, Endian.BIG, DATA, 0, 0x0000_0081));
        c.add(load("lb_positive", Op.LB, Endian.BIG, DATA, 1, 0x7F));
        c.add(load("lh_negative_signExtends", Op.LH, Endian.BIG, DATA, 0, 0xFFFF_817F));
        c.add(load("lhu_negative_zeroExtends", Op.LHU, Endian.BIG, DATA, 0, 0x0000_817F));
        c.add(load("lh_le_negative_signExtends", Op.LH, Endian.LITTLE, DATA, 2, 0x0000_04A3));
        c.add(load("lh_le_off4_signExtends", Op.LH, Endian.LITTLE, DATA, 6, 0xFFFF_F8E7));
        c.add(load("lw_be_explicit", Op.LW, Endian.BIG, DATA, 0, 0x817F_A304));
        c.add(load("lw_le_explicit", Op.LW, Endian.LITTLE, DATA, 0, 0x04A3_7F81));
        c.add(load("lw_negativeOffset", Op.LW, Endian.BIG, DATA + 8, -4, 0xC556_E7F8));
        c.add(load("lwl_be_off0_wholeWord", Op.LWL, Endian.BIG, DATA, 0, 0x817F_A304));
        c.add(load("lwr_be_off0_lowByteOnly", Op.LWR, Endian.BIG, DATA, 0, 0x0A0B_0C81));
        c.add(load("lwl_le_off3_wholeWord", Op.LWL, Endian.LITTLE, DATA, 3, 0x04A3_7F81));
        c.add(load("lwr_le_off3_lowByteOnly", Op.LWR, Endian.LITTLE, DATA, 3, 0x0A0B_0C04));

        c.add(misaligned("lh_odd_adel", Op.LH, DATA + 1));
        c.add(misaligned("lh_off3_adel", Op.LH, DATA + 3));
        c.add(misaligned("lhu_odd_adel", Op.LHU, DATA + 1));
        for (int off = 1; off < 4; off++) c.add(misaligned("lw_off" + off + "_adel", Op.LW, DATA + off));
        c.add(misaligned("ll_off2_adel", Op.LL, DATA + 2));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
