package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.shadow.ShadowPaging;

/** TLBWI: writes the virtual TLB entry Index selects, and drops the shadows of the entry it replaces. */
public final class Tlbwi {
    private Tlbwi() {}

    public static boolean execute(VirtualMachine vm, ShadowPaging paging) {
        return TlbWrite.write(vm, vm.cp0().indexSlot(), "tlbwi", paging);
    }
}
