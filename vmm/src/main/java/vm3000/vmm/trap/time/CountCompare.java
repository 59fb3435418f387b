package vm3000.vmm.trap.time;

import vm3000.cpu.cp0.Cp0;
import vm3000.vmm.trap.VirtualMachine;

/**
 * The VMM's virtual time of direct runs, measured with the real Count/Compare under their
 * System/161 rules. At depth 2 and more the same code reads its VM's virtual Count, which keeps
 * the same rules, so virtual time is exact at every depth.
 *
 * <p>The method bodies are exercise 4 of the course labs: the student tree has them removed
 * between the {@code lab 4} markers (docs/labs/ex4.md).
 */
public final class CountCompare implements VirtualTime {
    @Override
    public long budget(VirtualMachine vm, long sliceEnd) {
        // lab 4 begin: the budget of a direct run
        long now = vm.clock().now();
        return Math.min(Math.min(sliceEnd, vm.clock().nextEvent()), vm.limit()) - now;
        // lab 4 end
    }

    @Override
    public long ranFor(long budget, int count, int cause) {
        // lab 4 begin: the cycles a direct run took
        // Count steps onto Compare and restarts from 0 (raising the timer line, which only writing
        // Compare lowers), so after the budget's interrupt the run took the budget plus what Count
        // shows; before it, what Count shows.
        long cycles = count & 0xFFFFFFFFL;
        return (cause & Cp0.IP_TIMER) != 0 ? budget + cycles : cycles;
        // lab 4 end
    }

    @Override
    public long charge(Ending ending, long cycles) {
        // lab 4 begin: the guest's cycles
        // The trap's cycle is the guest's only if the guest takes the exception: the VMM's own
        // timer interrupt and an instruction that runs again are not.
        return switch (ending) {
            case TIMER, RESTART -> cycles - 1;
            case REFLECT -> cycles;
        };
        // lab 4 end
    }
}
