package vm3000.vmm.trap.shadow;

import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;
import vm3000.vmm.common.Partition;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.interp.Reflect;

/**
 * The VMM's shadow paging (Popek and Goldberg's allocator hands out the host ASIDs and the real
 * TLB's entries): the shadow TLB refill, precise invalidation when a guest overwrites a TLB
 * entry, and the ASID map (VM, guest ASID) -> host ASID, recycled when the 63 run out. One per
 * VMM level, over that level's real TLB.
 *
 * <p>Not final: the course labs' tests plant mistakes in subclasses. The method bodies are
 * exercise 3 of the course labs: the student tree has them removed between the {@code lab 3}
 * markers (docs/labs/ex3.md).
 */
public class ShadowRefill implements ShadowPaging {
    private final ShadowTlb tlb;
    private final AsidMap asids;
    /** The next host ASID to hand out; past {@link AsidMap#HOST_ASIDS} they have run out. */
    private int nextHost = 1;
    private long recycles;

    public ShadowRefill(ShadowTlb tlb) { this(tlb, new AsidMap()); }

    /** Over {@code tlb}, keeping the ASID map in {@code asids}. */
    public ShadowRefill(ShadowTlb tlb, AsidMap asids) {
        this.tlb = tlb;
        this.asids = asids;
    }

    @Override
    public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
        // lab 3 begin: the shadow TLB refill
        Access access = excCode == ExcCode.TLBL ? Access.LOAD : Access.STORE;
        long t = Mmu.translate(vm.cp0(), badVAddr, access);
        if (t < 0) {
            Reflect.translationFault(vm, badVAddr, t);
            return Outcome.REFLECTED;
        }
        int gpa = (int) t;
        Partition p = vm.partition();
        if (!p.contains(gpa & Tlb.PFN_MASK, 0x1000)) return Outcome.INTERPRET;
        int slot = vm.cp0().tlb().probe(badVAddr, vm.cp0().asid());
        int guestLo = vm.cp0().tlb().lo(slot);
        int hostPfn = p.base() + (gpa & Tlb.PFN_MASK);
        tlb.install(badVAddr, hostAsid(vm), hostPfn | (guestLo & (Tlb.N | Tlb.D)) | Tlb.V);
        return Outcome.INSTALLED;
        // lab 3 end
    }

    @Override
    public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {
        // lab 3 begin: precise invalidation
        if ((oldLo & Tlb.V) == 0 || oldHi < 0) return;
        if ((oldLo & Tlb.G) != 0) {
            for (int h : asids.hostAsidsOf(vm.id())) tlb.invalidate(oldHi, h);
        } else {
            int h = asids.mapped(vm.id(), (oldHi & Tlb.ASID_MASK) >>> 6);
            if (h != 0) tlb.invalidate(oldHi, h);
        }
        // lab 3 end
    }

    @Override
    public int hostAsid(VirtualMachine vm) {
        // lab 3 begin: the ASID map
        int guestAsid = vm.cp0().asid() >>> 6;
        int h = asids.mapped(vm.id(), guestAsid);
        if (h != 0) return h;
        if (nextHost > AsidMap.HOST_ASIDS) {
            tlb.flush();
            asids.clear();
            nextHost = 1;
            recycles++;
        }
        asids.map(vm.id(), guestAsid, nextHost);
        return nextHost++;
        // lab 3 end
    }

    @Override
    public long recycles() { return recycles; }
}
