package vm3000.vmm.trap;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.api.Trap;
import vm3000.vmm.common.RoundRobin;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.shadow.ShadowTlb;

/**
 * The trap-and-emulate VMM of one level: Popek and Goldberg's dispatcher, allocator and
 * interpreters over the {@link MachineControl} of the level it runs at, and the VMs it hosts.
 * Guest kernel mode is emulated on each VM's virtual CPU (by its block core); guest user mode
 * runs directly (DESIGN §4, the hybrid virtual machine). Nothing here is global: levels and machines stack.
 */
public final class TrapVmm {
    private final int level;
    private final MachineControl mc;
    private final VmmStats stats;
    private final ShadowTlb shadow;
    private final ShadowPaging paging;
    private final Allocator allocator;
    private final Dispatcher dispatcher;
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final RoundRobin<VirtualMachine> scheduler = new RoundRobin<>(VirtualMachine::running);
    private String stopped;
    private boolean sliceAlone;

    public TrapVmm(int level, MachineControl mc) { this(level, mc, Allocator.DEFAULT_SLICE); }

    public TrapVmm(int level, MachineControl mc, long sliceCycles) { this(level, mc, sliceCycles, VmmParts.REFERENCE); }

    /** A VMM whose exchangeable mechanisms are {@code parts} (the course labs' graders). */
    public TrapVmm(int level, MachineControl mc, long sliceCycles, VmmParts parts) {
        this.level = level;
        this.mc = mc;
        this.stats = new VmmStats(level);
        this.shadow = new ShadowTlb(mc);
        this.paging = parts.shadowPagingOver(shadow);
        this.allocator = new Allocator(mc.ramSize(), sliceCycles, paging);
        this.dispatcher = new Dispatcher(mc, paging, stats, parts);
        mc.mtc0(Cp0.STATUS, 0); // kernel mode, BEV off: the monitor owns its level now
        shadow.flush();
    }

    public int level() { return level; }
    public VmmStats stats() { return stats; }
    public List<VirtualMachine> vms() { return List.copyOf(vms); }
    public Dispatcher dispatcher() { return dispatcher; }
    public vm3000.cpu.bus.Endian endian() { return mc.endian(); }
    MachineControl control() { return mc; }

    /** Bytes of this level's RAM still free for VMs. */
    public int freeRam() { return allocator.free(); }

    /** A VM with {@code ramBytes} of RAM booting {@code elf}, System/161's sample cards, its console on {@code console}. */
    public VirtualMachine createVm(int ramBytes, ElfFile elf, String args, List<Boot.Module> modules,
                                   OutputStream console, PrintStream messages, long seed) throws BadInputException {
        return createVm(ramBytes, elf, args, modules, DeviceSetup.of(console, messages, seed));
    }

    /** A VM with {@code ramBytes} of RAM booting {@code elf}, with the cards {@code devices} names. */
    public VirtualMachine createVm(int ramBytes, ElfFile elf, String args, List<Boot.Module> modules,
                                   DeviceSetup devices) throws BadInputException {
        if (elf.endian() != mc.endian()) throw BadInputException.in(elf.file(), "byte order differs from the machine's");
        VirtualMachine vm = new VirtualMachine(vms.size(), allocator.partition(ramBytes), mc, dispatcher, devices, false);
        try {
            vm.boot(elf, args, modules);
        } catch (BadInputException | RuntimeException e) {
            vm.close(); // its cards may hold an image or files
            throw e;
        }
        vms.add(vm);
        scheduler.add(vm);
        return vm;
    }

