package vm3000.vmm.rmr;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.rmr.LevelMonitor;
import vm3000.cpu.rmr.RmrImage;
import vm3000.cpu.rmr.RmrLevel;
import vm3000.vmm.common.Partition;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.devices.VirtualDevices;

/**
 * One virtual machine of the RMR VMM: a window (its partition of the VMM's RAM), the levels that
 * run it (an {@link RmrImage} while another VM has the stack), and its own devices on its own
 * clock. Its guest kernel runs directly, in kernel mode, at the level above the VMM. Its time is
 * its level's cycles plus the time it idled in WAIT: the devices' clock. A <em>monitor VM</em>
 * runs another VMM (a Java monitor) instead of a kernel, and has no devices.
 */
public final class RmrVm {
    private final int id;
    private final Partition partition;
    private final VirtualDevices devices;
    private final PowerState power;
    private final LevelMonitor monitor;
    final ElfFile kernel;
    final String args;
    final List<Boot.Module> modules;
    RmrImage image;
    RmrLevel level;
    long idle;
    /** True while the VM idles in WAIT: its devices' time jumps from event to event. */
    volatile boolean idling;
    long limit = Long.MAX_VALUE;
    private java.util.function.Consumer<RmrLevel> bootHook = l -> {};

    /** A VM that boots {@code kernel}; its console on {@code console}. */
    RmrVm(int id, Partition partition, ElfFile kernel, String args, List<Boot.Module> modules,
          DeviceSetup setup) throws BadInputException {
        this.id = id;
        this.partition = partition;
        this.devices = new VirtualDevices(partition.size(), kernel.endian(), setup);
        this.power = devices.power();
        this.monitor = null;
        this.kernel = kernel;
        this.args = args;
        this.modules = List.copyOf(modules);
    }

    /** A VM run by another VMM: {@code monitor} is started at the VM's level. */
    RmrVm(int id, Partition partition, LevelMonitor monitor) {
        this.id = id;
        this.partition = partition;
        this.devices = null;
        this.power = new PowerState();
        this.monitor = monitor;
        this.kernel = null;
        this.args = null;
        this.modules = List.of();
    }

    public int id() { return id; }
    public Partition partition() { return partition; }
    public PowerState power() { return power; }
    public boolean running() { return power.isRunning(); }

    /** True while the VM idles in WAIT (its devices' events run with no instruction between them). */
    public boolean idling() { return idling; }

    /** Releases the VM's cards' host resources (a monitor VM has none); the VM must not run again. */
    public void close() { if (devices != null) devices.close(); }
    public boolean isMonitorVm() { return monitor != null; }
    LevelMonitor monitor() { return monitor; }
    /** The VM's own cards, on its own clock (null for a monitor VM). */
    public VirtualDevices devices() { return devices; }

    /** The VM's own LAMEbus, its cards (its trace card among them); null for a monitor VM. */
    public Lamebus lamebus() { return devices == null ? null : devices.lamebus(); }

    /** The VM's clock: its time, idle time included (a monitor VM's is null). */
    public Clock clock() { return devices == null ? null : devices.clock(); }

    /** The VM's level: its CP0, TLB, counters and (while not live) registers. Null before it started. */
    public RmrLevel level() { return level; }

    /**
     * Something to do to the VM's level once its kernel is laid out and before it first runs
     * (tests and tools that start a VM from a prepared state: a TLB, say).
     */
    public void setBootHook(java.util.function.Consumer<RmrLevel> hook) { bootHook = hook; }

    void booted() { bootHook.accept(level); }

    /** Stops the VM with an instruction-limit stop once its time reaches {@code max}. */
    public void setLimit(long max) { limit = max; }

    /** The VM's time now: its level's cycles plus the time it idled. */
    long now() { return level.cp0().cycles() + idle; }
}
