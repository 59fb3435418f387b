package vm3000.vmm.trap.time;

import vm3000.cpu.cp0.ExcCode;
import vm3000.vmm.trap.VirtualMachine;

/**
 * Virtual time without measuring: every direct run is one instruction long. Exact, since a run of
 * budget 1 either traps at its one instruction (one cycle) or retires it and takes the VMM's timer
 * interrupt after it (two cycles, one of them the guest's); but a trap for every instruction of
 * the guest's user mode. The course labs grade the exercises before exercise 4 with it, so that
 * they do not depend on that exercise's {@link CountCompare} (docs/labs/ex4.md).
 */
public final class OneStep implements VirtualTime {
    @Override
    public long budget(VirtualMachine vm, long sliceEnd) { return 1; }

    @Override
    public long ranFor(long budget, int count, int cause) {
        return ((cause >>> 2) & 31) == ExcCode.INT ? 2 : 1;
    }

    @Override
    public long charge(Ending ending, long cycles) {
        return switch (ending) {
            case TIMER -> 1;    // the instruction retired; the interrupt's cycle is the VMM's
            case RESTART -> 0;  // the instruction did not retire: it runs again
            case REFLECT -> 1;  // the exception's cycle: the guest's
        };
    }
}
