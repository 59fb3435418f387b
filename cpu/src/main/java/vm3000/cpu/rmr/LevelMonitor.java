package vm3000.cpu.rmr;

/**
 * A monitor written in Java installed at a level of an RMR-stack machine, the way firmware is:
 * the level runs no guest code; the monitor is called when the level is started and whenever a
 * trap is routed to it, acts through its {@link RmrPort} (direct calls on its own RMR, no traps)
 * and returns. Before it returns it must have told the port how the machine goes on: launch or
 * resume the levels above, or halt. The machine loop is the only driver: a monitor never runs the
 * machine itself, so a lower monitor can always preempt the levels above it.
 */
public interface LevelMonitor {
    /** The level has been started (by the machine for level 0, by a Load RMR above that). */
    void start(RmrPort port);

    /** A trap from the levels above has been routed here. */
    void onTrap(RmrPort port, RmrTrap trap);
}
