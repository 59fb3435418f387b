package vm3000.cpu.rmr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.mmu.Access;

/**
 * A small Java monitor for tests of the RMR machine: it gives its child the window
 * (base, bound) of its own memory, and either boots a kernel there (System/161's protocol) or
 * starts another monitor there, and emulates what the guest kernels use of their devices, from
 * the memory traps: the serial console's CHAR and WIRQ with System/161's timing (the card is
 * busy 521 of the child's cycles per character, so a polling guest reads exactly what it would
 * on the bare machine), the trace card's EXIT and the mainboard's PWR and RAMSZ. Every other
 * access outside the window is a bus error for the child; interrupts and WAITs resume it; a
 * halt of the child halts this level.
 */
final class ConsoleMonitor implements LevelMonitor {
    static final int SERIAL_CHAR = 0x1fe00000, SERIAL_WIRQ = 0x1fe00004, TRACE_EXIT = 0x1ffe001c;
    static final int MAINBOARD_RAMSZ = 0x1fff7e00, MAINBOARD_PWR = 0x1fff7e08;
    static final long CHAR_TICKS = 521;

    private final int base;
    private final int bound;
    private final ElfFile kernel;
    private final String args;
    private final LevelMonitor above;
    private final OutputStream console;
    private long busyUntil;
    private boolean pendingCmpl;
    private int wirq;
    int memoryTraps;
    int otherTraps;

    /** Boots {@code kernel} with {@code args} in the child. */
    ConsoleMonitor(int base, int bound, ElfFile kernel, String args, OutputStream console) {
        this(base, bound, kernel, args, null, console);
    }

    /** Starts the monitor {@code above} in the child. */
    ConsoleMonitor(int base, int bound, LevelMonitor above) {
        this(base, bound, null, null, above, OutputStream.nullOutputStream());
    }

    private ConsoleMonitor(int base, int bound, ElfFile kernel, String args, LevelMonitor above, OutputStream console) {
        this.base = base;
        this.bound = bound;
        this.kernel = kernel;
        this.args = args;
        this.above = above;
        this.console = console;
    }

    @Override
    public void start(RmrPort port) {
        if (above != null) {
            port.launch(port.newChild(base, bound, above));
            return;
        }
        RmrImage child = port.newChild(base, bound);
        Machine scratch = new Machine(MachineOptions.defaults().withRam(bound).withEndian(kernel.endian())
                .withConsole(OutputStream.nullOutputStream()).withCore(MachineOptions.Core.INTERP));
        try {
            Boot.load(scratch, kernel, args);
        } catch (vm3000.cpu.BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        PhysicalMemory ram = scratch.ram();
        for (int pa = 0; pa < bound; pa += 4) {
            int w = ram.loadWord(pa);
            if (w != 0) port.storePhysical(base + pa, 4, w);
        }
        for (int r = 1; r < 32; r++) child.top().setReg(r, scratch.cpu().reg(r));
        child.top().setPc(scratch.cpu().pc());
        port.launch(child);
    }

    @Override
    public void onTrap(RmrPort port, RmrTrap trap) {
        switch (trap.kind()) {
            case MEMORY: memoryTraps++; memory(port, trap); return;
            case HALT: otherTraps++; port.halt(trap.data()); return;
            default: otherTraps++; port.resume(); return;
        }
    }

    private void memory(RmrPort port, RmrTrap t) {
        int word = t.paddr() & ~3;
        boolean store = t.access() == Access.STORE;
        if (t.access() == Access.FETCH) {
            port.busError();
            return;
        }
        long time = t.time();
        if (pendingCmpl && time >= busyUntil) {
            wirq |= 2;
            pendingCmpl = false;
        }
        switch (word) {
            case SERIAL_CHAR:
                if (store) {
                    if (time >= busyUntil) {
                        put(t.data() & 0xFF);
                        busyUntil = time + CHAR_TICKS;
                        pendingCmpl = true;
                    }
                    port.complete(0);
                } else {
                    port.complete(0);
                }
                return;
            case SERIAL_WIRQ:
                if (store) wirq = t.data() & 7;
                port.complete(store ? 0 : lane(t, wirq));
                return;
            case TRACE_EXIT:
                if (store) {
                    port.halt(t.data());
                    return;
                }
                break;
            case MAINBOARD_PWR:
                if (store) {
                    if (t.data() == 0) port.halt(0);
                    else port.complete(0);
                    return;
                }
                port.complete(lane(t, -1));
                return;
            case MAINBOARD_RAMSZ:
                if (!store) {
                    port.complete(lane(t, bound));
                    return;
                }
                break;
            default:
                break;
        }
        port.busError();
    }

    /** The bytes a load of t's size at t's address reads from a register holding {@code v} (big-endian lanes). */
    private static int lane(RmrTrap t, int v) {
        if (t.size() == 4) return v;
        int shift = t.size() == 2 ? (2 - (t.paddr() & 2)) * 8 : (3 - (t.paddr() & 3)) * 8;
        return (v >>> shift) & (t.size() == 2 ? 0xFFFF : 0xFF);
    }

    private void put(int b) {
        try {
            console.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
