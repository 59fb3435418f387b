package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.core.TestCpu.CODE;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.isa.Op;

/**
 * $0 reads as zero after being the destination of every instruction format that writes a
 * register (System/161 2.0.8 lets it be written; the R3000 does not). Each program writes $0
 * and then copies it to $3 with {@code addu $3, $0, $0}, so a stray write shows in $3 too.
 */
class ZeroRegisterTest {
    static Case zero(String name, Op op, int word) {
        return Case.of(name, op, new int[] {word, Enc.r(Op.ADDU, 3, 0, 0)},
                t -> {
                    t.set(1, 0x1234_5678).set(2, 0x0F0F_0F0F).set(3, Case.POISON).set(4, CODE + 8).set(5, TestCpu.DATA);
                    t.storeWord(TestCpu.DATA_PA, 0xDEAD_BEEF);
                    t.cpu.setHiLo(0x5555, 0x6666);
                },
                t -> {
                    Case.noTrap(t);
                    assertEquals(0, t.reg(0), "$0");
                    assertEquals(0, t.reg(3), "$0 as read by the next instruction");
                });
    }

    static List<Case> cases() {
        return List.of(
                zero("addu_rd0", Op.ADDU, Enc.r(Op.ADDU, 0, 1, 2)),
                zero("or_rd0", Op.OR, Enc.r(Op.OR, 0, 1, 2)),
                zero("slt_rd0", Op.SLT, Enc.r(Op.SLT, 0, 0, 1)),
                zero("sll_rd0", Op.SLL, Enc.shift(Op.SLL, 0, 1, 4)),
                zero("srav_rd0", Op.SRAV, Enc.shiftv(Op.SRAV, 0, 1, 2)),
                zero("addiu_rt0", Op.ADDIU, Enc.i(Op.ADDIU, 0, 1, 5)),
                zero("ori_rt0", Op.ORI, Enc.i(Op.ORI, 0, 0, 0xFFFF)),
                zero("lui_rt0", Op.LUI, Enc.lui(0, 0x1234)),
                zero("lw_rt0", Op.LW, Enc.mem(Op.LW, 0, 0, 5)),
                zero("lb_rt0", Op.LB, Enc.mem(Op.LB, 0, 0, 5)),
                zero("lhu_rt0", Op.LHU, Enc.mem(Op.LHU, 0, 2, 5)),
                zero("lwl_rt0", Op.LWL, Enc.mem(Op.LWL, 0, 1, 5)),
                zero("lwr_rt0", Op.LWR, Enc.mem(Op.LWR, 0, 2, 5)),
                zero("ll_rt0", Op.LL, Enc.mem(Op.LL, 0, 0, 5)),
                zero("mfhi_rd0", Op.MFHI, Enc.rd(Op.MFHI, 0)),
                zero("mflo_rd0", Op.MFLO, Enc.rd(Op.MFLO, 0)),
                zero("mfc0_rt0", Op.MFC0, Enc.mfc0(0, Cp0.PRID)),
                zero("jalr_rd0", Op.JALR, Enc.jalr(0, 4)),
                Case.of("sc_rt0", Op.SC, new int[] {Enc.mem(Op.LL, 3, 0, 5), Enc.mem(Op.SC, 0, 0, 5), Enc.r(Op.ADDU, 3, 0, 0)},
                        t -> t.set(5, TestCpu.DATA).set(3, Case.POISON),
                        t -> { Case.noTrap(t); assertEquals(0, t.reg(0)); assertEquals(0, t.reg(3)); }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }
}
