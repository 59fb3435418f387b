package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;
import vm3000.vmm.common.Partition;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.interp.Reflect;
import vm3000.vmm.trap.shadow.AsidMap;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.shadow.ShadowRefill;
import vm3000.vmm.trap.shadow.ShadowTlb;

/**
 * Exercise 3's grader: full marks for the VMM's own shadow paging, and a specific, explained
 * failure for each typical mistake planted in a copy of it (a subclass of {@link ShadowRefill}
 * with one method changed, over the same real TLB and ASID map table).
 */
class Exercise3GraderTest {
    /** Makes one level's shadow paging, given its real TLB and an empty ASID map table. */
    interface Plant {
        ShadowPaging of(ShadowTlb tlb, AsidMap asids);
    }

    static List<Grader.Result> grade(Plant p) {
        return Grader.grade(Exercises.EX3, VmmParts.REFERENCE.withShadowPaging(real -> p.of(real, new AsidMap())));
    }

    static Grader.Result result(List<Grader.Result> rs, String checkStart) {
        return rs.stream().filter(r -> r.check().startsWith(checkStart)).findFirst().orElseThrow();
    }

    static void failsWith(List<Grader.Result> rs, String check, String... words) {
        Grader.Result r = result(rs, check);
        assertFalse(r.passed(), check);
        for (String w : words) assertTrue(r.failure().contains(w), r.failure());
    }

    static void passes(List<Grader.Result> rs, String check) {
        Grader.Result r = result(rs, check);
        assertTrue(r.passed(), check + ": " + r.failure());
    }

    /** How the planted refills below go wrong. */
    enum Refill { NO_PARTITION_BASE, ALWAYS_DIRTY, NO_PARTITION_CHECK, DEVICES_ONLY }

    /** The reference's refill, copied, with {@code mistake} (null: none). */
    static ShadowPaging.Outcome refill(ShadowRefill self, ShadowTlb tlb, VirtualMachine vm, int excCode, int badVAddr,
                                       Refill mistake) {
        long t = Mmu.translate(vm.cp0(), badVAddr, excCode == ExcCode.TLBL ? Access.LOAD : Access.STORE);
        if (t < 0) {
            Reflect.translationFault(vm, badVAddr, t);
            return ShadowPaging.Outcome.REFLECTED;
        }
        int page = (int) t & Tlb.PFN_MASK;
        Partition p = vm.partition();
        boolean outside = mistake == Refill.NO_PARTITION_CHECK ? false
                : mistake == Refill.DEVICES_ONLY ? page >= 0x1fc00000 // the boot ROM and the LAMEbus
                : !p.contains(page, 0x1000);
        if (outside) return ShadowPaging.Outcome.INTERPRET;
        int guestLo = vm.cp0().tlb().lo(vm.cp0().tlb().probe(badVAddr, vm.cp0().asid()));
        int host = mistake == Refill.NO_PARTITION_BASE ? page : p.base() + page;
        int bits = mistake == Refill.ALWAYS_DIRTY ? Tlb.D | Tlb.V : (guestLo & (Tlb.N | Tlb.D)) | Tlb.V;
        tlb.install(badVAddr, self.hostAsid(vm), host | bits);
        return ShadowPaging.Outcome.INSTALLED;
    }

