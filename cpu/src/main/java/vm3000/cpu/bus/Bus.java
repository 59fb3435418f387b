package vm3000.cpu.bus;

/**
 * The physical address space: RAM from 0, the LAMEbus window at 0x1fe00000, nothing else.
 * An access to nothing is a bus error (IBE/DBE). Reads return the zero-extended value or
 * {@link #BUS_ERROR}. Device registers are words: a sub-word read of a device returns its lane
 * of the register, a sub-word write to a device is a bus error.
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
            switch (size) {
                case 4: return ram.loadWord(paddr) & 0xFFFFFFFFL;
                case 2: return ram.loadHalf(paddr);
                default: return ram.loadByte(paddr);
            }
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
            switch (size) {
                case 4: ram.storeWord(paddr, value); break;
                case 2: ram.storeHalf(paddr, value); break;
                default: ram.storeByte(paddr, value); break;
            }
            return true;
        }
        if (!Lamebus.contains(paddr) || size != 4) return false;
        return lamebus.write(paddr, value);
    }
}
