package vm3000.cpu.rmr;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.cp0.Cp0;

/**
 * What a Java {@link LevelMonitor} at one level can do: exactly what MIPS code at that level can,
 * as direct calls on the level's own RMR (no traps). Its CP0 and TLB (MFC0, MTC0, TLBR, TLBWI,
 * TLBWR, TLBP), its physical memory (RAM only, through its window), and the levels above it:
 * start a child, resume or dispose of what the last trap suspended, take it off the stack,
 * halt. It never learns its absolute level.
 */
public final class RmrPort {
    private final RmrStack stack;
    private final int level;

    RmrPort(RmrStack stack, int level) {
        this.stack = stack;
        this.level = level;
    }

    private RmrLevel self() { return stack.level(level); }

    private Cp0 cp0() { return self().cp0; }

    // --- The level's own CP0 and TLB --------------------------------------------------------------

    public int mfc0(int reg) { return cp0().read(reg, 0); }

    public void mtc0(int reg, int value) { cp0().mtc0(reg, 0, value, stack.power(), Cp0.BY_MONITOR); }

    public void tlbr() { cp0().tlbr(); }
    public void tlbwi() { tlbWrite(cp0().indexSlot()); }
    public void tlbwr() { tlbWrite(cp0().random()); }
    public void tlbp() { cp0().tlbp(); }

    private void tlbWrite(int slot) { cp0().tlbWrite(slot, stack.power(), Cp0.BY_MONITOR); }

    // --- The level's physical memory ----------------------------------------------------------

    /** Bytes of RAM at this level, from physical 0. */
    public int ramSize() { return (int) Math.min(Integer.MAX_VALUE, stack.composedLimit(level) == 1L << 32
            ? stack.ram().size() : stack.composedLimit(level)); }

    public Endian endian() { return stack.ram().endian(); }

    /**
     * This level's RAM as a memory of its own: the whole pages of its window, a view of the
     * machine's RAM; or null if the window does not start on a page.
     */
    public PhysicalMemory memory() {
        long base = stack.composedBase(level);
        long size = ramSize() & ~0xFFFL;
        if ((base & 0xFFF) != 0 || base + size > stack.ram().size()) return null;
        return stack.ram().view((int) base, (int) size);
    }

    private long real(int paddr, int size) {
        long p = paddr & 0xFFFFFFFFL;
        if (p + size > ramSize()) return -1;
        return p + stack.composedBase(level);
    }

    /** Reads {@code size} (1, 2, 4) bytes at the aligned physical {@code paddr}, or PhysicalBus.BUS_ERROR. */
    public long loadPhysical(int paddr, int size) {
        long t = real(paddr, size);
        if (t < 0) return PhysicalBus.BUS_ERROR;
        PhysicalMemory ram = stack.ram();
        return ram.load((int) t, size);
    }

    /** Writes {@code size} bytes at the aligned physical {@code paddr}; false if that is not RAM. */
    public boolean storePhysical(int paddr, int size, int value) {
        long t = real(paddr, size);
        if (t < 0) return false;
        PhysicalMemory ram = stack.ram();
        ram.store((int) t, size, value);
        return true;
    }

    /** This level's own cycles (its virtual time: it stands still while a level below runs). */
    public long cycles() { return cp0().cycles(); }

    // --- The levels above -------------------------------------------------------------------------

    /**
     * A fresh child, not started, whose physical memory is {@code bound} bytes from {@code base}
     * of this level's (both page-aligned). Its registers are 0 and its CP0 in the reset state;
     * the monitor loads a kernel into the window and sets the pc and registers before
     * {@link #launch}ing it.
     */
    public RmrImage newChild(int base, int bound) {
        return stack.newChild(level, base & 0xFFFFFFFFL, bound & 0xFFFFFFFFL);
    }

    /** A fresh child whose level is run by a Java monitor (started when the child is launched). */
    public RmrImage newChild(int base, int bound, LevelMonitor monitor) {
        RmrImage image = newChild(base, bound);
        image.child().monitor = monitor;
        return image;
    }

    /** Moves the window of {@code image}'s child (not while it is on the stack). */
    public void setWindow(RmrImage image, int base, int bound) {
        stack.checkWindow(level, base & 0xFFFFFFFFL, bound & 0xFFFFFFFFL);
        image.child().base = base & 0xFFFFFFFFL;
        image.child().bound = bound & 0xFFFFFFFFL;
    }

    /** Load RMR: the image's levels go on the stack above this one and its top level runs. */
    public void launch(RmrImage image) { stack.launch(level, image); }

    /** The levels the trap being handled suspended go on (the trapping instruction runs again). */
    public void resume() { stack.resume(level); }

    /** The suspended memory access is done: a load reads {@code value}, a store is complete; then resume. */
    public void complete(int value) { complete(value, -1); }

    /**
     * As {@link #complete(int)}, and the child's hardware lines become {@code linesAfter} once
     * the access is done (a device access that raised or lowered a line), not before.
     */
    public void complete(int value, int linesAfter) {
        if (!stack.dispose(level, value, false, linesAfter)) throw new IllegalStateException("the trap being handled is no memory trap");
        stack.resume(level);
    }

    /** The suspended memory access is a bus error at the level that made it; then resume. */
    public void busError() { busError(-1); }

    /** As {@link #busError()}, with the child's lines after it, as {@link #complete(int, int)}. */
    public void busError(int linesAfter) {
        if (!stack.dispose(level, 0, true, linesAfter)) throw new IllegalStateException("the trap being handled is no memory trap");
        stack.resume(level);
    }

    /** Sets the hardware interrupt lines (Cause.IP bits 14..10) of this level's child on the stack. */
    public void setChildLines(int ipBits) {
        RmrLevel c = stack.level(level + 1);
        if (c == null) throw new IllegalStateException("no child on the stack");
        c.lines = ipBits & 0x7C00;
    }

    /** Takes the levels the trap being handled suspended off the stack, to launch again later. */
    public RmrImage detach() { return stack.detach(level); }

    /**
     * This level's Java monitor will run the level's own code itself, as a blocking monitor
     * written for a bare machine does (the trap-and-emulate VMM as the top monitor of a stack):
     * it may return from {@link LevelMonitor#start} with its level live, and then drives the
     * machine loop itself, taking the level's own exceptions through the CPU's Monitor hook.
     * Only a level with no level above it on the stack may do so.
     */
    public void driveOwnCode() { stack.level(level).drivesOwnCode = true; }

    /** This level halts: the machine powers off at level 0, else the owner gets a HALT trap. */
    public void halt(int exitCode) { stack.halt(level, exitCode); }
}
