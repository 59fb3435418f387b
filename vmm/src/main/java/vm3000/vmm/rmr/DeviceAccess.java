package vm3000.vmm.rmr;

import vm3000.cpu.rmr.RmrTrap;

/**
 * The one interpreter the RMR VMM still needs (exercise 6 of the course labs): a guest's own
 * CP0, TLB, system calls and timer never reach the monitor on the RMR stack, but its devices are
 * virtual, so an access to a device register is a memory trap to the monitor that owns the
 * guest's window. The monitor decides whether the trap is an access to one of the VM's device
 * registers, and carries it out on the VM's own cards; everything else past the VM's RAM is a
 * bus error. {@link RmrVmm} does the rest: it brings the VM's devices to the VM's time before,
 * counts the trap, and completes the access (or raises the bus error) with the VM's interrupt
 * lines as the access left them.
 */
public interface DeviceAccess {
    /**
     * Whether memory trap {@code t} of {@code vm} is an access to one of the VM's device
     * registers: a trap of the VM's own level (not of a level above it) at a LAMEbus address,
     * from a VM that runs a guest kernel (a monitor VM has no devices).
     */
    boolean isDevice(RmrVm vm, RmrTrap t);

    /**
     * Carries out device access {@code t} on the VM's cards ({@code vm.devices().bus()}), as the
     * bare machine's bus would: a store of {@code t.size()} bytes of {@code t.data()}, or a load
     * (a fetch too) of {@code t.size()} bytes at the access's aligned address. Returns the value
     * loaded (0 for a store), or {@code PhysicalBus.BUS_ERROR} if no register answered.
     */
    long perform(RmrVm vm, RmrTrap t);
}
