package vm3000.vmm.trap.shadow;

import vm3000.vmm.trap.VirtualMachine;

/**
 * A VMM level without shadow paging: no shadow entry is ever installed, so every access of a
 * directly run guest's user mode faults in the real TLB and its instruction is interpreted on the
 * VM's virtual CPU, through the VM's own TLB, as its kernel mode is; the guest's own TLB faults
 * are then taken by the virtual CPU. Correct and slow: it stands in for exercise 3 of the course
 * labs while the graders of exercises 1 and 2 run (docs/labs/README.md), so that those can be done
 * first. Nothing is mapped, so no host ASID is ever needed: every VM runs under host ASID 0.
 */
public final class NoShadowPaging implements ShadowPaging {
    /** Makes one for each VMM level. */
    public static final Factory FACTORY = real -> new NoShadowPaging();

    private NoShadowPaging() {}

    @Override
    public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) { return Outcome.INTERPRET; }

    @Override
    public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {}

    @Override
    public int hostAsid(VirtualMachine vm) { return 0; }

    @Override
    public long recycles() { return 0; }
}
