package vm3000.vmm.trap;

import vm3000.cpu.bus.Bus;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.common.Partition;

/**
 * A VM's guest-physical address space: its RAM is its partition, in the level's RAM through the
 * VM's view of it, or where the level gives no view ({@link MachineControl#memory}) through the
 * level's {@link MachineControl} at base + pa; the LAMEbus window holds the VM's own virtual devices; anything else is a bus error. Nothing
 * outside the partition is reachable.
 */
final class VmBus implements PhysicalBus {
    private final MachineControl mc;
    private final Partition partition;
    /** The partition as the VM's RAM, or an empty memory where the level gives no view. */
    private final PhysicalMemory ram;
    private final Bus devices;

    VmBus(MachineControl mc, Partition partition, PhysicalMemory ram, Bus devices) {
        this.mc = mc;
        this.partition = partition;
        this.ram = ram;
        this.devices = devices;
    }

    @Override
    public long load(int paddr, int size) {
        if (ram.contains(paddr, size)) {
            return ram.load(paddr, size);
        }
        if (partition.contains(paddr, size)) {
            return mc.loadPhysical(partition.base() + paddr, size);
        }
        return Lamebus.contains(paddr) ? devices.load(paddr, size) : BUS_ERROR;
    }

    @Override
    public boolean store(int paddr, int size, int value) {
        if (ram.contains(paddr, size)) {
            ram.store(paddr, size, value);
            return true;
        }
        if (partition.contains(paddr, size)) {
            return mc.storePhysical(partition.base() + paddr, size, value);
        }
        return Lamebus.contains(paddr) && devices.store(paddr, size, value);
    }
}
