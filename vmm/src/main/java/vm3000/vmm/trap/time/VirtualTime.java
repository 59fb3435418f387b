package vm3000.vmm.trap.time;

import vm3000.vmm.trap.VirtualMachine;

/**
 * A VM's time while its user mode runs directly: how long the VMM lets a direct run go, how long
 * it took, and how much of that is the VM's. The VM's clock advances by one for every instruction
 * the VMM interprets (the virtual CPU does that) and by what {@link #charge} says after each
 * direct run, so that it always equals the bare machine's cycle count for the same guest.
 *
 * <p>The VMM runs a direct run under the real on-chip timer of the level below: Count = 0,
 * Compare = the run's budget, only the timer's interrupt enabled (docs/machine.md, "The on-chip
 * timer"). {@link CountCompare} is the VMM's own; exercise 4 of the course labs has students
 * write it (docs/labs/ex4.md), and {@link OneStep} stands in for it while they do the earlier ones.
 */
public interface VirtualTime {
    /** How a direct run ended: what the VMM does with the trap it ended in. */
    enum Ending {
        /**
         * The VMM's own timer interrupt: the run reached its budget (Count stepped onto Compare)
         * and the real CPU took the interrupt at the next instruction.
         */
        TIMER,
        /**
         * An exception the VMM handles itself and the instruction that took it runs again: a TLB
         * miss the shadow TLB is refilled for, or an instruction handed to the interpreter (a CP0
         * instruction in user mode, an access outside the VM's RAM).
         */
        RESTART,
        /** The guest's own exception (a system call, a fault, a miss in its TLB), reflected into the VM. */
        REFLECT
    }

    /**
     * The budget of the next direct run of {@code vm}: the cycles of the VM's time (from
     * {@code vm.clock().now()}) it may run before the VMM must see it again — at the end of its
     * time slice {@code sliceEnd}, at the VM's next virtual event (its own Count/Compare, its
     * devices), or at its instruction limit, whichever comes first. At least 1: the VMM runs it
     * only while all three are ahead.
     */
    long budget(VirtualMachine vm, long sliceEnd);

    /**
     * The cycles a direct run took, the cycle of the trap that ended it included, from the real
     * timer it ran under: it started with Count = 0 and Compare = {@code budget}; {@code count}
     * and {@code cause} are the real Count and Cause when it trapped.
     */
    long ranFor(long budget, int count, int cause);

    /**
     * Of the {@code cycles} a direct run took (from {@link #ranFor}), those that are the guest's,
     * for a run that ended as {@code ending} says: the VM's clock advances by them.
     */
    long charge(Ending ending, long cycles);
}
