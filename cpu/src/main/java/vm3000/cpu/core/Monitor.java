package vm3000.cpu.core;

/**
 * Software installed at a level of the machine, the way firmware is, that receives the level's
 * exceptions instead of the exception vector. The hardware has already done its part (EPC, Cause,
 * BadVAddr, the KU/IE push) when {@link #trap} is called; the monitor decides where execution
 * resumes. The machine knows nothing more of monitors than this.
 */
public interface Monitor {
    /** Called on every exception taken at the monitor's level, with Cause.ExcCode. */
    void trap(Cpu cpu, int excCode);
}
