package vm3000.cpu;

/**
 * Input the machine or its tools cannot accept: a malformed ELF, an assembly error, an image
 * that does not fit. The message is one line that names the file (and line, where there is one),
 * as {@code file:line: what is wrong}. The command prints it and exits with a documented code.
 */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    /** {@code file: message}. */
    public static BadInputException in(String file, String message) {
        return new BadInputException(file + ": " + message);
    }

    /** {@code file:line: message}. */
    public static BadInputException at(String file, int line, String message) {
        return new BadInputException(file + ":" + line + ": " + message);
    }
}
