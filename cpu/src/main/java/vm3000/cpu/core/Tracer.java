package vm3000.cpu.core;

/**
 * Receives trace events from the interpreter (the reference core), in System/161's trace
 * categories. The fast path never calls it; a machine with a tracer runs on the interpreter.
 */
public interface Tracer {
    /** An instruction fetched and about to execute, in user or kernel mode. */
    void instruction(int pc, int word, boolean user);

    /** The instruction of the last {@link #instruction} is over: it retired, or it raised an exception. */
    void after(boolean retired);

    /** TLBR has loaded EntryHi/EntryLo from {@code slot}. */
    void tlbRead(int slot);

    /** TLBWI or TLBWR ({@code name}) is about to write EntryHi/EntryLo into {@code slot}. */
    void tlbWrite(String name, int slot);

    /** TLBP found {@code slot}, or -1 for no match. */
    void tlbProbe(int slot);

    /** An exception taken: code, EPC, BadVAddr, and the vector. */
    void exception(int excCode, int epc, int badVAddr, int vector);

    /** A load or store at mapped {@code vaddr} is about to look up the TLB. */
    void tlbLookup(int vaddr, boolean write);

    /** The CPU begins a stretch of idling in WAIT. */
    void idle();

    /** An interrupt about to be taken, with the pending and enabled Cause.IP bits. */
    void interrupt(int pendingIp);
}
