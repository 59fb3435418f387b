package vm3000.cli;

import java.io.IOException;
import java.io.PrintStream;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.debug.DebugMemory;
import vm3000.cpu.debug.GdbStub;
import vm3000.cpu.dev.Trace;
import vm3000.vmm.trap.VirtualMachine;

/**
 * {@code vm3000 run --gdb PORT [--gdb-wait]} on the bare machine: the stub on the machine's CPU,
 * the trace card's DEBUGGER register stopping for it, and the run loop that lets it see every
 * instruction when it needs to (docs/debugging.md).
 */
final class GdbRun {
    private GdbRun() {}

    /** Instructions run between two looks at the debugger's connection. */
    static final long STRETCH = 1 << 16;

    /** The highest TCP port. */
    static final int MAX_PORT = 65535;

    /** Checks {@code --gdb PORT} (0: any free port) for {@code count} consecutive ports and {@code --gdb-wait}. */
    static void checkOptions(Integer port, boolean wait, int count) throws BadInputException {
        if (port == null) {
            if (wait) throw new BadInputException("--gdb-wait needs --gdb PORT");
            return;
        }
        if (port < 0 || port > MAX_PORT - (count - 1)) {
            throw new BadInputException("--gdb: port must be 0.." + (MAX_PORT - (count - 1))
                    + (count > 1 ? " for " + count + " VMs (VM i listens on PORT+i)" : "") + ": " + port);
        }
    }

    /** A stub on {@code port} for a CPU whose memory is {@code memory}; a port that is taken is bad input. */
    static GdbStub listen(int port, String name, DebugMemory memory, Endian endian,
                          PrintStream err) throws BadInputException {
        try {
            return GdbStub.listen(port, name, memory, endian, err);
        } catch (IOException e) {
            throw new BadInputException("--gdb: cannot listen on port " + port + ": " + e.getMessage());
        }
    }

    /** The stub for the bare {@code machine}, attached to its CPU and its trace card. */
    static GdbStub attach(Machine machine, int port, boolean wait, PrintStream err) throws BadInputException {
        PhysicalMemory ram = machine.ram();
        GdbStub stub = listen(port, "", new DebugMemory() {
            @Override public int load(int pa) { return ram.contains(pa, 1) ? ram.loadByte(pa) : -1; }
            @Override public boolean store(int pa, int value) {
                if (!ram.contains(pa, 1)) return false;
                ram.storeByte(pa, value);
                return true;
            }
        }, ram.endian(), err);
        stub.attach(machine.cpu(), wait);
        onDebuggerRequest(machine.lamebus(), stub::guestRequest);
        return stub;
    }

    /**
     * The stub for {@code vm} of the trap-and-emulate VMM, attached to its virtual CPU and its own
     * trace card: it sees the VM's guest-physical memory (its RAM, through the VMM) and its
     * virtual CP0 and TLB, as gdb would see a bare machine.
     */
    static GdbStub attach(VirtualMachine vm, Endian endian, int port, boolean wait, PrintStream err) throws BadInputException {
        int size = vm.partition().size();
        PhysicalBus bus = vm.cpu().bus();
        GdbStub stub = listen(port, "vm" + vm.id(), new DebugMemory() {
            @Override public int load(int pa) {
                return pa >= 0 && pa < size ? (int) bus.load(pa, 1) : -1;
            }
            @Override public boolean store(int pa, int value) {
                return pa >= 0 && pa < size && bus.store(pa, 1, value);
            }
        }, endian, err);
        stub.attach(vm.cpu(), wait);
        onDebuggerRequest(vm.lamebus(), stub::guestRequest);
        return stub;
    }

    /** Makes the trace card's DEBUGGER register run {@code request} (System/161 stops for gdb there). */
    static void onDebuggerRequest(Lamebus lamebus, Runnable request) {
        for (int slot = 0; slot < Lamebus.SLOTS; slot++) {
            if (lamebus.device(slot) instanceof Trace trace) trace.setDebuggerHandler(request);
        }
    }

    /**
     * Runs {@code machine} to its end, as {@link Machine#run} does, with {@code stub} attached:
     * on the interpreter while the debugger must see every instruction (breakpoints, watchpoints,
     * a step), else on the chosen core, in stretches between which the connection is polled.
     * Both cores behave identically, so a run that gdb only continues is the run without gdb.
     */
    static PowerState run(Machine machine, GdbStub stub, long limit) {
        Cpu cpu = machine.cpu();
        PowerState power = machine.power();
        while (power.isRunning() && cpu.executed() < limit) {
            long until = Math.min(limit, cpu.executed() + STRETCH);
            if (machine.blockCore() == null || stub.wantsEveryStep()) cpu.runUntil(until);
            else machine.blockCore().runUntil(until);
            stub.poll();
        }
        if (power.isRunning()) power.instructionLimit(limit);
        stub.finish(power);
        return power;
    }
}
