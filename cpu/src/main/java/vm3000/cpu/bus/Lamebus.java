package vm3000.cpu.bus;

/**
 * The LAMEbus (System/161 doc/lamebus.html): 32 slots of 64 KiB from physical 0x1fe00000, one
 * interrupt line per slot. The bus controller (mainboard) in slot 31 reports the lines and each
 * slot's configuration; the CPU sees the OR of the enabled lines as hardware interrupt 0
 * (Cause.IP2). The mask of enabled lines is the controller's IRQE (and CIRQE) register. The
 * controller's CIPI register drives the CPU's hardware interrupt 1 (Cause.IP3) through {@link #setIpi}.
 */
public final class Lamebus {
    public static final int BASE = 0x1fe00000;
    public static final int SLOT_SIZE = 0x10000;
    public static final int SLOTS = 32;
    public static final int CONTROLLER_SLOT = 31;

    private final LamebusDevice[] slots = new LamebusDevice[SLOTS];
    private int irqLines;
    private int irqEnable = 0xFFFFFFFF;
    private boolean ipi;
    private IrqListener irqListener;

    /** Told of every raising and lowering of a slot's line (the trace's irq category). */
    public interface IrqListener {
        /** {@code slot}'s line was set to {@code asserted}; the CPU's line went from {@code cpuBefore} to {@code cpuAfter}. */
        void irq(int slot, boolean asserted, boolean cpuBefore, boolean cpuAfter);
    }

    public void setIrqListener(IrqListener listener) { irqListener = listener; }

    /** Places {@code device} in {@code slot}; the slot must be empty. */
    public void attach(int slot, LamebusDevice device) {
        if (slot < 0 || slot >= SLOTS) throw new IllegalArgumentException("LAMEbus slot out of range: " + slot);
        if (slots[slot] != null) throw new IllegalArgumentException("LAMEbus slot " + slot + " is already in use");
        slots[slot] = device;
    }

    public LamebusDevice device(int slot) { return slots[slot]; }

    /** Raises or lowers the interrupt line of {@code slot}. */
    public void setIrq(int slot, boolean asserted) {
        boolean before = cpuIrq();
        if (asserted) irqLines |= 1 << slot; else irqLines &= ~(1 << slot);
        if (irqListener != null) irqListener.irq(slot, asserted, before, cpuIrq());
    }

    /** One bit per slot whose interrupt line is raised. */
    public int irqLines() { return irqLines; }

    /** Sets the mask of slots allowed to interrupt the CPU (all of them at power-on). */
    public void setIrqEnable(int mask) { irqEnable = mask; }

    public int irqEnable() { return irqEnable; }

    /** True when an enabled line is raised: the CPU's hardware interrupt 0. */
    public boolean cpuIrq() { return (irqLines & irqEnable) != 0; }

    /**
     * Raises or lowers CPU 0's inter-processor interrupt (the controller's CIPI register): the
     * CPU's hardware interrupt 1, not gated by IRQE or CIRQE, as on System/161.
     */
    public void setIpi(boolean asserted) { ipi = asserted; }

    public boolean ipi() { return ipi; }

    /** Closes every card ({@link LamebusDevice#close}), once the machine will not run again. */
    public void close() {
        for (LamebusDevice d : slots) if (d != null) d.close();
    }

    /** True if {@code paddr} lies in the LAMEbus window. */
    public static boolean contains(int paddr) {
        return paddr >= BASE && paddr < BASE + SLOTS * SLOT_SIZE;
    }

    /** Reads the device register at {@code paddr} (in the window, word-aligned). */
    public long read(int paddr) {
        int rel = paddr - BASE;
        LamebusDevice d = slots[rel >>> 16];
        return d == null ? LamebusDevice.BUS_ERROR : d.read(rel & (SLOT_SIZE - 1));
    }

    /** Reads the device register at {@code paddr} for a sub-word store ({@link LamebusDevice#readToModify}). */
    public long readToModify(int paddr) {
        int rel = paddr - BASE;
        LamebusDevice d = slots[rel >>> 16];
        return d == null ? LamebusDevice.BUS_ERROR : d.readToModify(rel & (SLOT_SIZE - 1));
    }

    /** Writes the device register at {@code paddr} (in the window, word-aligned). */
    public boolean write(int paddr, int value) {
        int rel = paddr - BASE;
        LamebusDevice d = slots[rel >>> 16];
        return d != null && d.write(rel & (SLOT_SIZE - 1), value);
    }
}
