package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm3000.cpu.core.TestCpu.CODE;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.bus.PowerState;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.isa.Op;

/**
 * The TLB instructions and mapped translation: TLBWI/TLBWR/TLBR/TLBP, kuseg misses to the UTLB
 * vector, kseg2 misses and invalid entries to the general vector, Mod on clean pages, ASID and G
 * matching, BadVAddr/Context/EntryHi on TLB faults, kernel segments closed to user mode, and the
 * machine check for duplicate entries.
 */
class TlbTest {
    static final int VA = 0x0040_3000, PA = 0x0002_0000;
    static final int HI = VA | (5 << 6), LO = PA | Tlb.V | Tlb.D;

    static void setEntry(TestCpu t, int hi, int lo) {
        t.cp0().write(Cp0.ENTRYHI, 0, hi);
        t.cp0().write(Cp0.ENTRYLO, 0, lo);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(Case.of("tlbwi_writesAtIndex", Op.TLBWI, new int[] {Enc.op(Op.TLBWI)},
                t -> { setEntry(t, HI, LO); t.cp0().write(Cp0.INDEX, 0, 37 << 8); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(HI, t.cp0().tlb().hi(37));
                    assertEquals(LO, t.cp0().tlb().lo(37));
                }));
        c.add(Case.of("tlbwr_writesAtRandomSlot8to63", Op.TLBWR, new int[] {Enc.op(Op.TLBWR)},
                t -> setEntry(t, HI, LO),
                t -> {
                    Case.noTrap(t);
                    int slot = t.cp0().tlb().probe(VA, 5 << 6);
                    assertTrue(slot >= 8 && slot <= 63, "slot " + slot);
                    assertEquals(LO, t.cp0().tlb().lo(slot));
                    assertEquals(1, t.machine.counters().tlbWrites());
                }));
        c.add(Case.of("tlbp_hit_setsIndex", Op.TLBP, new int[] {Enc.op(Op.TLBP)},
                t -> { t.map(12, VA, 5, PA, Tlb.V); t.cp0().write(Cp0.ENTRYHI, 0, HI); t.cp0().write(Cp0.INDEX, 0, 3 << 8); },
                t -> assertEquals(12 << 8, t.cp0().index())));
        c.add(Case.of("tlbp_otherAsid_missSetsP", Op.TLBP, new int[] {Enc.op(Op.TLBP)},
                t -> { t.map(12, VA, 6, PA, Tlb.V); t.cp0().write(Cp0.ENTRYHI, 0, HI); },
                t -> assertEquals(Cp0.INDEX_P, t.cp0().index() & Cp0.INDEX_P)));
        c.add(Case.of("tlbp_globalEntry_matchesAnyAsid", Op.TLBP, new int[] {Enc.op(Op.TLBP)},
                t -> { t.map(40, VA, 6, PA, Tlb.V | Tlb.G); t.cp0().write(Cp0.ENTRYHI, 0, HI); },
                t -> assertEquals(40 << 8, t.cp0().index())));
        c.add(Case.of("tlbr_readsEntryAtIndex", Op.TLBR, new int[] {Enc.op(Op.TLBR)},
                t -> { t.map(9, VA, 5, PA, Tlb.V | Tlb.D | Tlb.N); t.cp0().write(Cp0.INDEX, 0, 9 << 8); },
                t -> {
                    assertEquals(HI, t.cp0().entryHi());
                    assertEquals(PA | Tlb.V | Tlb.D | Tlb.N, t.cp0().entryLo());
                }));
        c.add(Case.of("tlbwi_thenMappedLoad_translates", Op.TLBWI,
                new int[] {Enc.op(Op.TLBWI), Enc.mem(Op.LW, 3, 0x10, 1)},
                t -> { setEntry(t, HI, LO); t.cp0().write(Cp0.INDEX, 0, 2 << 8); t.storeWord(PA + 0x10, 0xCAFE_F00D); t.set(1, VA); },
                t -> { Case.noTrap(t); assertEquals(0xCAFE_F00D, t.reg(3)); }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }

    private static TestCpu run(int word, int base, java.util.function.Consumer<TestCpu> setup) {
        TestCpu t = new TestCpu().load(word).set(1, base).set(2, 0x1111_2222);
        t.cp0().write(Cp0.ENTRYHI, 0, 5 << 6);
        setup.accept(t);
        t.run(1);
        return t;
    }

    @Test
    void kusegMiss_goesToUtlbVectorAndRecordsAddress() {
        TestCpu t = run(Enc.mem(Op.LW, 3, 4, 1), 0x0077_7000, x -> {});
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0xbfc00100, t.pc(), "UTLB vector (BEV)");
        assertEquals(0x0077_7004, t.badVAddr());
        assertEquals(0x0077_7000 | (5 << 6), t.cp0().entryHi(), "EntryHi: faulting VPN, ASID kept");
        assertEquals((0x0077_7004 >>> 12) << 2, t.cp0().context() & 0x001F_FFFC, "Context.BadVPN");
        assertEquals(CODE, t.epc());
        assertEquals(1, t.machine.counters().utlbRefills());
    }

    @Test
    void kusegMiss_withBevClear_goesTo80000000() {
        TestCpu t = run(Enc.mem(Op.SW, 2, 0, 1), 0x0077_7000, x -> x.cp0().setStatus(0));
        assertEquals(ExcCode.TLBS, t.trap());
        assertEquals(0x8000_0000, t.pc());
    }

    @Test
    void kseg2Miss_goesToGeneralVector() {
        TestCpu t = run(Enc.mem(Op.LW, 3, 0, 1), 0xC000_4000, x -> {});
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0xbfc00180, t.pc());
        assertEquals(0xC000_4000, t.badVAddr());
        assertEquals(0, t.machine.counters().utlbRefills());
    }

