package vm3000.vmm.rmr;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.rmr.LevelMonitor;
import vm3000.cpu.rmr.RmrImage;
import vm3000.cpu.rmr.RmrPort;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.vmm.common.Partitions;
import vm3000.vmm.common.RoundRobin;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.devices.GuestBoot;

/**
 * The VMM on the RMR stack (DESIGN §5, docs/rmr.md): Popek and Goldberg's three parts on the
 * level's own RMR, by direct calls. Guest kernels run directly at the level above, in kernel
 * mode: nothing is interpreted, and nothing of a guest's own work (CP0, TLB, refills, syscalls,
 * its timer) reaches the VMM. Event-driven: the machine calls it when a trap is routed here, and
 * it returns after telling the port how the machine goes on (a lower monitor can always preempt).
 *
 * <ul>
 *   <li><b>Dispatcher</b> ({@link #onTrap}): a switch on the trap's kind.</li>
 *   <li><b>Allocator</b>: a window (partition) of this level's RAM per VM, time slices on this
 *   level's own timer, and each VM's virtual devices on its own clock.</li>
 *   <li><b>Interpreters</b>: a memory trap on a device page is the device access, carried out on
 *   the VM's devices at the VM's time and completed ({@link #memory}, {@link DeviceAccess});
 *   anywhere else past the VM's RAM it is a bus error. A WAIT idles the VM's devices to their next event
 *   ({@link #idle}).</li>
 * </ul>
 *
 * Virtual time is exact: a VM's time is its level's cycles (which stand still while the VMM or
 * anything below runs) plus the time it idled; the VMM's timer is set to end each run exactly at
 * the VM's next device event, slice end or limit, so device interrupts reach the VM at the very
 * instruction they would on the bare machine.
 */
public final class RmrVmm implements LevelMonitor {
    private final int level;
    private final long slice;
    private final Partitions partitions;
    private final RmrStats stats;
    private final DeviceAccess devices;
    private final List<RmrVm> vms = new ArrayList<>();
    private final RoundRobin<RmrVm> scheduler = new RoundRobin<>(RmrVm::running);
    private RmrVm current;
    private long sliceEnd;

    /** A VMM with {@code ramBytes} of its level's RAM, giving each VM slices of {@code slice} cycles of its time. */
    public RmrVmm(int level, int ramBytes, long slice) { this(level, ramBytes, slice, new DeviceInterpreter()); }

    /** The same, with {@code devices} as its interpreter of device accesses (the course labs' graders). */
    public RmrVmm(int level, int ramBytes, long slice, DeviceAccess devices) {
        this.level = level;
        this.devices = Objects.requireNonNull(devices, "devices");
        this.slice = slice;
        this.partitions = new Partitions(ramBytes);
        this.stats = new RmrStats(level);
    }

    /** Which level of the stack this VMM runs at: for reports; the VMM itself never needs it. */
    public int level() { return level; }
    public List<RmrVm> vms() { return List.copyOf(vms); }

    public RmrStats stats() {
        long direct = 0;
        for (RmrVm vm : vms) if (vm.level() != null && !vm.isMonitorVm()) direct += vm.level().counters().instructions();
        stats.direct = direct;
        return stats;
    }

    /** Bytes of this level's RAM still free for VMs. */
    public int freeRam() { return partitions.free(); }

    /** A VM with {@code ramBytes} of RAM that boots {@code elf}; booted when the VMM starts. */
    public RmrVm createVm(int ramBytes, ElfFile elf, String args, List<Boot.Module> modules,
                         OutputStream console, PrintStream messages, long seed) {
        try {
            return createVm(ramBytes, elf, args, modules, DeviceSetup.of(console, messages, seed));
        } catch (BadInputException e) {
            throw new IllegalStateException(e.getMessage(), e);  // the sample slot table holds no disk
        }
    }

