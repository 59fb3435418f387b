package vm3000.vmm.trap.shadow;

import vm3000.vmm.trap.VirtualMachine;

/**
 * Shadow paging: how one VMM level keeps its real TLB a cache of its VMs' virtual TLBs. A guest's
 * user mode runs directly through <em>shadow entries</em> in the real TLB (guest virtual page |
 * host ASID -> host physical page), made from the guest's own entries when a direct run faults;
 * the guest never sees them. Three decisions belong to it: what to do about a real TLB fault, which
 * shadows a guest's TLB write makes stale, and which host ASID a guest ASID runs under (the ASID
 * map). {@link ShadowRefill} is the VMM's own; exercise 3 of the course labs has students write it
 * (docs/labs/ex3.md).
 *
 * <p>The VMM's dispatcher charges the VM's time and counts the refills by the {@link Outcome}; an
 * implementation changes the real TLB only through the {@link ShadowTlb} of its level.
 */
public interface ShadowPaging {
    /** What became of a real TLB fault of a VM's directly run user mode. */
    enum Outcome {
        /**
         * The guest's own TLB has no valid entry for the access (or a clean one for a store): the
         * fault is the guest's, and has been reflected into the VM. The faulting instruction's
         * cycle is the guest's.
         */
        REFLECTED,
        /**
         * The guest's TLB maps the page outside its RAM (a device, or past the end): nothing is
         * installed, and the instruction is interpreted on the VM's virtual CPU, whose bus reaches
         * the VM's own devices. The instruction has not run yet.
         */
        INTERPRET,
        /** A shadow entry has been installed: the instruction is retried directly. It has not run yet. */
        INSTALLED
    }

    /** Makes the shadow paging of one VMM level, over that level's real TLB. */
    @FunctionalInterface
    interface Factory {
        ShadowPaging of(ShadowTlb real);
    }

    /**
     * A real TLB fault (ExcCode Mod, TLBL or TLBS) at {@code badVAddr} while the VM's user mode ran
     * directly. If the VM's own TLB, under its current ASID, maps the page (valid, and dirty for a
     * store) onto its RAM, install the shadow entry: the host page is the partition's base plus
     * the guest's physical page, N and D are the guest entry's, V is set, G never; under the host
     * ASID of the guest's current ASID. If it maps it elsewhere, interpret. Else reflect the
     * guest's own fault ({@code vm3000.vmm.trap.interp.Reflect#translationFault}).
     */
    Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr);

    /**
     * The guest has overwritten its TLB entry ({@code oldHi}, {@code oldLo}) with TLBWI or TLBWR:
     * remove exactly the shadow entries made from it, its page under the host ASID of its guest
     * ASID, or, if it was global, under every host ASID of the VM. Only valid kuseg entries ever
     * have shadows.
     */
    void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo);

    /**
     * The ASID map: the host ASID (1..{@link AsidMap#HOST_ASIDS}) the VM's current guest ASID
     * runs under, the same one as long as it lasts, a new one when the pair is new. When the host
     * ASIDs run out, flush the real TLB and forget every mapping (of every VM), then start again.
     */
    int hostAsid(VirtualMachine vm);

    /** How many times the host ASIDs ran out (--stats' "ASID recycles"). */
    long recycles();
}
