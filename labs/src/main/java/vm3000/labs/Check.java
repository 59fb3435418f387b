package vm3000.labs;

import vm3000.vmm.trap.VmmParts;

/** One thing a grader checks of a student's VMM parts, named and explained in the student's terms. */
public interface Check {
    /** What is checked, in one line. */
    String name();

    /**
     * Runs the check on a VMM built with {@code parts}: null if it passed, else what went wrong
     * (what the bare machine did, what the VM did) and where to look.
     */
    String failure(VmmParts parts) throws Exception;
}
