package vm3000.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

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
 * {@code vm3000 run --gdb PORT|unix:PATH [--gdb-wait]} on the bare machine: the stub on the machine's CPU,
 * the trace card's DEBUGGER register stopping for it, and the run loop that lets it see every
 * instruction when it needs to (docs/debugging.md).
 */
final class GdbRun {
    private GdbRun() {}

    /** Instructions run between two looks at the debugger's connection. */
    static final long STRETCH = 1 << 16;

    /** The highest TCP port. */
    static final int MAX_PORT = 65535;

    /** What {@code unix:PATH} starts with. */
    static final String UNIX = "unix:";

    /**
     * Where a stub listens: TCP {@code port} of the loopback interface (0: any free port), or the
     * Unix-domain socket {@code unix} (then port is -1).
     */
    record Address(int port, Path unix) {
        /**
         * VM {@code id}'s address under a VMM: port PORT+id (PORT 0: each a free port); socket
         * PATH for vm0 and PATH.vm{@code id} for the others.
         */
        Address forVm(int id) {
            if (unix != null) return id == 0 ? this : new Address(-1, Path.of(unix + ".vm" + id));
            return new Address(port == 0 ? 0 : port + id, null);
        }

        @Override public String toString() { return unix != null ? UNIX + unix : "port " + port; }
    }

    /**
     * Checks {@code --gdb PORT|unix:PATH} (PORT 0: any free port), for {@code count} VMs
     * (consecutive ports), and {@code --gdb-wait}; null without {@code --gdb}.
     */
    static Address checkOptions(String spec, boolean wait, int count) throws BadInputException {
        if (spec == null) {
            if (wait) throw new BadInputException("--gdb-wait needs --gdb PORT or --gdb unix:PATH");
            return null;
        }
        if (spec.startsWith(UNIX)) {
            String path = spec.substring(UNIX.length());
            if (path.isEmpty()) throw new BadInputException("--gdb: unix: needs a PATH (e.g. unix:.sockets/gdb)");
            try {
                return new Address(-1, Path.of(path));
            } catch (InvalidPathException e) {
                throw new BadInputException("--gdb: not a path: " + e.getMessage());
            }
        }
        int port;
        try {
            port = Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            throw new BadInputException("--gdb: '" + spec + "' is neither a PORT nor unix:PATH");
        }
        if (port < 0 || port > MAX_PORT - (count - 1)) {
            throw new BadInputException("--gdb: port must be 0.." + (MAX_PORT - (count - 1))
                    + (count > 1 ? " for " + count + " VMs (VM i listens on PORT+i)" : "") + ": " + port);
        }
        return new Address(port, null);
    }

    /**
     * A stub at {@code at} for a CPU whose memory is {@code memory}; a port that is taken, or a
     * path where a socket cannot be made, is bad input.
     */
    static GdbStub listen(Address at, String name, DebugMemory memory, Endian endian,
                          PrintStream err) throws BadInputException {
        try {
            if (at.unix() != null) return GdbStub.listenUnix(at.unix(), name, memory, endian, err);
            return GdbStub.listen(at.port(), name, memory, endian, err);
        } catch (IOException e) {
            throw new BadInputException("--gdb: cannot listen on " + at + ": " + why(e));
        }
    }

    /** {@code e} in words: a file-system exception often says only the file's name. */
    private static String why(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() == null) {
            String kind = e.getClass().getSimpleName().replace("Exception", "");
            return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + ": " + f.getFile();
        }
        return e.getMessage();
    }

    /** The stub for the bare {@code machine}, attached to its CPU and its trace card. */
    static GdbStub attach(Machine machine, Address at, boolean wait, PrintStream err) throws BadInputException {
        PhysicalMemory ram = machine.ram();
        GdbStub stub = listen(at, "", new DebugMemory() {
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
    static GdbStub attach(VirtualMachine vm, Endian endian, Address at, boolean wait, PrintStream err) throws BadInputException {
        int size = vm.partition().size();
        PhysicalBus bus = vm.cpu().bus();
        GdbStub stub = listen(at.forVm(vm.id()), "vm" + vm.id(), new DebugMemory() {
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
