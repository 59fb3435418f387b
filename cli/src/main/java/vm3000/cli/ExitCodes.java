package vm3000.cli;

/**
 * Exit codes of {@code vm3000}. A guest that powers off with a code exits with that code (its
 * low eight bits); the machine's own outcomes use codes a guest should avoid.
 */
public final class ExitCodes {
    private ExitCodes() {}

    /** Bad input: unknown option, malformed ELF, assembly error, image too large. */
    public static final int BAD_INPUT = 2;
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
}
