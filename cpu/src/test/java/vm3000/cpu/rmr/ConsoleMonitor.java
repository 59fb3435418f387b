package vm3000.cpu.rmr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
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
 * halt of the child halts this level. A guest may also be prepared by any code that sets up a
 * bare machine of the window's size (RAM, registers, pc, CP0 and TLB), which is then copied
 * into the child.
 */
final class ConsoleMonitor implements LevelMonitor {
    static final int SERIAL_CHAR = 0x1fe00000, SERIAL_WIRQ = 0x1fe00004, TRACE_EXIT = 0x1ffe001c;
    static final int MAINBOARD_RAMSZ = 0x1fff7e00, MAINBOARD_PWR = 0x1fff7e08;
    static final long CHAR_TICKS = 521;

    private final int base;
    private final int bound;
    private final Consumer<Machine> setup;
    private final Endian endian;
    private final LevelMonitor above;
    private final OutputStream console;
    private long busyUntil;
    private boolean pendingCmpl;
    private int wirq;
    private RmrLevel guest;
    int memoryTraps;
    int otherTraps;
    /** Memory traps answered with a bus error: accesses to something this monitor does not emulate. */
    int busErrors;
    /** Those of them in the LAMEbus range: accesses to a device this monitor does not emulate. */
    int deviceBusErrors;
    /** WAITs of the child, which this monitor just resumes. */
    int waits;

    /** Boots {@code kernel} with {@code args} in the child. */
    ConsoleMonitor(int base, int bound, ElfFile kernel, String args, OutputStream console) {
        this(base, bound, m -> {
            try {
                Boot.load(m, kernel, args);
            } catch (vm3000.cpu.BadInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, kernel.endian(), null, console);
    }

    /**
     * Runs in the child the guest that {@code setup} prepares on a bare machine of {@code bound}
     * bytes of RAM (the machine's byte order): its RAM, registers, pc, CP0 and TLB.
     */
    ConsoleMonitor(int base, int bound, Consumer<Machine> setup, OutputStream console) {
        this(base, bound, setup, null, null, console);
    }

    /** Starts the monitor {@code above} in the child. */
    ConsoleMonitor(int base, int bound, LevelMonitor above) {
        this(base, bound, null, null, above, OutputStream.nullOutputStream());
    }

    private ConsoleMonitor(int base, int bound, Consumer<Machine> setup, Endian endian, LevelMonitor above,
                           OutputStream console) {
        this.base = base;
        this.bound = bound;
        this.setup = setup;
        this.endian = endian;
        this.above = above;
        this.console = console;
    }

    /** The level this monitor booted its guest in, or null. */
    RmrLevel guest() { return guest; }

    @Override
    public void start(RmrPort port) {
        if (above != null) {
            port.launch(port.newChild(base, bound, above));
            return;
        }
        RmrImage child = port.newChild(base, bound);
        guest = child.child();
        Machine scratch = new Machine(MachineOptions.defaults().withRam(bound)
                .withEndian(endian != null ? endian : port.endian())
                .withConsole(OutputStream.nullOutputStream()).withCore(MachineOptions.Core.INTERP));
        setup.accept(scratch);
        PhysicalMemory ram = scratch.ram();
        for (int pa = 0; pa < bound; pa += 4) {
            int w = ram.loadWord(pa);
            if (w != 0) port.storePhysical(base + pa, 4, w);
        }
        for (int r = 1; r < 32; r++) child.top().setReg(r, scratch.cpu().reg(r));
        child.top().setPc(scratch.cpu().pc());
        copyCp0(scratch, guest.cp0());
        port.launch(child);
    }

    /**
     * The scratch machine's CP0 and TLB into the child's, both at cycle 0: every register the
     * setup can have changed (the writable ones, Count and the timer), checked register by
     * register afterwards.
     */
    private static void copyCp0(Machine scratch, Cp0 to) {
        Cp0 from = scratch.cp0();
        for (int i = 0; i < Tlb.ENTRIES; i++) to.tlb().write(i, from.tlb().hi(i), from.tlb().lo(i));
        for (int reg : new int[] {Cp0.INDEX, Cp0.ENTRYLO, Cp0.CONTEXT, Cp0.ENTRYHI, Cp0.CAUSE, Cp0.COUNT}) {
            to.write(reg, 0, from.read(reg, 0));
        }
        // The timer is on once Compare has been written; it is the scratch machine's only event.
        if (scratch.clock().nextEvent() != Long.MAX_VALUE) to.write(Cp0.COMPARE, 0, from.read(Cp0.COMPARE, 0));
        to.setStatus(from.status());
        for (int reg = 0; reg < 16; reg++) {
            if (to.read(reg, 0) != from.read(reg, 0)) {
                throw new IllegalStateException(String.format("CP0 register %d: 0x%08x copied as 0x%08x",
                        reg, from.read(reg, 0), to.read(reg, 0)));
            }
        }
        if (scratch.cpu().hi() != 0 || scratch.cpu().lo() != 0 || scratch.cpu().inDelaySlot()) {
            throw new IllegalStateException("the guest's setup left HI, LO or a delay slot, which a child cannot start with");
        }
    }

    @Override
    public void onTrap(RmrPort port, RmrTrap trap) {
        switch (trap.kind()) {
            case MEMORY: memoryTraps++; memory(port, trap); return;
            case HALT: otherTraps++; port.halt(trap.data()); return;
            case WAIT: otherTraps++; waits++; port.resume(); return;
            default: otherTraps++; port.resume(); return;
        }
    }

    private void memory(RmrPort port, RmrTrap t) {
        int word = t.paddr() & ~3;
        boolean store = t.access() == Access.STORE;
        if (t.access() == Access.FETCH) {
            busErrors++;
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
        busErrors++;
        if (Lamebus.contains(word)) deviceBusErrors++;
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
