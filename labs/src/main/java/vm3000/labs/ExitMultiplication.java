package vm3000.labs;

/**
 * The reference model of exit multiplication (docs/vmm.md and docs/rmr.md derive it; the
 * graders check it against the monitors' own counters).
 *
 * <p>The method bodies are exercises 5 and 6 of the course labs: the student tree has them removed
 * between the {@code lab 5} and {@code lab 6} markers (docs/labs/README.md, "For teachers").
 */
public final class ExitMultiplication implements ExitModel {
    @Override
    public long trapAndEmulate(GuestOperation op, int depth, int level) {
        // lab 5 begin: the trap-and-emulate VMM's entries
        boolean top = level == depth - 1;
        return switch (op) {
            // the Sys trap from direct execution; the handler, interpreted: mfc0 Cause, mfc0 EPC, rfe.
            // Below: the trap again, plus the 8 CP0 operations of the upper VMM's direct run.
            case SYSCALL -> top ? 4 : 9;
            // guest kernel mode is interpreted by the top VMM: one interpreter entry, nothing below
            case CP0_MOVE -> top ? 1 : 0;
            // the top VMM delivers its VM's timer interrupt itself; the handler's five CP0 instructions
            case TIMER_INTERRUPT -> top ? 5 : 0;
            // interpreted kernel mode reaches the VM's devices in Java: no trap at all
            case DEVICE_LOAD -> 0;
        };
        // lab 5 end
    }

    @Override
    public long rmr(GuestOperation op, int depth, int level) {
        // lab 6 begin: the RMR VMM's entries
        // the guest's own CP0, exceptions and timer stay at its level; a device access is a memory
        // trap to the owner of the window it falls outside of: the top VMM, and no other level
        return op == GuestOperation.DEVICE_LOAD && level == depth - 1 ? 1 : 0;
        // lab 6 end
    }
}
