package vm3000.cpu.debug;

/**
 * The physical memory a debugger may read and write: RAM only, never a device register (reading
 * one can change the device). Addresses are the machine's (or a VM's guest-) physical addresses.
 */
public interface DebugMemory {
    /** The byte at physical {@code pa}, or -1 if there is no RAM there. */
    int load(int pa);

    /** Stores byte {@code value} at physical {@code pa}; false if there is no RAM there. */
    boolean store(int pa, int value);
}
