package vm3000.labs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.vmm.trap.VmmParts;

/** Runs an exercise's checks on a VMM built with given parts, and reports them with a score. */
public final class Grader {
    private Grader() {}

    /** The outcome of one check: its name and null, or what went wrong. */
    public record Result(String check, String failure) {
        public boolean passed() { return failure == null; }
    }

    /** Every check of {@code e} on the tree's parts with the trap-and-emulate VMM's {@code parts}, in order. */
    public static List<Result> grade(Exercise e, VmmParts parts) {
        return grade(e, LabParts.TREE.withVmm(parts));
    }

    /** Every check of {@code e} on {@code parts}, in order. A check that throws fails with what it threw. */
    public static List<Result> grade(Exercise e, LabParts parts) {
        parts = parts.withVmm(e.scope().apply(parts.vmm()));
        List<Result> out = new ArrayList<>();
        for (Check c : e.checks()) {
            String failure;
            try {
                failure = c.failure(parts);
            } catch (Exception ex) {
                failure = "the check could not run: " + ex;
            }
            out.add(new Result(c.name(), dependency(e, failure)));
        }
        return out;
    }

    private static final java.util.regex.Pattern UNWRITTEN = java.util.regex.Pattern.compile("not written yet \\(exercise (\\d+):");

    /**
     * A failure because an earlier exercise's part is not written yet says so: every exercise's
     * kernels run on all the parts, so the exercises are done in order.
     */
    static String dependency(Exercise e, String failure) {
        if (failure == null) return null;
        java.util.regex.Matcher m = UNWRITTEN.matcher(failure);
        if (m.find() && Integer.parseInt(m.group(1)) < e.number()) {
            return failure + " Exercise " + e.number() + " runs on your part of exercise " + m.group(1)
                    + " too: do that one first (docs/labs/README.md).";
        }
        return failure;
    }

    /** Prints the report of {@code results}; returns the score (checks passed). */
    public static int report(Exercise e, List<Result> results, PrintStream out) {
        out.printf("Exercise %d: %s (%s)%n", e.number(), e.title(), e.guide());
        int passed = 0;
        for (Result r : results) {
            out.printf("  [%s] %s%n", r.passed() ? "pass" : "FAIL", r.check());
            if (r.passed()) passed++;
            else out.printf("         %s%n", r.failure());
        }
        out.printf("Score: %d/%d%s%n", passed, results.size(), passed == results.size() ? " — full marks" : "");
        return passed;
    }
}
