package vm3000.cpu.core;

/**
 * A debugger attached to a {@link Cpu} ({@link Cpu#setDebugger}): the CPU consults it before each
 * cycle that runs an instruction or takes an interrupt (not while it idles in WAIT). While the
 * debugger holds the machine stopped nothing on the machine happens, so its time stands still.
 */
public interface Debugger {
    /**
     * Called by {@link Cpu#step} before the cycle at {@code cpu.pc()}: the debugger may stop the
     * machine here (a breakpoint, a watchpoint, the end of a single step, a request) and return
     * when it resumes; the cycle then runs from the state it left. It may also power the machine
     * off (a debugger's kill), when the cycle does not run; or, on an RMR-stack machine, stop the
     * live nested level with a machine check ({@link Cpu#machineCheck}: a trap to its owner), which
     * then takes the cycle, as any routed trap does.
     */
    void beforeCycle(Cpu cpu);

    /**
     * True while the debugger must see every instruction (breakpoints or watchpoints are set, a
     * single step or a stop is pending): run loops then step the interpreter instead of running
     * decoded blocks or running a VM's user mode directly, which {@link #beforeCycle} never sees.
     */
    boolean wantsEveryStep();

    /**
     * An exception went to the boot ROM (Status.BEV set), whose only content on System/161 is a
     * breakpoint that summons the debugger: true if the debugger takes it (the machine then stops
     * before the next cycle, at the vector), false to let the machine stop with a machine check.
     */
    default boolean bootRomException(Cpu cpu, String diagnostic) { return false; }
}
