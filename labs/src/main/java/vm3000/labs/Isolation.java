package vm3000.labs;

import java.util.function.Predicate;

import vm3000.vmm.trap.VmmParts;

/**
 * A check that a kernel's VM stays inside its partition: the kernel runs under one VMM on a
 * machine with {@link #SPARE} bytes of RAM beyond what the VM needs, above its partition, where a
 * VMM's mistake can reach; the console lines {@code lines} selects must be the bare machine's, and
 * the host's RAM outside the partition must be as it was before the VM ran.
 */
public record Isolation(String name, String kernel, String args, Predicate<String> lines, String hint) implements Check {
    /** RAM beyond the VM's partition: 1 MiB. */
    static final int SPARE = 1 << 20;

    @Override
    public String failure(LabParts lab) throws Exception {
        VmmParts parts = lab.vmm();
        GuestRun b = SameAsBare.bare(kernel, args);
        GuestRun v = SameAsBare.underVmm(b, args, 1, parts, SPARE);
        String where = SameAsBare.where(kernel, args, 1) + " (with RAM to spare beyond the VM's)";
        if (v.thrown() != null) return SameAsBare.thrown(where, v.thrown());
        String d = SameAsBare.difference(where, b, v, lines, false, hint);
        if (d != null) return d;
        if (v.outsideChanged() >= 0) {
            return String.format("%s: the host's RAM outside the VM's partition changed, at 0x%08x: the VM wrote memory "
                    + "that is not its own. %s", where, v.outsideChanged(), hint);
        }
        return null;
    }
}
