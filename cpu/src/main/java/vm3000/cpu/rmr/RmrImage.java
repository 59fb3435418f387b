package vm3000.cpu.rmr;

import java.util.List;

import vm3000.cpu.core.CpuContext;
import vm3000.cpu.mmu.Access;

/**
 * Levels above a monitor that are not on the machine's stack: a fresh child the monitor is about
 * to start, or a VM's levels the monitor took off the stack to run another (the paper's RMR save
 * area, "the rest of them in core memory"). Launching an image puts its levels back as they were;
 * moving them is a reference move, not a copy. {@link #levels} are bottom first: level 0 of the
 * image is the monitor's own child.
 */
public final class RmrImage {
    final List<RmrLevel> levels;
    /** The trap that suspended these levels, if they were suspended by one, and its disposition. */
    RmrTrap trap;
    int trapLevelPa;

    RmrImage(List<RmrLevel> levels) { this.levels = List.copyOf(levels); }

    /** How many levels the image holds. */
    public int depth() { return levels.size(); }

    /** The monitor's own child: the level whose window the monitor owns. */
    public RmrLevel child() { return levels.get(0); }

    /** The registers and continuation of the top level, for a monitor that boots a fresh child. */
    public CpuContext top() { return levels.get(levels.size() - 1).context; }

    /** The hardware interrupt lines of the child (Cause.IP bits 14..10), driven by its owner. */
    public void setLines(int ipBits) { child().lines = ipBits & 0x7C00; }

    /** The trap that suspended the levels, or null. */
    public RmrTrap trap() { return trap; }

    /** The suspended memory access is done: a load reads {@code value}, a store is complete. */
    public void complete(int value) { dispose(value, false); }

    /** The suspended memory access is a bus error (IBE for a fetch, DBE else) at the level that made it. */
    public void busError() { dispose(0, true); }

    private void dispose(int value, boolean error) {
        if (trap == null || trap.kind() != RmrTrap.Kind.MEMORY) {
            throw new IllegalStateException("no memory access is suspended in this image");
        }
        Access a = trap.access();
        top().completion().add(a, trapLevelPa, value, error);
        trap = null;
    }
}
