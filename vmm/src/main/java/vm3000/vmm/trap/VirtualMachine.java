package vm3000.vmm.trap;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.StateDump;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.devices.GuestBoot;
import vm3000.vmm.devices.VirtualDevices;
import vm3000.vmm.common.Partition;

/**
 * One virtual machine: a partition of its level's RAM, a virtual CPU (a real {@link Cpu} whose
 * CP0 is the VM's shadow CP0 and virtual TLB, whose RAM is a view of the partition and whose bus
 * adds the virtual devices, whose CP0 instructions go to the dispatcher, with a {@link BlockCore}
 * for the kernel mode the VMM runs on it) and its own LAMEbus cards, clock and power state.
 * The virtual clock is the VM's time: it advances with interpreted instructions and with the real
 * cycles the VM runs directly. A <em>monitor VM</em> has no guest kernel: its kernel mode is the
 * Java monitor above, which reaches it through a {@code TrappingMachineControl}.
 */
public final class VirtualMachine {
    private final int id;
    private final Partition partition;
    private final VirtualDevices devices;
    private final Clock clock;
    private final PowerState power;
    private final Cp0 cp0;
    private final Cpu cpu;
    /** The block core the VMM runs the VM's kernel mode on, or null (no view of its RAM; a monitor VM). */
    private final BlockCore core;
    private final MachineControl mc;
    private final boolean monitorVm;
    private long limit = Long.MAX_VALUE;
    /** Set when the next user-mode instruction must be interpreted, not run directly. */
    boolean stepOnce;

    VirtualMachine(int id, Partition partition, MachineControl mc, Dispatcher dispatcher,
                   DeviceSetup setup, boolean monitorVm) throws BadInputException {
        this.id = id;
        this.partition = partition;
        this.mc = mc;
        this.monitorVm = monitorVm;
        this.devices = new VirtualDevices(partition.size(), mc.endian(), setup);
        this.clock = devices.clock();
        this.power = devices.power();
        this.cp0 = new Cp0(clock);
        cp0.setExceptionEntry(dispatcher.parts().exceptions()); // reflection onto the shadow: the VMM's
        PhysicalMemory level = mc.memory();
        PhysicalMemory ram = level != null && (long) partition.base() + partition.size() <= level.size()
                ? level.view(partition.base(), partition.size()) : PhysicalMemory.none(mc.endian());
        VmBus bus = new VmBus(mc, partition, ram, devices.bus());
        this.cpu = new Cpu(cp0, ram, bus, devices::lines, clock, power);
        this.core = ram.size() > 0 && !monitorVm ? new BlockCore(cpu) : null;
        cpu.setCop0Handler((c, op, w) -> dispatcher.cop0(this, op, w));
        devices.onDump(() -> setup.messages().print(StateDump.of(cpu)));
    }

    public int id() { return id; }
    public Partition partition() { return partition; }
    public Cpu cpu() { return cpu; }
    /** The block core of the VM's CPU, on which the VMM runs its kernel mode; null where it interprets it. */
    public BlockCore core() { return core; }
    public Cp0 cp0() { return cp0; }
    public Clock clock() { return clock; }
    public PowerState power() { return power; }
    public boolean isMonitorVm() { return monitorVm; }
    public boolean running() { return power.isRunning(); }
    /** The VM's own LAMEbus cards (its console, timer, trace card, ...). */
    public Lamebus lamebus() { return devices.lamebus(); }

    /** Releases the VM's cards' host resources; the VM must not run again. */
    public void close() { devices.close(); }
    MachineControl control() { return mc; }

    /** Stops the VM with an instruction-limit stop once its clock reaches {@code max}. */
    public void setLimit(long max) {
        limit = max;
        cpu.setIdleLimit(max);
    }
    /** The VM's instruction limit: the cycle of its time at which it stops. */
    public long limit() { return limit; }

    /**
     * Boots {@code elf} as System/161's boot ROM would on a machine of the partition's size: the
     * image, modules and argument string are laid out on a scratch machine and copied into the
     * partition (nonzero words only: a fresh partition is zero), and the registers set likewise.
     */
    void boot(ElfFile elf, String args, List<Boot.Module> modules) throws BadInputException {
        Machine scratch = GuestBoot.layOut(partition.size(), elf, args, modules);
        PhysicalMemory ram = scratch.ram();
        for (int pa = 0; pa < partition.size(); pa += 4) {
            int w = ram.loadWord(pa);
            if (w != 0) mc.storePhysical(partition.base() + pa, 4, w);
        }
        for (int r = 1; r < 32; r++) cpu.setReg(r, scratch.cpu().reg(r));
        cpu.setPc(scratch.cpu().pc());
    }
}
