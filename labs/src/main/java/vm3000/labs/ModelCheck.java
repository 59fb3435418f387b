package vm3000.labs;

import java.util.List;
import java.util.function.Predicate;

/**
 * A check of a student's {@link ExitModel} against the monitors' own counters: for each depth in
 * {@code fromDepth..toDepth}, the monitor entries at every level for each {@link GuestOperation} of {@code ops},
 * measured as the difference of two runs (the VMM's {@code --stats} counters), must be what the
 * model says. The runs use the student's VMM: if it does not run the kernel as the bare machine
 * does, there is nothing to count, and the check says so.
 */
public record ModelCheck(String name, boolean rmr, List<GuestOperation> ops, int fromDepth, int toDepth, String hint)
        implements Check {
    private static final Predicate<String> ALL = line -> true;

    @Override
    public String failure(LabParts parts) throws Exception {
        for (GuestOperation op : ops) {
            String f = failure(parts, op);
            if (f != null) return f;
        }
        return null;
    }

    private String failure(LabParts parts, GuestOperation op) throws Exception {
        for (int depth = fromDepth; depth <= toDepth; depth++) {
            long[] small = new long[depth], large = new long[depth];
            String failed = count(parts, op, depth, op.base(), small);
            if (failed == null) failed = count(parts, op, depth, 2 * op.base(), large);
            if (failed != null) return failed;
            for (int level = 0; level < depth; level++) {
                long counted = large[level] - small[level];
                long predicted;
                try {
                    predicted = rmr ? parts.exits().rmr(op, depth, level) : parts.exits().trapAndEmulate(op, depth, level);
                } catch (UnsupportedOperationException e) {
                    if (String.valueOf(e.getMessage()).startsWith("exercise ")) return "not written yet (" + e.getMessage() + ").";
                    return "your model threw " + e + ".";
                } catch (RuntimeException e) {
                    return "your model threw " + e + " for " + op + " at depth " + depth + ", level " + level + ".";
                }
                if (predicted * op.difference() != counted) {
                    return String.format("%s, at depth %d, level %d (%s): your model says %d entr%s, the %sVMM counted %s. %s",
                            op.description(), depth, level, role(level, depth), predicted, predicted == 1 ? "y" : "ies",
                            rmr ? "RMR " : "", perOperation(op, counted), hint);
                }
            }
        }
        return null;
    }

    /** Runs op's kernel with {@code iterations}, its monitors' entries into {@code entries}; null, or why it could not. */
    private String count(LabParts parts, GuestOperation op, int depth, int iterations, long[] entries) throws Exception {
        String args = Integer.toString(iterations);
        GuestRun b = SameAsBare.bare(op.kernel(), args);
        long limit = SameAsBare.limit(b);
        GuestRun v = rmr ? GuestRun.underRmr(op.kernel(), args, depth, parts.devices(), limit)
                : GuestRun.underVmm(op.kernel(), args, depth, Watchdog.wrap(parts.vmm(), 4 * limit), limit);
        String where = SameAsBare.where(op.kernel(), args, depth, rmr ? "RMR " : "");
        String differs = SameAsBare.compare(where, b, v, ALL, true, "");
        if (differs != null) {
            return "there is nothing to count until the VMM runs the kernel as the bare machine does: " + differs.strip()
                    + (rmr ? "" : " The counts need your parts of exercises 1 to 4.");
        }
        System.arraycopy(v.entries(), 0, entries, 0, depth);
        return null;
    }

    private static String perOperation(GuestOperation op, long counted) {
        long d = op.difference();
        return counted % d == 0 ? Long.toString(counted / d) : String.format("%.2f", (double) counted / d);
    }

    /** Which monitor a level is, in the guide's words. */
    static String role(int level, int depth) {
        if (level == depth - 1) return depth == 1 ? "the only VMM" : "the top VMM, whose VM runs the guest";
        if (level == 0) return "the VMM on the machine itself";
        return "the VMM in the VM of level " + (level - 1);
    }
}