    /** A VM whose kernel mode is a monitor above (nesting): all of this level's free RAM. */
    public VirtualMachine createMonitorVm() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        VirtualMachine vm;
        try {
            vm = new VirtualMachine(vms.size(), allocator.partition(allocator.free()), mc, dispatcher,
                    DeviceSetup.of(OutputStream.nullOutputStream(), quiet, 0), true);
        } catch (BadInputException e) {
            throw new IllegalStateException(e.getMessage(), e);  // the sample slot table holds no disk
        }
        vm.cp0().setStatus(0);
        vms.add(vm);
        return vm;
    }

    /**
     * Gives a VM that runs alone time slices all the same (off by default: alone, it has nothing
     * to give its time to). The course labs' grader of virtual time turns it on to check slice ends.
     */
    public void sliceAlone(boolean on) { sliceAlone = on; }

    /**
     * Runs every guest VM round-robin, a time slice each, until all have stopped (powered off, a
     * machine check, or their instruction limit). A VM that stops is left out from then on. A VM
     * running alone gets no time slices (as under the RMR VMM): its direct runs end only at its
     * own events and traps, not at a timer of the VMM's that would only hand it back its turn.
     */
    public void run() {
        VirtualMachine last = null;
        for (VirtualMachine vm = scheduler.next(); vm != null && stopped == null; vm = scheduler.next()) {
            stats.slices++;
            if (last != null && vm != last) stats.switches++;
            last = vm;
            boolean alone = scheduler.running() == 1 && !sliceAlone;
            runVm(vm, alone ? Long.MAX_VALUE : vm.clock().now() + allocator.sliceCycles());
        }
        if (stopped != null) {
            for (VirtualMachine vm : vms) vm.power().machineCheck("the machine below the VMM stopped: " + stopped);
        }
    }

    /**
     * Runs {@code vm} until its clock reaches {@code sliceEnd} or it stops; a monitor VM also
     * returns as soon as it enters kernel mode (an exception reflected to its monitor), with that
     * exception. Kernel mode runs on the VM's own block core (its CPU over the shadow CP0 and a
     * view of its partition: the machine's exactness, compiled code included) unless a tracer or
     * a debugger is attached, which sees each instruction the vCPU steps; user-mode delay
     * slots and idling in WAIT are interpreted, and so is any user instruction at which a virtual
     * event is due or an interrupt deliverable, so that the VM takes it at exactly the cycle the
     * bare machine would, and every instruction while a debugger or a tracer needs to see each;
     * the rest of user mode runs directly.
     */
    Trap runVm(VirtualMachine vm, long sliceEnd) {
        try {
            return run(vm, sliceEnd);
        } finally {
            dispatcher.syncRegisters(); // the VM's registers in its vCPU for whoever looks next
        }
    }

    private Trap run(VirtualMachine vm, long sliceEnd) {
        var cpu = vm.cpu();
        var cp0 = vm.cp0();
        Clock clock = vm.clock();
        while (vm.running() && stopped == null) {
            if (clock.now() >= vm.limit()) {
                vm.power().instructionLimit(vm.limit());
                break;
            }
            boolean kernel = !cp0.userMode();
            if (kernel && vm.isMonitorVm()) return Trap.exception((cp0.cause() >>> 2) & 31);
            if (clock.now() >= sliceEnd) return null;
            if (kernel && vm.core() != null && !cpu.waiting() && !vm.stepOnce && cpu.tracer() == null && cpu.debugger() == null) {
                // Kernel mode on the VM's block core (compiled code included), until it enters
                // user mode or WAITs, the slice ends or the limit: one cycle of VM time per
                // instruction, as stepping would take them.
                dispatcher.syncRegisters();
                long before = cpu.executed();
                vm.core().runKernel(before + Math.min(sliceEnd, vm.limit()) - clock.now());
                stats.interpreted += cpu.executed() - before;
                continue;
            }
            if (kernel || cpu.inDelaySlot() || cpu.waiting() || vm.stepOnce || clock.now() >= clock.nextEvent()
                    || cp0.deliverableInterrupts() != 0 || debugged(cpu)) {
                vm.stepOnce = false;
                dispatcher.syncRegisters();
                cpu.step();
                stats.interpreted++;
                continue;
            }
            long budget = dispatcher.parts().time().budget(vm, sliceEnd);
            if (budget < 1) throw new IllegalStateException("the budget of a direct run must be at least one cycle, not " + budget);
            Trap t = dispatcher.runDirect(vm, Math.min(budget, 1L << 30)); // Compare is 32 bits
            if (t != null) stopped = t.message();
        }
        return Trap.stopped(stopped != null ? stopped : vm.power().message());
    }

    /**
     * True while a debugger attached to the VM's CPU must see every instruction: its user mode is
     * then interpreted too (the same behaviour, one instruction at a time).
     */
    private static boolean debugged(Cpu cpu) {
        return cpu.debugger() != null && cpu.debugger().wantsEveryStep();
    }

    /** The monitor of a monitor VM returns to it: RFE, continue at {@code pc}, run until the next reflected trap. */
    public Trap resumeMonitorVm(VirtualMachine vm, int pc) {
        dispatcher.rfe(vm);
        vm.cpu().setPc(pc);
        return runVm(vm, Long.MAX_VALUE);
    }

    /** Why the machine below stopped, or null. */
    public String belowStopped() { return stopped; }
}
