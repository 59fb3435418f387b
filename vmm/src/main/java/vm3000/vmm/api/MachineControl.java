package vm3000.vmm.api;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalMemory;

/**
 * The architectural interface of the level a monitor runs at, and the only way a monitor touches
 * the machine (DESIGN §3). The calls mean what the instructions they stand for mean on an R3000
 * in kernel mode: {@link #mfc0}/{@link #mtc0} are MFC0/MTC0 (select 0), the TLB calls are
 * TLBR/TLBWI/TLBWR/TLBP working through Index, EntryHi and EntryLo. Physical memory is the
 * level's own, from address 0. The registers of the interrupted context are innocuous state.
 *
 * <p>{@link #resume} is the monitor's return from exception: it pops the KU/IE stack as RFE does,
 * continues at {@code pc} and runs the level above until the next exception reaches the monitor.
 * The monitor sets Status (KUp, IEp, IM) and Compare before it, as a kernel does before
 * {@code jr k0; rfe}.
 */
public interface MachineControl {
    int mfc0(int reg);

    void mtc0(int reg, int value);

    void tlbr();

    void tlbwi();

    void tlbwr();

    void tlbp();

    /** A general register of the interrupted context. */
    int reg(int n);

    void setReg(int n, int value);

    int hi();

    int lo();

    void setHiLo(int hi, int lo);

    /** Reads {@code size} (1, 2, 4) bytes at the aligned physical {@code paddr}, or PhysicalBus.BUS_ERROR. */
    long loadPhysical(int paddr, int size);

    /** Writes {@code size} bytes at the aligned physical {@code paddr}; false if there is no memory there. */
    boolean storePhysical(int paddr, int size, int value);

    /** Bytes of RAM at this level, from physical 0. */
    int ramSize();

    /**
     * This level's RAM, from physical 0, as memory of its own (a view of the machine's RAM: the
     * same words) that a monitor may give the CPU it interprets a VM's kernel mode on, so that the
     * kernel's accesses reach its partition without a call per access; or null where the level has
     * none to give, and its RAM is reached through {@link #loadPhysical} and {@link #storePhysical}
     * only. Writes through it are seen by every decoded copy of the words written, at every level.
     */
    default PhysicalMemory memory() { return null; }

    Endian endian();

    /**
     * Where the context interrupted by the last exception at this level continues after the
     * instruction at EPC (with Cause.BD: after the delay slot at EPC + 4). The R3000 keeps this
     * but does not report it; the branch at EPC gives it, except when that slot was itself the
     * target of a branch executed in a delay slot, which this machine executes deterministically.
     */
    int exceptionNext();

    /**
     * The LL bit of the context interrupted by the last exception at this level, before the
     * exception cleared it, and the LL bit the next {@link #resume} continues with. A monitor that
     * resumes a context after a trap the context never sees restores it, so its SC succeeds or
     * fails as without the trap.
     */
    boolean exceptionLlBit();
    void setLlBit(boolean value);

    /** RFE, jump to {@code pc}, run until the next exception at this level or until the level stops. */
    Trap resume(int pc);
}