    @Test
    void invalidEntry_goesToGeneralVector() {
        TestCpu t = run(Enc.mem(Op.LW, 3, 0, 1), VA, x -> x.map(4, VA, 5, PA, Tlb.D));
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0xbfc00180, t.pc());
    }

    @Test
    void storeToCleanPage_raisesMod() {
        TestCpu t = run(Enc.mem(Op.SW, 2, 8, 1), VA, x -> x.map(4, VA, 5, PA, Tlb.V));
        assertEquals(ExcCode.MOD, t.trap());
        assertEquals(0xbfc00180, t.pc());
        assertEquals(VA + 8, t.badVAddr());
        assertEquals(0, t.word(PA + 8), "nothing stored");
    }

    @Test
    void storeToDirtyPage_writesPhysicalPage() {
        TestCpu t = run(Enc.mem(Op.SW, 2, 8, 1), VA, x -> x.map(4, VA, 5, PA, Tlb.V | Tlb.D));
        assertEquals(-1, t.trap());
        assertEquals(0x1111_2222, t.word(PA + 8));
        assertEquals(5 << 6, t.cp0().entryHi(), "a successful mapped access leaves EntryHi alone");
    }

    @Test
    void otherAsid_misses_globalHits() {
        TestCpu miss = run(Enc.mem(Op.LW, 3, 0, 1), VA, x -> x.map(4, VA, 6, PA, Tlb.V));
        assertEquals(ExcCode.TLBL, miss.trap());
        TestCpu hit = run(Enc.mem(Op.LW, 3, 0, 1), VA, x -> { x.map(4, VA, 6, PA, Tlb.V | Tlb.G); x.storeWord(PA, 77); });
        assertEquals(-1, hit.trap());
        assertEquals(77, hit.reg(3));
    }

    @Test
    void lwlOnUnmappedPage_reportsExactUnalignedAddress() {
        TestCpu t = run(Enc.mem(Op.LWL, 3, 3, 1), 0x0050_0000, x -> {});
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0x0050_0003, t.badVAddr());
    }

    @Test
    void lbOnUnmappedPage_reportsExactAddress() {
        TestCpu t = run(Enc.mem(Op.LB, 3, 0x7FF, 1), 0x0050_0000, x -> {});
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0x0050_07FF, t.badVAddr());
    }

    @Test
    void userAccessToKseg0_raisesAdelWithAddress() {
        TestCpu t = new TestCpu().load(Enc.mem(Op.LW, 3, 0, 1)).set(1, 0x8000_2000);
        TrapTest.userMode(t, false);
        t.run(1);
        assertEquals(ExcCode.ADEL, t.trap());
        assertEquals(0x8000_2000, t.badVAddr());
        assertEquals(TrapTest.USER_CODE, t.epc());
    }

    @Test
    void userStoreToKseg1_raisesAdes() {
        TestCpu t = new TestCpu().load(Enc.mem(Op.SB, 3, 0, 1)).set(1, 0xA000_0001);
        TrapTest.userMode(t, false);
        t.run(1);
        assertEquals(ExcCode.ADES, t.trap());
        assertEquals(0xA000_0001, t.badVAddr());
    }

    @Test
    void duplicateEntries_stopWithMachineCheck() {
        TestCpu t = new TestCpu().load(Enc.op(Op.TLBWI), Enc.NOP);
        t.map(3, VA, 5, PA, Tlb.V);
        setEntry(t, VA | (7 << 6), PA | Tlb.V | Tlb.G);
        t.cp0().write(Cp0.INDEX, 0, 4 << 8);
        t.run(2);
        assertEquals(PowerState.Reason.MACHINE_CHECK, t.machine.power().reason());
        assertTrue(t.machine.power().message().contains("duplicate TLB entries 4 and 3"), t.machine.power().message());
        assertEquals(Cp0.SR_TS, t.cp0().status() & Cp0.SR_TS, "Status.TS set");
    }

    /** The last word of a mapped page runs; the fetch from the unmapped next page faults with EPC = that fetch. */
    @Test
    void fetchFromUnmappedNextPage_faultsAtTheFetch() {
        TestCpu t = new TestCpu();
        t.map(0, 0x0040_0000, 0, 0x20000, Tlb.V | Tlb.G);
        t.place(0x20FF8, Enc.i(Op.ADDIU, 8, 0, 1), Enc.i(Op.ADDIU, 9, 0, 2));
        t.cpu.setPc(0x0040_0FF8);
        t.run(3);
        assertEquals(1, t.reg(8));
        assertEquals(2, t.reg(9), "the page's last instruction ran");
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0x0040_1000, t.epc());
        assertEquals(0x0040_1000, t.badVAddr());
        assertEquals(0xbfc00100, t.pc(), "kuseg miss: UTLB vector");
        assertEquals(false, t.bd());
    }

    /** A branch at a page's end whose delay slot is unmapped: the slot's fetch faults, EPC = the branch, BD = 1. */
    @Test
    void delaySlotOnUnmappedPage_faultsWithBdAndBranchPc() {
        TestCpu t = new TestCpu();
        t.map(0, 0x0040_0000, 0, 0x20000, Tlb.V | Tlb.G);
        t.place(0x20FFC, Enc.branch(Op.BEQ, 0, 0, -4));
        t.cpu.setPc(0x0040_0FFC);
        t.run(2);
        assertEquals(ExcCode.TLBL, t.trap());
        assertEquals(0x0040_0FFC, t.epc());
        assertEquals(0x0040_1000, t.badVAddr());
        assertTrue(t.bd());
    }
}
