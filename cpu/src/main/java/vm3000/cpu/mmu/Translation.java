package vm3000.cpu.mmu;

import vm3000.cpu.cp0.ExcCode;

/**
 * The result of {@link Mmu#translate}: a physical address (a non-negative long), or a fault
 * (a negative long) that carries the exception code and whether it goes to the UTLB vector.
 * Packing it into a long keeps the common path free of allocation and of Java exceptions.
 */
public final class Translation {
    private Translation() {}

    private static final int UTLB = 0x100;

    public static long physical(int paddr) { return paddr & 0xFFFFFFFFL; }

    static long fault(int excCode, boolean utlb) { return ~(long) (excCode | (utlb ? UTLB : 0)); }

    public static boolean isFault(long t) { return t < 0; }

    /**
     * The access lies outside the live level's window (an RMR-stack machine): not an exception of
     * the level, but a memory trap to the monitor that owns the failing window.
     */
    public static final long MEMORY_TRAP = ~(long) 0x200;

    public static int excCode(long t) { return (int) ~t & 0x1F; }

    /** A TLB miss in kuseg: the exception goes to the UTLB refill vector. */
    public static boolean isUtlbRefill(long t) { return ((int) ~t & UTLB) != 0; }

    /** TLB exceptions (Mod, TLBL, TLBS) also load Context and EntryHi. */
    public static boolean isTlbFault(long t) {
        int c = excCode(t);
        return c == ExcCode.MOD || c == ExcCode.TLBL || c == ExcCode.TLBS;
    }
}
