package vm3000.vmm.trap;

import java.util.Objects;

import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.interp.Cp0Instructions;
import vm3000.vmm.trap.interp.Cp0Interpreter;
import vm3000.vmm.trap.interp.Reflection;

/**
 * The mechanisms of the trap-and-emulate VMM that can be exchanged, each behind an interface the
 * VMM's own implementation fills: the interpreters of MFC0/MTC0 and the guard (exercise 1 of the
 * course labs), and exception reflection onto a VM's shadow CP0 (exercise 2). A VMM is built with
 * {@link #REFERENCE} unless a grader or a test gives it other parts (docs/labs/README.md).
 * {@code exceptions} may be null: the shadow CP0 then takes exceptions as the R3000's own CP0
 * does ({@code Cp0.enterException}), which is what {@link Reflection} does too; a grader of an
 * earlier exercise uses that, so that it does not depend on a later exercise's part.
 */
public record VmmParts(Cp0Interpreter cp0, ExceptionEntry exceptions) {
    /** The VMM's own parts. */
    public static final VmmParts REFERENCE = new VmmParts(new Cp0Instructions(), new Reflection());

    public VmmParts {
        Objects.requireNonNull(cp0, "cp0");
    }

    public VmmParts withCp0(Cp0Interpreter c) { return new VmmParts(c, exceptions); }

    public VmmParts withExceptions(ExceptionEntry e) { return new VmmParts(cp0, e); }
}
