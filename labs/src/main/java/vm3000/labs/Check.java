package vm3000.labs;

/** One thing a grader checks of a student's parts, named and explained in the student's terms. */
public interface Check {
    /** What is checked, in one line. */
    String name();

    /**
     * Runs the check on {@code parts} (a VMM built with them, or the student's model): null if it
     * passed, else what went wrong (what the bare machine did, what the VM did) and where to look.
     */
    String failure(LabParts parts) throws Exception;
}
