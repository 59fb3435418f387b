package vm3000.cpu.bus;

/**
 * The physical address space: RAM from 0, the LAMEbus window at 0x1fe00000, nothing else.
 * An access to nothing is a bus error (IBE/DBE). Reads return the zero-extended value or
 * {@link #BUS_ERROR}. Device registers are words, and the bus moves whole words to and from
 * them, as System/161's does: a sub-word read reads the register and returns its byte or halfword
 * lane; a sub-word write reads the register, replaces the lane and writes the word back (OS/161's
 * drivers copy into device buffers byte by byte). The read's side effects, if the register has
 * any, happen too; a read that is a bus error makes the write one.
 */
public final class Bus implements PhysicalBus {

    private final PhysicalMemory ram;
    private final Lamebus lamebus;

    public Bus(PhysicalMemory ram, Lamebus lamebus) {
        this.ram = ram;
        this.lamebus = lamebus;
    }

    public PhysicalMemory ram() { return ram; }
    public Lamebus lamebus() { return lamebus; }

    /** Reads {@code size} (1, 2 or 4) bytes at the naturally aligned {@code paddr}. */
    @Override
    public long load(int paddr, int size) {
        if (ram.contains(paddr, size)) {
            return ram.load(paddr, size);
        }
        if (!Lamebus.contains(paddr)) return BUS_ERROR;
        long word = lamebus.read(paddr & ~3);
        if (word == BUS_ERROR || size == 4) return word;
        Endian e = ram.endian();
        return size == 2 ? (word >>> e.halfShift(paddr)) & 0xFFFF : (word >>> e.byteShift(paddr)) & 0xFF;
    }

    /** Writes {@code size} (1, 2 or 4) bytes at the naturally aligned {@code paddr}; false on bus error. */
    @Override
    public boolean store(int paddr, int size, int value) {
        if (ram.contains(paddr, size)) {
            ram.store(paddr, size, value);
            return true;
        }
        if (!Lamebus.contains(paddr)) return false;
        if (size == 4) return lamebus.write(paddr, value);
        int word = paddr & ~3;
        long old = lamebus.readToModify(word);
        if (old == BUS_ERROR) return false;
        Endian e = ram.endian();
        int shift = size == 2 ? e.halfShift(paddr) : e.byteShift(paddr);
        int lane = (size == 2 ? 0xFFFF : 0xFF) << shift;
        return lamebus.write(word, ((int) old & ~lane) | ((value << shift) & lane));
    }
}
