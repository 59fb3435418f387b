package vm3000.labs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import vm3000.vmm.trap.VmmParts;

/**
 * A check that a kernel behaves in a VM exactly as on the bare machine: the console lines it
 * selects are the same, and, if {@code wholeRun}, so are the whole console, how the run ended and
 * its cycle count (the VM's time). {@code hint} says, in the student's terms, what a difference
 * most likely means.
 */
public record SameAsBare(String name, String kernel, String args, int depth, Predicate<String> lines, boolean wholeRun,
                         String hint) implements Check {
    private static final Map<String, GuestRun> BARE = new HashMap<>();

    /** The bare run of {@code kernel} with {@code args}, run once per grader process. */
    static synchronized GuestRun bare(String kernel, String args) throws Exception {
        String key = kernel + " " + args;
        GuestRun b = BARE.get(key);
        if (b == null) {
            b = GuestRun.bare(kernel, args);
            BARE.put(key, b);
        }
        return b;
    }

    @Override
    public String failure(VmmParts parts) throws Exception {
        GuestRun b = bare(kernel, args);
        GuestRun v = underVmm(b, args, depth, parts, 0);
        String where = where(kernel, args, depth);
        if (v.thrown() != null) return thrown(where, v.thrown());
        return difference(where, b, v, lines, wholeRun, hint);
    }

    /** {@code bare}'s kernel with {@code args} under {@code depth} VMMs (and {@code spare} RAM), watched. */
    static GuestRun underVmm(GuestRun bare, String args, int depth, VmmParts parts, int spare) throws Exception {
        long limit = 2 * bare.cycles() + 1_000_000;
        return GuestRun.underVmm(bare.kernel(), args, depth, Watchdog.wrap(parts, 4 * limit), limit, spare);
    }

    /** Where a check ran, for its message: "`kernel` args under N VMMs". */
    static String where(String kernel, String args, int depth) {
        return String.format("`%s`%s under %d VMM%s", kernel, args.isEmpty() ? "" : " " + args, depth,
                depth == 1 ? "" : "s");
    }

    /**
     * What differs between the bare run {@code b} and the VM's run {@code v}: in the console lines
     * {@code lines} selects, and if {@code wholeRun} in the whole console, how the run ended and
     * its cycles; then {@code hint}. Null if nothing does.
     */
    static String difference(String where, GuestRun b, GuestRun v, Predicate<String> lines, boolean wholeRun,
                             String hint) {
        List<String> want = b.lines().stream().filter(lines).toList();
        List<String> got = v.lines().stream().filter(lines).toList();
        int i = firstDifference(want, got);
        if (i >= 0) {
            String w = i < want.size() ? "`" + want.get(i) + "`" : "nothing more";
            String g = i < got.size() ? "`" + got.get(i) + "`" : "nothing more";
            return String.format("%s: the bare machine printed %s where the VM printed %s (the VM's run ended with %s). %s",
                    where, w, g, v.ending(), hint);
        }
        if (!wholeRun) return null;
        if (!b.transcript().equals(v.transcript())) {
            List<String> bl = b.lines(), vl = v.lines();
            int k = firstDifference(bl, vl);
            String line = k < 0 ? "the same lines, a different end of line" : String.format("line %d: bare `%s`, VM `%s`",
                    k + 1, k < bl.size() ? bl.get(k) : "", k < vl.size() ? vl.get(k) : "");
            return where + ": the console differs from the bare machine's (" + line + "). " + hint;
        }
        if (b.reason() != v.reason() || b.exitCode() != v.exitCode() || b.cycles() != v.cycles()) {
            return String.format("%s: the bare machine ended with %s after %d cycles, the VM with %s after %d. %s", where,
                    b.ending(), b.cycles(), v.ending(), v.cycles(), hint);
        }
        return null;
    }

    /** The index of the first line where {@code want} and {@code got} differ (one may end first), or -1. */
    static int firstDifference(List<String> want, List<String> got) {
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            if (i >= want.size() || i >= got.size() || !want.get(i).equals(got.get(i))) return i;
        }
        return -1;
    }

    /** What a Java exception from the VMM means to the student. */
    static String thrown(String where, RuntimeException e) {
        if (e instanceof Watchdog.Runaway) return where + ": " + e.getMessage() + ".";
        if (e instanceof UnsupportedOperationException && String.valueOf(e.getMessage()).startsWith("exercise ")) {
            return where + ": not written yet (" + e.getMessage() + ").";
        }
        StackTraceElement at = null;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("vm3000.vmm.")) {
                at = f;
                break;
            }
        }
        return where + ": the VMM threw " + e + (at == null ? "" : " at " + at) + ".";
    }
}
