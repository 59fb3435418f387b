package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/**
 * WAIT: retires, and the VM's virtual CPU idles until one of the VM's hardware interrupt lines
 * rises, exactly as the bare CPU does ({@code Cpu.startWait}): while it idles, the VM's own time
 * (Count, Random, its on-chip timer) stands still and its virtual clock jumps from one virtual
 * device event to the next. Other VMs are not held up: each VM has its own time.
 */
public final class Wait {
    private Wait() {}

    public static boolean execute(VirtualMachine vm) {
        return vm.cpu().startWait();
    }
}
