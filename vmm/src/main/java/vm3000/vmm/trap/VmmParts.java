package vm3000.vmm.trap;

import java.util.Objects;

import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.interp.Cp0Instructions;
import vm3000.vmm.trap.interp.Cp0Interpreter;
import vm3000.vmm.trap.interp.Reflection;
import vm3000.vmm.trap.time.CountCompare;
import vm3000.vmm.trap.time.OneStep;
import vm3000.vmm.trap.time.VirtualTime;

/**
 * The mechanisms of the trap-and-emulate VMM that can be exchanged, each behind an interface the
 * VMM's own implementation fills: the interpreters of MFC0/MTC0 and the guard (exercise 1 of the
 * course labs), exception reflection onto a VM's shadow CP0 (exercise 2), and the virtual time of
 * direct runs (exercise 4). A VMM is built with {@link #REFERENCE} unless a grader or a test gives
 * it other parts (docs/labs/README.md). A grader of an earlier exercise replaces the parts of later
 * ones with what stands in for them, so that it does not depend on them: {@code exceptions} may be
 * null, and the shadow CP0 then takes exceptions as the R3000's own CP0 does
 * ({@code Cp0.enterException}, which is what {@link Reflection} does too); for {@code time},
 * {@link OneStep} runs one instruction per direct run.
 */
public record VmmParts(Cp0Interpreter cp0, ExceptionEntry exceptions, VirtualTime time) {
    /** The VMM's own parts. */
    public static final VmmParts REFERENCE = new VmmParts(new Cp0Instructions(), new Reflection(), new CountCompare());

    public VmmParts {
        Objects.requireNonNull(cp0, "cp0");
        Objects.requireNonNull(time, "time");
    }

    public VmmParts withCp0(Cp0Interpreter c) { return new VmmParts(c, exceptions, time); }

    public VmmParts withExceptions(ExceptionEntry e) { return new VmmParts(cp0, e, time); }

    public VmmParts withTime(VirtualTime t) { return new VmmParts(cp0, exceptions, t); }
}