    /**
     * The same with the cards {@code devices} names; a card that cannot be built (a disk image
     * that cannot be used) is bad input naming the configuration file and line.
     */
    public RmrVm createVm(int ramBytes, ElfFile elf, String args, List<Boot.Module> modules, DeviceSetup devices)
            throws BadInputException {
        RmrVm vm = new RmrVm(vms.size(), partitions.allocate(ramBytes), elf, args, modules, devices);
        add(vm);
        return vm;
    }

    /** A VM of all the free RAM, run by the Java monitor {@code monitor} (another VMM: nesting). */
    public RmrVm createMonitorVm(LevelMonitor monitor) {
        RmrVm vm = new RmrVm(vms.size(), partitions.allocate(partitions.free()), monitor);
        add(vm);
        return vm;
    }

    private void add(RmrVm vm) {
        vms.add(vm);
        scheduler.add(vm);
    }

    // --- Started by the level below, called on every trap ---------------------------------------

    @Override
    public void start(RmrPort port) {
        port.mtc0(Cp0.STATUS, Cp0.IP_TIMER); // IM7 alone: the timer preempts the VMs; the VMM takes no interrupt
        for (RmrVm vm : vms) {
            try {
                boot(port, vm);
            } catch (BadInputException e) {
                vm.power().machineCheck("boot failed: " + e.getMessage());
            }
        }
        next(port);
    }

    /** Lays the VM's kernel out in its window and makes its level, not started. */
    private void boot(RmrPort port, RmrVm vm) throws BadInputException {
        int base = vm.partition().base();
        int size = vm.partition().size();
        if (vm.isMonitorVm()) {
            vm.image = port.newChild(base, size, vm.monitor());
            vm.level = vm.image.child();
            return;
        }
        Machine scratch = GuestBoot.layOut(size, vm.kernel, vm.args, vm.modules);
        for (int pa = 0; pa < size; pa += 4) {
            int w = scratch.ram().loadWord(pa);
            if (w != 0) port.storePhysical(base + pa, 4, w);
        }
        vm.image = port.newChild(base, size);
        vm.level = vm.image.child();
        for (int r = 1; r < 32; r++) vm.image.top().setReg(r, scratch.cpu().reg(r));
        vm.image.top().setPc(scratch.cpu().pc());
        vm.booted();
    }

    /** The dispatcher: a switch on why the hardware came down to this level. */
    @Override
    public void onTrap(RmrPort port, RmrTrap t) {
        stats.entries[t.kind().ordinal()]++;
        RmrVm vm = current;
        switch (t.kind()) {
            case MEMORY: memory(port, vm, t); return;
            case INTERRUPT: timer(port, vm); return;
            case WAIT: idle(port, vm, t); return;
            case HALT:
                sync(port, vm);
                vm.power().powerOff(t.data(), "halt, exit code " + t.data());
                finish(port);
                return;
            default: // MACHINE_CHECK: the VM stops as the bare machine would
                sync(port, vm);
                vm.power().machineCheck(t.message());
                finish(port);
        }
    }

    /** The VMM's own timer: the VM reached its next device event, its slice's end or its limit. */
    private void timer(RmrPort port, RmrVm vm) {
        long now = sync(port, vm);
        if (now >= vm.limit) {
            vm.power().instructionLimit(vm.limit);
            finish(port);
            return;
        }
        if (now >= sliceEnd) {
            stats.slices++;
            if (scheduler.running() > 1) {
                vm.image = port.detach();
                stats.switches++;
                next(port);
                return;
            }
            sliceEnd = now + slice;
        }
        resume(port, vm);
    }

    /**
     * A memory trap: past the VM's RAM. On its device window it is the device access, carried out
     * on the VM's own cards at the VM's time by the interpreter; anywhere else there is nothing:
     * a bus error.
     */
    private void memory(RmrPort port, RmrVm vm, RmrTrap t) {
        sync(port, vm);
        if (!devices.isDevice(vm, t)) {
            stats.busErrors++;
            arm(port, vm);
            port.busError();
            return;
        }
        stats.deviceAccesses++;
        long v = devices.perform(vm, t);
        if (!vm.running()) { // the access powered the VM off, or stopped it
            finish(port);
            return;
        }
        arm(port, vm);
        int lines = vm.devices().lines(); // raised or lowered by the access: the VM sees them once it is done
        if (v == PhysicalBus.BUS_ERROR) {
            stats.busErrors++;
            port.busError(lines);
        } else {
            port.complete((int) v, lines);
        }
    }

