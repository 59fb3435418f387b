package vm3000.vmm.trap.interp;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.shadow.ShadowPaging;

/** What TLBWI and TLBWR share: the write into the virtual TLB, the MIPS-161 duplicate check, shadow coherence. */
final class TlbWrite {
    private TlbWrite() {}

    static boolean write(VirtualMachine vm, int slot, String name, ShadowPaging paging) {
        Cp0 cp0 = vm.cp0();
        Tlb tlb = cp0.tlb();
        int oldHi = tlb.hi(slot);
        int oldLo = tlb.lo(slot);
        boolean ok = cp0.tlbWrite(slot, vm.power(), vm.cpu().pc());
        paging.guestEntryReplaced(vm, oldHi, oldLo);
        return ok;
    }
}
