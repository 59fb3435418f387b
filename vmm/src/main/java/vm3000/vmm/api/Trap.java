package vm3000.vmm.api;

/**
 * What ended a {@link MachineControl#resume}: an exception taken at the monitor's level (its code
 * is Cause.ExcCode; EPC, BadVAddr and the rest are in the level's CP0), or the level stopped
 * (power-off, machine check, instruction limit; {@code message} says which).
 */
public record Trap(Kind kind, int excCode, String message) {
    public enum Kind { EXCEPTION, STOPPED }

    public static Trap exception(int excCode) { return new Trap(Kind.EXCEPTION, excCode, ""); }

    public static Trap stopped(String message) { return new Trap(Kind.STOPPED, -1, message); }

    public boolean stopped() { return kind == Kind.STOPPED; }
}
