package vm3000.cpu.bus;

/** Byte order of the machine, chosen from the ELF header (System/161 is big-endian). */
public enum Endian {
    BIG, LITTLE;

    /** Bit position of the byte at {@code addr} within its aligned word. */
    public int byteShift(int addr) {
        return this == BIG ? (3 - (addr & 3)) << 3 : (addr & 3) << 3;
    }

    /** Bit position of the halfword at {@code addr} (2-aligned) within its aligned word. */
    public int halfShift(int addr) {
        return this == BIG ? (2 - (addr & 2)) << 3 : (addr & 2) << 3;
    }
}
