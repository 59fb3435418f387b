package vm3000.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.Debugger;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.debug.DebugMemory;
import vm3000.cpu.debug.GdbStub;
import vm3000.cpu.rmr.RmrLevel;
import vm3000.cpu.rmr.RmrStack;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;

/**
 * {@code vm3000 run --vmm rmr --gdb PORT}: one stub per VM of the top RMR VMM, all on the
 * machine's one CPU, which the VMs share with the VMMs below them (docs/debugging.md). This is the
 * CPU's {@link Debugger}: it hands a stub the cycles of its VM alone, those that run at the VMs'
 * level while that VM's level is the live one, so that each gdb sees its VM as it would see a
 * bare machine. Registers are the live CPU's at those moments (the VM's context is loaded), the
 * live CP0 is the VM's own, and memory is the VM's guest-physical RAM through its window.
 *
 * <p>A VM's cycle is handed over once, before its attempt. The cycles that are not the VM's own
 * are left out: those that route an interrupt to a VMM (nothing of the VM runs in them, and its
 * time does not move), and the repetitions of an instruction whose attempt trapped to the VMM (a
 * device access): the one that finishes an access the VMM completed or turned into a bus error
 * (the CPU holds its completion), and one that runs again after the VMM retried it (the VM's own
 * time, its level's cycles, did not move since the stub saw its attempt). So a step over a device
 * access stops at the VM's next instruction, a breakpoint at a device access stops once, and a
 * stop never shows an instruction whose device access was done already.
 */
final class RmrGdb implements Debugger {
    /** One VM's stub, and the VM's time when it last saw a cycle. */
    private static final class Entry {
        final RmrVm vm;
        final GdbStub stub;
        long seen = -1;

        Entry(RmrVm vm, GdbStub stub) {
            this.vm = vm;
            this.stub = stub;
        }
    }

    private final Machine host;
    private final List<Entry> entries = new ArrayList<>();

    private RmrGdb(Machine host) {
        this.host = host;
    }

    /**
     * The stubs for the guest VMs {@code vms} of {@code stack}'s top VMM, VM i on {@code port}+i
     * (0: each a free port), attached to the machine's CPU and to each VM's own trace card; with
     * {@code wait} each VM waits for its debugger before its own first instruction.
     */
    static RmrGdb attach(RmrVmmStack stack, List<RmrVm> vms, GdbRun.Address at, boolean wait, PrintStream err)
            throws BadInputException {
        Machine host = stack.host();
        RmrGdb gdb = new RmrGdb(host);
        int level = stack.top().level() + 1; // the guests' level
        try {
            for (RmrVm vm : vms) {
                GdbStub stub = GdbRun.listen(at.forVm(vm.id()), "vm" + vm.id(), memory(host, level, vm),
                        host.ram().endian(), err);
                gdb.entries.add(new Entry(vm, stub));
                stub.bind(host.cpu(), wait);
                GdbRun.onDebuggerRequest(vm.lamebus(), stub::guestRequest);
            }
        } catch (BadInputException e) {
            gdb.close();
            throw e;
        }
        host.cpu().setDebugger(gdb);
        return gdb;
    }

    /**
     * {@code vm}'s guest-physical RAM: its window at {@code level}, composed down to the real RAM
     * at the time of the access; nothing while the VM is off the stack (the stubs only read it
     * while stopped in one of its cycles, when it is on).
     */
    private static DebugMemory memory(Machine host, int level, RmrVm vm) {
        RmrStack rmr = host.rmr();
        PhysicalMemory ram = host.ram();
        int size = vm.partition().size();
        return new DebugMemory() {
            private long real(int pa) {
                RmrLevel l = vm.level();
                if (pa < 0 || pa >= size || l == null || rmr.level(level) != l || pa >= rmr.composedLimit(level)) return -1;
                return rmr.composedBase(level) + pa;
            }

            @Override public int load(int pa) {
                long r = real(pa);
                return r < 0 ? -1 : ram.loadByte((int) r);
            }

            @Override public boolean store(int pa, int value) {
                long r = real(pa);
                if (r < 0) return false;
                ram.storeByte((int) r, value);
                return true;
            }
        };
    }

    /** The stubs, VM by VM. */
    List<GdbStub> stubs() {
        List<GdbStub> l = new ArrayList<>();
        for (Entry e : entries) l.add(e.stub);
        return l;
    }

    /** The entry of the VM whose level is live, or null (a VMM's cycle, or a VM not debugged). */
    private Entry live(Cpu c) {
        Cp0 live = c.cp0();
        for (Entry e : entries) {
            RmrLevel l = e.vm.level();
            if (l != null && l.cp0() == live) return e;
        }
        return null;
    }

    @Override
    public void beforeCycle(Cpu c) {
        if (c.interruptBelow()) return; // the cycle goes to a VMM: nothing of the VM runs in it
        if (c.completing()) return; // the VM's instruction after its device access: its cycle was its attempt's
        Entry e = live(c);
        if (e == null) return;
        long t = c.cp0().cycles();
        if (t == e.seen) return; // the VM's cycle again: its attempt trapped, and the VMM retries it
        e.seen = t;
        e.stub.beforeCycle(c);
    }

    @Override
    public boolean wantsEveryStep() {
        for (Entry e : entries) if (e.stub.wantsEveryStep()) return true;
        return false;
    }

    @Override
    public boolean bootRomException(Cpu c, String diagnostic) {
        Entry e = live(c);
        return e != null && e.stub.bootRomException(c, diagnostic);
    }

    /**
     * Runs every VM to its end, as {@link RmrVmmStack#run} does, with the stubs attached: on the
     * interpreter while a debugger must see every instruction, else on the chosen core, in
     * stretches between which the connections are polled. Both cores behave identically, so a
     * run that gdb only continues is the run without gdb.
     */
    void run() {
        Cpu cpu = host.cpu();
        PowerState power = host.power();
        host.rmr().start();
        while (power.isRunning()) {
            long until = cpu.executed() + GdbRun.STRETCH;
            if (host.blockCore() == null || wantsEveryStep()) cpu.runUntil(until);
            else host.blockCore().runUntil(until);
            for (Entry e : entries) e.stub.poll();
        }
    }

    /** The run has ended: each VM's debugger, if it waits to hear, is told how its VM stopped. */
    void finish() {
        for (Entry e : entries) e.stub.tellTheEnd(e.vm.power()); // close() then waits for each one's acknowledgement
    }

    void close() {
        for (Entry e : entries) e.stub.close();
    }
}
