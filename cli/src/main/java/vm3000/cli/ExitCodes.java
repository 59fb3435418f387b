package vm3000.cli;

/**
 * Exit codes of {@code vm3000}: every code has one meaning, so a script can tell the guest's
 * answer from vm3000's own conditions. A guest that powers off with a code from 0 to 63 other than
 * 2 exits with that code; any other guest code (2, 64 or more, negative) exits with
 * {@link #GUEST_OTHER} and the code is printed on standard error. vm3000's own outcomes use the
 * codes below, none of which a guest code passes through as.
 */
public final class ExitCodes {
    private ExitCodes() {}

    /** Bad input: unknown option, malformed ELF, assembly error, image too large. */
    public static final int BAD_INPUT = 2;
    /** The guest powered off with a code that is not passed through (2, or outside 0..63): see standard error. */
    public static final int GUEST_OTHER = 64;
    /** {@code vm3000 bench} could not run: another JMH benchmark holds the machine. Try again later. */
    public static final int BENCH_BUSY = 75;
    /** A bug in vm3000 itself: a Java exception escaped the machine. */
    public static final int INTERNAL = 70;
    /** The Java heap is too small for the input (a huge RAM, image or assembly): give the JVM more with -Xmx. */
    public static final int OUT_OF_MEMORY = 71;
    /** The instruction limit ({@code --max-instructions}) was reached. */
    public static final int INSTRUCTION_LIMIT = 124;
    /** The machine stopped on a machine check (duplicate TLB entries, boot ROM, WAIT forever, ...). */
    public static final int MACHINE_CHECK = 125;

    /** The exit code for a guest that powered off with {@code code}. */
    public static int ofGuest(int code) {
        return code >= 0 && code < GUEST_OTHER && code != BAD_INPUT ? code : GUEST_OTHER;
    }

    /** The table, for help texts. */
    static final String SUMMARY = "Exit code: the guest's power-off code if it is 0..63 and not 2; " + GUEST_OTHER
            + " any other guest code (printed on standard error); " + BAD_INPUT + " bad input; " + INSTRUCTION_LIMIT
            + " instruction limit reached; " + MACHINE_CHECK + " machine check; " + INTERNAL + " internal error; "
            + OUT_OF_MEMORY + " out of memory; 130 Ctrl-C.";
}
