package vm3000.cpu.bus;

/**
 * Whether the machine is still running, and why it stopped. Devices power the machine off
 * (with an exit code); the core stops on a machine check or at its instruction limit. The first
 * stop wins: later requests do not overwrite the reason.
 */
public final class PowerState implements MachineCheck {
    /** Why a run ended. */
    public enum Reason { RUNNING, POWER_OFF, MACHINE_CHECK, INSTRUCTION_LIMIT }

    private Reason reason = Reason.RUNNING;
    private int exitCode;
    private String message = "";

    public boolean isRunning() { return reason == Reason.RUNNING; }
    public Reason reason() { return reason; }
    public int exitCode() { return exitCode; }
    public String message() { return message; }

    public void powerOff(int code, String why) { stop(Reason.POWER_OFF, code, why); }

    @Override
    public void machineCheck(String diagnostic) { stop(Reason.MACHINE_CHECK, 0, diagnostic); }

    public void instructionLimit(long limit) {
        stop(Reason.INSTRUCTION_LIMIT, 0, "instruction limit of " + limit + " reached");
    }

    private void stop(Reason r, int code, String why) {
        if (reason != Reason.RUNNING) return;
        reason = r;
        exitCode = code;
        message = why;
    }
}
