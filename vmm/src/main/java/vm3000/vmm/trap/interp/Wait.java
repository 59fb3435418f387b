package vm3000.vmm.trap.interp;

import vm3000.cpu.bus.Clock;
import vm3000.vmm.trap.VirtualMachine;

/**
 * WAIT: completes when any of the VM's interrupt lines is active. Until then the VM idles: its
 * virtual clock jumps to its next event and the WAIT is retried, as on the bare machine. Other
 * VMs are not held up: each VM has its own time. With no event at all the VM could never wake,
 * so it stops with the bare machine's diagnostic.
 */
public final class Wait {
    private Wait() {}

    public static boolean execute(VirtualMachine vm) {
        if (!Guard.privileged(vm)) return false;
        if (vm.cp0().anyInterruptLine()) return true;
        Clock clock = vm.clock();
        long wake = clock.nextEvent();
        if (wake == Long.MAX_VALUE) {
            vm.power().machineCheck(String.format("WAIT at pc 0x%08x with no interrupt that could ever wake it", vm.cpu().pc()));
            return false;
        }
        clock.advanceTo(wake - 1); // the step retrying the WAIT adds its cycle
        return false;
    }
}
