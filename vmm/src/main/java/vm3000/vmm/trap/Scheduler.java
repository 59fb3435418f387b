package vm3000.vmm.trap;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-sharing, as VM/370 ran many CMS: the guest VMs take turns, round robin, a time slice of
 * the allocator's length each, measured in the VM's own cycles. A VM that has stopped (powered
 * off, machine check, instruction limit) is removed; the run ends when none is left.
 */
final class Scheduler {
    private final List<VirtualMachine> ready = new ArrayList<>();

    void add(VirtualMachine vm) {
        if (!vm.isMonitorVm()) ready.add(vm);
    }

    /** The next VM to run, or null when every VM has stopped. */
    VirtualMachine next() {
        ready.removeIf(vm -> !vm.running());
        if (ready.isEmpty()) return null;
        VirtualMachine vm = ready.remove(0);
        ready.add(vm);
        return vm;
    }
}
