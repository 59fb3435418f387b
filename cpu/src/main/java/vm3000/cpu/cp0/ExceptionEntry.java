package vm3000.cpu.cp0;

/**
 * The two halves of the R3000's exception mechanism that CP0 carries out on its own registers:
 * entry (EPC, Cause's ExcCode, CE and BD, the push of the KU/IE stack, the choice of vector) and
 * RFE (the pop). {@link Cp0} does both itself; a trap-and-emulate VMM may give a VM's shadow CP0
 * an implementation of its own ({@link Cp0#setExceptionEntry}), which is how exercise 2 of the
 * course labs plugs a student's reflection into the VMM (docs/labs/ex2.md).
 *
 * <p>An implementation works on the raw registers through {@link Cp0#status()},
 * {@link Cp0#setStatus}, {@link Cp0#cause()}, {@link Cp0#setCauseFields} and {@link Cp0#setEpc}.
 */
public interface ExceptionEntry {
    /**
     * Takes exception {@code excCode} (with coprocessor number {@code ce}) for the instruction at
     * {@code pc}, which sits in the delay slot of the branch before it if {@code inDelaySlot};
     * {@code utlbRefill}: a TLB miss in kuseg with no matching entry, which has a vector of its
     * own. Returns the vector the CPU continues at.
     */
    int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlbRefill);

    /** RFE: pops the KU/IE stack. */
    void rfe(Cp0 cp0);
}
