package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.Endian;

/** Test helpers: assemble a snippet and look at its words. */
final class Asm {
    private Asm() {}

    static final int BASE = 0x80001000;

    static Program program(String source) {
        try {
            return Assembler.assemble(source, "test.s", Assembler.Options.defaults());
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Program program(String source, Endian endian) {
        try {
            return Assembler.assemble(source, "test.s", Assembler.Options.defaults().withEndian(endian));
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The .text words of {@code source} in .set noreorder mode. */
    static int[] text(String source) {
        return program(".set noreorder\n" + source).words(".text");
    }

    static int word(String instruction) {
        int[] w = text(instruction);
        if (w.length != 1) throw new AssertionError(instruction + " gave " + w.length + " words");
        return w[0];
    }

    static String error(String source) {
        return assertThrows(BadInputException.class, () -> Assembler.assemble(source, "bad.s", Assembler.Options.defaults())).getMessage();
    }
}
