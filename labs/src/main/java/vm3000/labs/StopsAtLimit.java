package vm3000.labs;

import vm3000.vmm.trap.VmmParts;

/**
 * A check that a VM given an instruction limit stops where the bare machine does: the same
 * console, and its clock at exactly {@code limit} cycles. {@code limit} should fall in the middle
 * of what the check is about (for virtual time: a long direct run).
 */
public record StopsAtLimit(String name, String kernel, String args, int depth, long limit, String hint) implements Check {
    @Override
    public String failure(LabParts lab) throws Exception {
        VmmParts parts = lab.vmm();
        SameAsBare same = new SameAsBare(name, kernel, args, depth, line -> true, false, hint);
        GuestRun b = SameAsBare.bare(kernel, args, limit);
        GuestRun v = same.vm(parts, limit);
        String f = same.differs(b, v);
        if (f != null) return f;
        if (v.reason() != b.reason()) {
            return String.format("%s with an instruction limit of %d cycles: the bare machine ended with %s, the VM with %s. %s",
                    same.where(), limit, b.ending(), v.ending(), hint);
        }
        if (v.cycles() != b.cycles()) {
            return String.format("%s with an instruction limit of %d cycles: the bare machine stopped at cycle %d, the VM "
                    + "at cycle %d. %s", same.where(), limit, b.cycles(), v.cycles(), hint);
        }
        return null;
    }
}
