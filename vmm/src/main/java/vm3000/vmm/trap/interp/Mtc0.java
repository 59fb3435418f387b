package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/**
 * MTC0: writes the shadow CP0. Nothing real changes: a new EntryHi ASID needs no flush (the ASID
 * map gives it its own host ASID at the next direct run), a new Compare reschedules the VM's
 * virtual timer, a new Status takes effect on the VM's next instruction.
 */
public final class Mtc0 {
    private Mtc0() {}

    /** Returns false if the VM stopped (cache control is a machine check on the MIPS-161) or CpU was reflected. */
    public static boolean execute(VirtualMachine vm, int reg, int sel, int value) {
        if (!Guard.privileged(vm)) return false;
        return vm.cp0().mtc0(reg, sel, value, vm.power(), vm.cpu().pc());
    }
}
