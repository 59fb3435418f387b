package vm3000.cpu.core;

/**
 * Receives trace events from the interpreter (the reference core), in System/161's trace
 * categories. The fast path never calls it.
 */
public interface Tracer {
    /** An instruction about to execute, in user or kernel mode. */
    void instruction(int pc, int word, boolean user);

    /** A jump or taken branch from {@code pc} to {@code target}. */
    void jump(int pc, int target);

    /** A TLB instruction and the entry it touched (or -1). */
    void tlb(String op, int slot, int entryHi, int entryLo);

    /** An exception taken: code, EPC, BadVAddr, and the vector. */
    void exception(int excCode, int epc, int badVAddr, int vector);

    /** An interrupt taken, with the pending Cause.IP bits. */
    void interrupt(int pendingIp);
}
