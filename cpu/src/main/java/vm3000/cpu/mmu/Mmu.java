package vm3000.cpu.mmu;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;

/**
 * Virtual to physical translation of the R3000 (R3000 manual, "Memory Management"):
 * kuseg (0x00000000..0x7fffffff) mapped, kseg0 and kseg1 unmapped onto the first 512 MiB of
 * physical memory and kernel-only, kseg2 (0xc0000000..) mapped and kernel-only. The one translate
 * function; callers decide whether a fault is raised. Alignment is checked by the caller.
 */
public final class Mmu {
    private Mmu() {}

    /** Translates {@code vaddr} through {@code cp0}'s TLB and mode. */
    public static long translate(Cp0 cp0, int vaddr, Access access) {
        if (vaddr < 0) { // kseg0, kseg1, kseg2: kernel only
            if (cp0.userMode()) return Translation.fault(addressError(access), false);
            if (vaddr < 0xC0000000) return Translation.physical(vaddr & 0x1FFFFFFF);
            return mapped(cp0, vaddr, access, false);
        }
        return mapped(cp0, vaddr, access, true);
    }

    private static long mapped(Cp0 cp0, int vaddr, Access access, boolean kuseg) {
        Tlb tlb = cp0.tlb();
        int hit = tlb.lookupValid(vaddr, cp0.asid());
        if (hit != 0 && (!access.isStore() || (hit & Tlb.D) != 0)) {
            return Translation.physical((hit & Tlb.PFN_MASK) | (vaddr & 0xFFF));
        }
        int slot = tlb.probe(vaddr, cp0.asid());
        if (slot == Tlb.NO_MATCH) return Translation.fault(tlbMiss(access), kuseg);
        int lo = tlb.lo(slot);
        if ((lo & Tlb.V) == 0) return Translation.fault(tlbMiss(access), false);
        if (access.isStore() && (lo & Tlb.D) == 0) return Translation.fault(ExcCode.MOD, false);
        return Translation.physical((lo & Tlb.PFN_MASK) | (vaddr & 0xFFF));
    }

    public static int addressError(Access access) {
        return access.isStore() ? ExcCode.ADES : ExcCode.ADEL;
    }

    private static int tlbMiss(Access access) {
        return access.isStore() ? ExcCode.TLBS : ExcCode.TLBL;
    }
}
