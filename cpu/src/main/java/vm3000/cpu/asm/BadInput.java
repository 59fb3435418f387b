package vm3000.cpu.asm;

/**
 * An assembly error found where the line is not at hand; the pass that catches it turns it into
 * a {@link vm3000.cpu.BadInputException} naming the file and line.
 */
final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
