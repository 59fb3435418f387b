package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/** RFE: pops the shadow KU/IE stack. If that leaves guest user mode, the VMM runs the guest directly again. */
public final class Rfe {
    private Rfe() {}

    public static boolean execute(VirtualMachine vm) {
        vm.cp0().rfe();
        return true;
    }
}
