package vm3000.vmm.trap.interp;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.vmm.trap.VirtualMachine;

/** The privilege check every interpreter makes first: a CP0 instruction in guest user mode without Status.CU0 is CpU. */
final class Guard {
    private Guard() {}

    /** True if the VM may execute a CP0 instruction now; else CpU has been reflected into it. */
    static boolean privileged(VirtualMachine vm) {
        Cp0 cp0 = vm.cp0();
        if (!cp0.userMode() || (cp0.status() & Cp0.SR_CU0) != 0) return true;
        vm.cpu().raiseException(ExcCode.CPU, 0, false);
        return false;
    }
}
