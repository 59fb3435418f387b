package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/** MFC0: reads the shadow CP0 register (Count and Random from the VM's virtual clock). */
public final class Mfc0 {
    private Mfc0() {}

    /** The value MFC0 {@code reg}, {@code sel} gives in the VM; 0 after reflecting CpU. */
    public static int read(VirtualMachine vm, int reg, int sel) {
        if (!Guard.privileged(vm)) return 0;
        return vm.cp0().read(reg, sel);
    }

    /** The guest's {@code mfc0 rt, rd, sel}. */
    public static boolean execute(VirtualMachine vm, int rt, int rd, int sel) {
        if (!Guard.privileged(vm)) return false;
        vm.cpu().setReg(rt, vm.cp0().read(rd, sel));
        return true;
    }
}
