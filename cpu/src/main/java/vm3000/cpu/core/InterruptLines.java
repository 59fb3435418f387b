package vm3000.cpu.core;

/**
 * The hardware interrupt lines that reach a CPU from outside CP0, as Cause.IP bits. The real
 * machine's come from the LAMEbus; a virtual CPU's come from its monitor's virtual devices.
 */
@FunctionalInterface
public interface InterruptLines {
    int lines();
}
