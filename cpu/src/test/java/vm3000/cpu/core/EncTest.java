package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Fields;
import vm3000.cpu.isa.Op;

/** The test encoder produces words that decode to the intended op with the intended fields. */
class EncTest {
    @Test
    void fieldsRoundTrip() {
        int w = Enc.r(Op.SUB, 7, 30, 31);
        assertEquals(Op.SUB, Decoder.decode(w));
        assertEquals(30, Fields.rs(w));
        assertEquals(31, Fields.rt(w));
        assertEquals(7, Fields.rd(w));

        w = Enc.i(Op.ADDIU, 4, 5, -2);
        assertEquals(Op.ADDIU, Decoder.decode(w));
        assertEquals(5, Fields.rs(w));
        assertEquals(4, Fields.rt(w));
        assertEquals(-2, Fields.simm(w));

        w = Enc.shift(Op.SRA, 9, 10, 31);
        assertEquals(Op.SRA, Decoder.decode(w));
        assertEquals(31, Fields.sa(w));
        assertEquals(10, Fields.rt(w));
        assertEquals(9, Fields.rd(w));

        w = Enc.branch(Op.BGEZAL, 6, -1);
        assertEquals(Op.BGEZAL, Decoder.decode(w));
        assertEquals(6, Fields.rs(w));
        assertEquals(-1, Fields.simm(w));

        w = Enc.jumpTo(Op.JAL, 0x8012_3454);
        assertEquals(Op.JAL, Decoder.decode(w));
        assertEquals(0x8012_3454, Fields.jumpTarget(0x8000_0000, w));

        w = Enc.cop0(Op.MTC0, 2, 15, 1);
        assertEquals(Op.MTC0, Decoder.decode(w));
        assertEquals(2, Fields.rt(w));
        assertEquals(15, Fields.rd(w));
        assertEquals(1, Fields.sel(w));

        assertEquals(0x0000_0000, Enc.shift(Op.SLL, 0, 0, 0), "nop");
        assertEquals(0x0000_000C, Enc.op(Op.SYSCALL));
        assertEquals(0x4200_0010, Enc.op(Op.RFE));
        assertEquals(0x8FA4_0010, Enc.mem(Op.LW, 4, 16, 29), "lw a0, 16(sp)");
    }
}