    static Plant refillWith(Refill mistake) {
        return (tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
                return refill(this, tlb, vm, excCode, badVAddr, mistake);
            }
        };
    }

    /**
     * The reference's ASID map, copied: {@code flush} false forgets the real TLB's flush when the
     * host ASIDs run out, {@code perProcess} false maps every guest ASID of a VM to one host ASID.
     */
    static Plant asidMap(boolean flush, boolean perProcess) {
        return (tlb, asids) -> new ShadowRefill(tlb, asids) {
            int next = 1;
            long recycles;

            @Override public int hostAsid(VirtualMachine vm) {
                int guest = perProcess ? vm.cp0().asid() >>> 6 : 0;
                int h = asids.mapped(vm.id(), guest);
                if (h != 0) return h;
                if (next > AsidMap.HOST_ASIDS) {
                    if (flush) tlb.flush();
                    asids.clear();
                    next = 1;
                    recycles++;
                }
                asids.map(vm.id(), guest, next);
                return next++;
            }

            @Override public long recycles() { return recycles; }
        };
    }

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = Grader.grade(Exercises.EX3, VmmParts.REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(12, rs.size());
    }

    @Test
    void aCopyOfTheReference_getsFullMarks_soThatTheMistakesBelowAreTheOnlyDifference() {
        List<Grader.Result> rs = grade(asidMap(true, true));
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
                return refill(this, tlb, vm, excCode, badVAddr, null);
            }
        });
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
    }

    @Test
    void noInvalidation_leavesAStaleShadow_andFailsTheReplaceCheck() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {}
        });
        failsWith(rs, "TLBWI over a valid entry",
                "`  replace: TLBWI maps it onto another frame; ASID 1 loads 0x00800000: 0x52000002`",
                "0x52000001", "A stale shadow shows the old frame");
        passes(rs, "the shadow refill");
    }

    @Test
    void invalidationUnderTheCurrentAsid_missesTheOldEntrysShadow() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {
                if ((oldLo & Tlb.V) == 0 || oldHi < 0) return;
                int h = asids.mapped(vm.id(), vm.cp0().asid() >>> 6); // the new entry's ASID, not the old one's
                if (h != 0) tlb.invalidate(oldHi, h);
            }
        });
        failsWith(rs, "TLBWI over a valid entry",
                "`  replace: TLBWI gives the slot to ASID 2; ASID 1 loads 0x00800000: TLBL, BadVAddr 0x00800000`",
                "0x52000002", "not the new entry's nor the current one");
    }

    @Test
    void ignoringG_leavesTheOtherProcessesShadows_andFailsTheGlobalCheck() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {
                if ((oldLo & Tlb.V) == 0 || oldHi < 0) return;
                int h = asids.mapped(vm.id(), (oldHi & Tlb.ASID_MASK) >>> 6); // as if it were not global
                if (h != 0) tlb.invalidate(oldHi, h);
            }
        });
        failsWith(rs, "a global entry replaced", "`  global: ASID 2 loads 0x00900000: 0x47000002`", "0x47000001",
                "every host ASID of the VM");
        passes(rs, "TLBWI over a valid entry");
    }

    @Test
    void noPartitionBase_readsAnotherFrame_andFailsTheRefillCheck() {
        List<Grader.Result> rs = grade(refillWith(Refill.NO_PARTITION_BASE));
        failsWith(rs, "the shadow refill", "`  refill: ASID 1 loads 0x00400000: 0x50010000`", "the partition's base");
    }

    @Test
    void anAlwaysDirtyShadow_letsAStoreToACleanPageThrough_andFailsTheRefillCheck() {
        List<Grader.Result> rs = grade(refillWith(Refill.ALWAYS_DIRTY));
        failsWith(rs, "the shadow refill",
                "`  clean page: ASID 1 loads, then stores at 0x00404000: Mod, BadVAddr 0x00404000`", "0x0000c1ea",
                "N and D bits");
    }

    @Test
    void installingOutsideThePartition_failsTheIsolationCheck() {
        List<Grader.Result> rs = grade(refillWith(Refill.NO_PARTITION_CHECK));
        failsWith(rs, "a device and a frame past RAM", "`  device: user mode writes this line",
                "vm.partition().contains");
        passes(rs, "the shadow refill");
    }

    @Test
    void interpretingOnlyDevices_installsTheFramePastRam_andFailsTheIsolationCheck() {
        List<Grader.Result> rs = grade(refillWith(Refill.DEVICES_ONLY));
        failsWith(rs, "a device and a frame past RAM",
                "`  past RAM: ASID 1 stores 0x0000600d and loads back at 0x00b00000: DBE`", "0x0000600d`",
                "vm.partition().contains");
    }

    @Test
    void aStoreThroughAShadowPastTheVmsRam_changesTheHostsRam_andTheRunSaysWhere() throws Exception {
        VmmParts parts = VmmParts.REFERENCE.withShadowPaging(real -> refillWith(Refill.DEVICES_ONLY).of(real, new AsidMap()));
        GuestRun v = GuestRun.underVmm("lab3", "", 1, parts, 10_000_000, Isolation.SPARE);
        // the VM's partition is [64 KiB, 64 KiB + 16 MiB): its first frame past RAM is the host's 0x01010000
        assertEquals(0x01010000L, v.outsideChanged());
        v = GuestRun.underVmm("lab3", "", 1, VmmParts.REFERENCE, 10_000_000, Isolation.SPARE);
        assertEquals(-1, v.outsideChanged());
    }

    @Test
    void recyclingWithoutAFlush_showsAnotherProcessesPages_andFailsTheRecycleCheck() {
        List<Grader.Result> rs = grade(asidMap(false, true));
        failsWith(rs, "host ASIDs recycled", "found the process's own: 256 of 256`", "ShadowTlb.flush");
        passes(rs, "the ASID map: two processes");
    }

    @Test
    void oneHostAsidPerVm_letsProcessesSeeEachOthersPages_andFailsTheAsidCheck() {
        List<Grader.Result> rs = grade(asidMap(true, false));
        failsWith(rs, "the ASID map: two processes", "`  asid: ASID 2 loads 0x00400000: 0x50020000`", "0x50010000",
                "a host ASID of its own");
    }

    @Test
    void interpretingEveryAccess_isRightButSlow_andFailsTheCountersCheck() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
                long t = Mmu.translate(vm.cp0(), badVAddr, excCode == ExcCode.TLBL ? Access.LOAD : Access.STORE);
                if (t >= 0) return Outcome.INTERPRET;
                Reflect.translationFault(vm, badVAddr, t);
                return Outcome.REFLECTED;
            }
        });
        failsWith(rs, "the VMM's counters", "interprets user mode instead of running it through shadow entries",
                "Run the guest's user mode directly");
        for (Grader.Result r : rs) if (!r.check().startsWith("the VMM's counters")) assertTrue(r.passed(), r.check());
    }

    @Test
    void flushingOnEveryGuestTlbWrite_isRightButSlow_andFailsTheCountersCheck() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) { tlb.flush(); }
        });
        failsWith(rs, "the VMM's counters", "removes shadow entries that are still right", "a flush is for recycling");
        for (Grader.Result r : rs) if (!r.check().startsWith("the VMM's counters")) assertTrue(r.passed(), r.check());
    }

    @Test
    void theStarter_isNotWrittenYet_saysSo() {
        List<Grader.Result> rs = grade((tlb, asids) -> new ShadowRefill(tlb, asids) {
            @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
                throw new UnsupportedOperationException("exercise 3: the shadow TLB refill");
            }
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {
                throw new UnsupportedOperationException("exercise 3: precise invalidation");
            }
            @Override public int hostAsid(VirtualMachine vm) {
                throw new UnsupportedOperationException("exercise 3: the ASID map");
            }
        });
        for (Grader.Result r : rs) {
            assertFalse(r.passed(), r.check());
            assertTrue(r.failure().contains("not written yet (exercise 3: "), r.failure());
        }
    }
}
