package vm3000.labs;

import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.VmmStats;

/**
 * A check of how a kernel ran under one VMM, from the VMM's counters (its --stats block): the
 * same run as on the bare machine, most of its user mode run directly (cycles run directly at
 * least half the bare run's user-mode instructions), and no more shadow refills than the guest's
 * own TLB writes on the bare machine plus {@link #SLACK}: each shadow entry stays until the guest
 * entry it was made from goes (or the real TLB needs its slot).
 */
public record ShadowCounters(String name, String kernel, String args, String hint) implements Check {
    /** Shadow refills allowed beyond one per guest TLB write: the real TLB's own replacements. */
    static final long SLACK = 128;

    @Override
    public String failure(LabParts lab) throws Exception {
        VmmParts parts = lab.vmm();
        GuestRun b = SameAsBare.bare(kernel, args);
        GuestRun v = SameAsBare.underVmm(b, args, 1, parts, 0);
        String where = SameAsBare.where(kernel, args, 1);
        if (v.thrown() != null) return SameAsBare.thrown(where, v.thrown());
        String d = SameAsBare.difference(where, b, v, line -> true, true, hint);
        if (d != null) return d;
        VmmStats s = v.stats();
        long user = b.counters().userInstructions();
        if (s.direct() < user / 2) {
            return String.format("%s: the VM ran %d cycles directly, where the bare machine ran %d instructions in user "
                    + "mode: the VMM interprets user mode instead of running it through shadow entries (%d shadow "
                    + "refills). %s", where, s.direct(), user, s.shadowRefills(), hint);
        }
        long writes = b.counters().tlbWrites();
        if (s.shadowRefills() > writes + SLACK) {
            return String.format("%s: the VMM made %d shadow refills for the guest's %d TLB writes: it removes shadow "
                    + "entries that are still right, and the guest pays with a trap for each. %s", where,
                    s.shadowRefills(), writes, hint);
        }
        return null;
    }
}
