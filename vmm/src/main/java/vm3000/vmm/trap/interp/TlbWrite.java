package vm3000.vmm.trap.interp;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.shadow.AsidMap;
import vm3000.vmm.trap.shadow.ShadowTlb;

/** What TLBWI and TLBWR share: the write into the virtual TLB, the MIPS-161 duplicate check, shadow coherence. */
final class TlbWrite {
    private TlbWrite() {}

    static boolean write(VirtualMachine vm, int slot, String name, ShadowTlb shadow, AsidMap asids) {
        Cp0 cp0 = vm.cp0();
        Tlb tlb = cp0.tlb();
        int oldHi = tlb.hi(slot);
        int oldLo = tlb.lo(slot);
        int other = cp0.tlbWrite(slot);
        shadow.guestEntryReplaced(vm.id(), oldHi, oldLo, asids);
        if (other >= 0) {
            cp0.setTlbShutdown();
            vm.power().machineCheck(String.format("machine check at pc 0x%08x: duplicate TLB entries %d and %d "
                    + "(EntryHi 0x%08x, 0x%08x)", vm.cpu().pc(), slot, other, tlb.hi(slot), tlb.hi(other)));
            return false;
        }
        return true;
    }
}
