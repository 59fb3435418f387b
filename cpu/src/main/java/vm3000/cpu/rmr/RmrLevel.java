package vm3000.cpu.rmr;

import vm3000.cpu.core.Counters;
import vm3000.cpu.core.CpuContext;
import vm3000.cpu.cp0.Cp0;

/**
 * One copy of the resource-management registers (Belpaire and Hsu's RMR[i]) for the R3000: a
 * full CP0 with its own timer and its own 64-entry TLB, the registers and continuation of the
 * level while another level is live, and the window (base, bound) that places the level's
 * physical memory inside its owner's, set by the owner. Plus what the machine keeps about it:
 * its counters, the hardware lines its owner drives, and its monitor's state.
 */
public final class RmrLevel {
    final Cp0 cp0;
    final CpuContext context = new CpuContext();
    final Counters counters;
    /** The window in the owner's physical space: base, and bound = its size in bytes. */
    long base;
    long bound;
    /** The hardware interrupt lines (Cause.IP bits) the owner drives. */
    int lines;
    /** A Java monitor running the level, or null: the level runs MIPS code. */
    LevelMonitor monitor;
    /** Its Java monitor has been started. */
    boolean started;
    /** Its Java monitor runs the level's own code itself, blocking (RmrPort.driveOwnCode). */
    boolean drivesOwnCode;
    /** Level-physical address of the level's last LRMR block (where its trap records go), or -1. */
    long blockPa = -1;
    /** Levels above this one suspended by the trap being handled here. */
    int suspended;
    /** That trap, and where it happened (the trapping level's physical address), for a resume. */
    RmrTrap trap;
    int trapLevelPa;

    RmrLevel(Cp0 cp0, Counters counters) {
        this.cp0 = cp0;
        this.counters = counters;
    }

    public Cp0 cp0() { return cp0; }
    public CpuContext context() { return context; }
    public Counters counters() { return counters; }
    public long base() { return base; }
    public long bound() { return bound; }
    public int lines() { return lines; }
    public LevelMonitor monitor() { return monitor; }
}
