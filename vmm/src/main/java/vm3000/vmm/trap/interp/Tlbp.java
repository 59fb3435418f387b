package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/** TLBP: probes the virtual TLB for EntryHi. */
public final class Tlbp {
    private Tlbp() {}

    public static boolean execute(VirtualMachine vm) {
        vm.cp0().tlbp();
        return true;
    }
}