    /**
     * WAIT with none of the VM's lines up: the VM idles as a bare CPU does, its level's time
     * standing still while its devices' time jumps from event to event until a line rises.
     */
    private void idle(RmrPort port, RmrVm vm, RmrTrap t) {
        long now = sync(port, vm);
        boolean woken;
        vm.idling = true;
        try {
            woken = idleUntilALine(port, vm, t, now);
        } finally {
            vm.idling = false;
        }
        if (woken) resume(port, vm);
    }

    /** Idles the VM until one of its lines rises (true), or it stops: its limit, or nothing could wake it (false). */
    private boolean idleUntilALine(RmrPort port, RmrVm vm, RmrTrap t, long now) {
        while (!vm.isMonitorVm() && vm.devices().lines() == 0) {
            long wake = vm.clock().nextEvent();
            if (wake == Long.MAX_VALUE) {
                vm.power().machineCheck(String.format("WAIT at pc 0x%08x with no interrupt that could ever wake it", t.pc()));
                finish(port);
                return false;
            }
            if (wake >= vm.limit) { // idle up to the limit, where a bare CPU's run stops
                vm.idle += vm.limit - now;
                vm.devices().clock().advanceTo(vm.limit);
                vm.power().instructionLimit(vm.limit);
                finish(port);
                return false;
            }
            vm.idle += wake - now;
            now = wake;
            vm.devices().advanceTo(now);
        }
        return true;
    }

    /** The VM's devices brought to its time now; its lines to its level. Returns the time. */
    private long sync(RmrPort port, RmrVm vm) {
        long now = vm.now();
        if (!vm.isMonitorVm()) vm.devices().advanceTo(now);
        return now;
    }

    private void resume(RmrPort port, RmrVm vm) {
        arm(port, vm);
        if (!vm.isMonitorVm()) port.setChildLines(vm.devices().lines());
        port.resume();
    }

    /** The VM stopped: the next one runs, or, with none left, this level halts. */
    private void finish(RmrPort port) {
        current = null;
        next(port);
    }

    /** Runs the next VM (its levels go on the stack), or halts when every VM has stopped. */
    private void next(RmrPort port) {
        RmrVm vm = scheduler.next();
        if (vm == null) {
            port.halt(0);
            return;
        }
        current = vm;
        long now = vm.now();
        sliceEnd = now + slice;
        if (!vm.isMonitorVm()) {
            vm.devices().advanceTo(now);
            vm.image.setLines(vm.devices().lines());
        }
        arm(port, vm);
        RmrImage image = vm.image;
        vm.image = null;
        port.launch(image);
    }

    /**
     * Sets this level's timer to end the VM's run at its next device event, the end of its slice
     * (if another VM is waiting) or its limit, counted in the VM's time from its next cycle: the
     * timer is written now, and the VM's next instruction runs one cycle later. Count steps onto
     * Compare n + 1 cycles after this write, so the interrupt comes before the VM's instruction
     * n cycles on.
     */
    private void arm(RmrPort port, RmrVm vm) {
        long target = vm.limit;
        if (scheduler.running() > 1) target = Math.min(target, sliceEnd);
        if (!vm.isMonitorVm()) target = Math.min(target, vm.clock().nextEvent());
        if (target == Long.MAX_VALUE) {
            port.mtc0(Cp0.COMPARE, 0); // lowers the line; the next match only after 2^32 cycles
            port.mtc0(Cp0.COUNT, 1);
            return;
        }
        long n = Math.max(0, Math.min(target - vm.now(), 1L << 30));
        port.mtc0(Cp0.COUNT, 0);
        port.mtc0(Cp0.COMPARE, (int) (n + 1));
    }
}
