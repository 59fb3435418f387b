package vm3000.labs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import vm3000.vmm.trap.VmmParts;

/**
 * A check that a kernel behaves in a VM of the trap-and-emulate VMM exactly as on the bare machine: the console lines it
 * selects are the same, and, if {@code wholeRun}, so are the whole console, how the run ended and
 * its cycle count (the VM's time). {@code hint} says, in the student's terms, what a difference
 * most likely means.
 */
public record SameAsBare(String name, String kernel, String args, int depth, Predicate<String> lines, boolean wholeRun,
                         String hint) implements Check {
    private static final Map<String, GuestRun> BARE = new HashMap<>();

    /** The bare run of {@code kernel} with {@code args}, run once per grader process. */
    static GuestRun bare(String kernel, String args) throws Exception { return bare(kernel, args, GuestRun.LIMIT); }

    /** The same, stopped after {@code limit} cycles if it has not powered off. */
    static synchronized GuestRun bare(String kernel, String args, long limit) throws Exception {
        String key = kernel + " " + args + " " + limit;
        GuestRun b = BARE.get(key);
        if (b == null) {
            b = GuestRun.bare(kernel, args, limit);
            BARE.put(key, b);
        }
        return b;
    }

    @Override
    public String failure(LabParts parts) throws Exception {
        GuestRun b = bare(kernel, args);
        return differs(b, vm(parts.vmm(), limit(b)));
    }

    /** The run in a VM built with {@code parts}, stopped after {@code limit} of its cycles; the watchdog allows 4 calls a cycle. */
    GuestRun vm(VmmParts parts, long limit) throws Exception {
        return GuestRun.underVmm(kernel, args, depth, Watchdog.wrap(parts, 4 * limit), limit);
    }

    /** The run, in a few words: "`lab4` under 2 VMMs". */
    String where() { return where(kernel, args, depth, ""); }

    /** What differs between the bare run {@code b} and the VM's {@code v}, with the hint; null if nothing this check compares. */
    String differs(GuestRun b, GuestRun v) { return compare(where(), b, v, lines, wholeRun, hint); }

    /** {@code bare}'s kernel with {@code args} under {@code depth} VMMs (and {@code spare} RAM), watched. */
    static GuestRun underVmm(GuestRun bare, String args, int depth, VmmParts parts, int spare) throws Exception {
        long limit = limit(bare);
        return GuestRun.underVmm(bare.kernel(), args, depth, Watchdog.wrap(parts, 4 * limit), limit, spare);
    }

    /** Where a check ran, for its message: "`kernel` args under N VMMs". */
    static String where(String kernel, String args, int depth) { return where(kernel, args, depth, ""); }

    /** "`kernel args` under 2 VMMs", with {@code scheme} ("" or "RMR ") before "VMM". */
    static String where(String kernel, String args, int depth, String scheme) {
        return String.format("`%s`%s under %d %sVMM%s", kernel, args.isEmpty() ? "" : " " + args, depth, scheme,
                depth == 1 ? "" : "s");
    }

    /** A VM's instruction limit: twice the bare run's cycles, and some. */
    static long limit(GuestRun bare) { return 2 * bare.cycles() + 1_000_000; }

    /**
     * What differs between bare run {@code b} and VM run {@code v} ({@code where}): the console
     * lines {@code lines} selects, and if {@code wholeRun} the whole console, the end and the
     * cycles; null if nothing does.
     */
    static String compare(String where, GuestRun b, GuestRun v, Predicate<String> lines, boolean wholeRun, String hint) {
        if (v.thrown() != null) return thrown(where, v.thrown());
        return difference(where, b, v, lines, wholeRun, hint);
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
