package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/** TLBR: EntryHi/EntryLo from the virtual TLB entry Index selects (the guest's entry exactly as written). */
public final class Tlbr {
    private Tlbr() {}

    public static boolean execute(VirtualMachine vm) {
        vm.cp0().tlbr();
        return true;
    }
}
