package vm3000.vmm.trap;

import vm3000.cpu.bus.Bus;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.common.Partition;

/**
 * A VM's guest-physical address space: its RAM is its partition, reached through the level's
 * {@link MachineControl} at base + pa; the LAMEbus window holds the VM's own virtual devices;
 * anything else is a bus error. Nothing outside the partition is reachable.
 */
final class VmBus implements PhysicalBus {
    private final MachineControl mc;
    private final Partition partition;
    private final Bus devices;
    private final VmmStats stats;

    VmBus(MachineControl mc, Partition partition, Bus devices, VmmStats stats) {
        this.mc = mc;
        this.partition = partition;
        this.devices = devices;
        this.stats = stats;
    }

    @Override
    public long load(int paddr, int size) {
        if (partition.contains(paddr, size)) {
            stats.physicalAccesses++;
            return mc.loadPhysical(partition.base() + paddr, size);
        }
        return Lamebus.contains(paddr) ? devices.load(paddr, size) : BUS_ERROR;
    }

    @Override
    public boolean store(int paddr, int size, int value) {
        if (partition.contains(paddr, size)) {
            stats.physicalAccesses++;
            return mc.storePhysical(partition.base() + paddr, size, value);
        }
        return Lamebus.contains(paddr) && devices.store(paddr, size, value);
    }
}
