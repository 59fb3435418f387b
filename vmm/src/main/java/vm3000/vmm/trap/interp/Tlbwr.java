package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.shadow.ShadowPaging;

/** TLBWR: writes the virtual TLB entry the VM's Random selects (Random runs on the VM's virtual clock). */
public final class Tlbwr {
    private Tlbwr() {}

    public static boolean execute(VirtualMachine vm, ShadowPaging paging) {
        return TlbWrite.write(vm, vm.cp0().random(), "tlbwr", paging);
    }
}
