package vm3000.cpu.core;

import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.cp0.Cp0;

/**
 * The hardware interrupt lines that reach a CPU from outside CP0, as Cause.IP bits. The real
 * machine's come from the LAMEbus; a virtual CPU's come from its monitor's virtual devices.
 */
@FunctionalInterface
public interface InterruptLines {
    int lines();

    /**
     * The lines of a LAMEbus, wired as on System/161: the OR of the enabled slot lines is
     * hardware interrupt 0 (Cause.IP2), the controller's inter-processor interrupt is hardware
     * interrupt 1 (Cause.IP3).
     */
    static InterruptLines of(Lamebus bus) {
        return () -> (bus.cpuIrq() ? Cp0.IP_LAMEBUS : 0) | (bus.ipi() ? Cp0.IP_IPI : 0);
    }
}
