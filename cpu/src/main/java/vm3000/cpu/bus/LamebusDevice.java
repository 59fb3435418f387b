package vm3000.cpu.bus;

/**
 * A card in a LAMEbus slot (System/161 doc/lamebus.html). A slot is 64 KiB of physical address
 * space; the bus hands the card word-aligned offsets within it. Registers are 32 bits wide.
 * An offset the card does not decode is a bus error, which the card reports by returning
 * {@link #BUS_ERROR} from a read or {@code false} from a write.
 */
public interface LamebusDevice {
    long BUS_ERROR = -1L;

    /** Vendor id reported in the slot's configuration space. */
    int vendorId();

    /** Device id reported in the slot's configuration space. */
    int deviceId();

    /** Device revision reported in the slot's configuration space. */
    int revision();

    /** Reads the register at {@code offset}: the value zero-extended, or {@link #BUS_ERROR}. */
    long read(int offset);

    /**
     * Reads the register at {@code offset} for a sub-word store, which the bus carries out as a
     * read, a change of one lane and a write, as System/161's does: the read's device side effects
     * happen as System/161's do; a card overrides this to leave out effects of its own that a
     * store should not have.
     */
    default long readToModify(int offset) { return read(offset); }

    /** Writes the register at {@code offset}; false for a bus error. */
    boolean write(int offset, int value);

    /**
     * Releases what the card holds on the host (an image file, open files) when the machine is
     * done. Work the guest has seen complete is already on the host before this: closing only
     * frees resources. Called once; the default holds nothing.
     */
    default void close() {}
}
