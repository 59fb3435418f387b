package vm3000.cpu.bus;

/**
 * A physical address space as a CPU sees it: naturally aligned loads and stores of 1, 2 or 4
 * bytes, or a bus error. The real machine's is {@link Bus} (RAM and the LAMEbus); a virtual
 * machine's CPU gets one that reaches its memory through its monitor.
 */
public interface PhysicalBus {
    long BUS_ERROR = -1L;

    /** Reads {@code size} bytes at {@code paddr}, zero-extended, or {@link #BUS_ERROR}. */
    long load(int paddr, int size);

    /** Writes {@code size} bytes at {@code paddr}; false for a bus error. */
    boolean store(int paddr, int size, int value);
}
