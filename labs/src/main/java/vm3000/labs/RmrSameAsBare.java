package vm3000.labs;

import java.util.function.Predicate;

/**
 * A check that a kernel behaves in a VM of the RMR VMM, built with a student's interpreter of
 * device accesses, exactly as on the bare machine: as {@link SameAsBare}, on the RMR stack.
 */
public record RmrSameAsBare(String name, String kernel, String args, int depth, Predicate<String> lines,
                            boolean wholeRun, String hint) implements Check {
    @Override
    public String failure(LabParts parts) throws Exception {
        GuestRun b = SameAsBare.bare(kernel, args);
        GuestRun v = GuestRun.underRmr(kernel, args, depth, parts.devices(), SameAsBare.limit(b));
        return SameAsBare.compare(SameAsBare.where(kernel, args, depth, "RMR "), b, v, lines, wholeRun, hint);
    }
}
