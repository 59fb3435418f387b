package vm3000.vmm.trap;

import java.util.Objects;

import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.interp.Cp0Instructions;
import vm3000.vmm.trap.interp.Cp0Interpreter;
import vm3000.vmm.trap.interp.Reflection;
import vm3000.vmm.trap.shadow.NoShadowPaging;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.shadow.ShadowRefill;
import vm3000.vmm.trap.shadow.ShadowTlb;
import vm3000.vmm.trap.time.CountCompare;
import vm3000.vmm.trap.time.OneStep;
import vm3000.vmm.trap.time.VirtualTime;

/**
 * The mechanisms of the trap-and-emulate VMM that can be exchanged, each behind an interface the
 * VMM's own implementation fills: the interpreters of MFC0/MTC0 and the guard (exercise 1 of the
 * course labs), exception reflection onto a VM's shadow CP0 (exercise 2), shadow paging: the
 * shadow TLB refill, invalidation and the ASID map (exercise 3; one per VMM level, made by
 * {@code shadowPaging} over the level's real TLB), and the virtual time of direct runs (exercise
 * 4). A VMM is built with {@link #REFERENCE} unless a grader or a test gives it other parts
 * (docs/labs/README.md).
 *
 * <p>A grader of an earlier exercise replaces a later exercise's part with what stands in for it,
 * so that it does not depend on it. Without {@code exceptions} (null) the shadow CP0 takes
 * exceptions as the R3000's own CP0 does ({@code Cp0.enterException}), which is what
 * {@link Reflection} does too. Without {@code shadowPaging} (null) the VMM installs no shadow
 * entries and interprets every user-mode access ({@link NoShadowPaging}): the same runs, slower.
 * For {@code time}, {@link OneStep} runs one instruction per direct run.
 */
public record VmmParts(Cp0Interpreter cp0, ExceptionEntry exceptions, ShadowPaging.Factory shadowPaging,
                       VirtualTime time) {
    /** The VMM's own parts. */
    public static final VmmParts REFERENCE = new VmmParts(new Cp0Instructions(), new Reflection(), ShadowRefill::new,
            new CountCompare());

    public VmmParts {
        Objects.requireNonNull(cp0, "cp0");
        Objects.requireNonNull(time, "time");
    }

    public VmmParts withCp0(Cp0Interpreter c) { return new VmmParts(c, exceptions, shadowPaging, time); }

    public VmmParts withExceptions(ExceptionEntry e) { return new VmmParts(cp0, e, shadowPaging, time); }

    public VmmParts withShadowPaging(ShadowPaging.Factory s) { return new VmmParts(cp0, exceptions, s, time); }

    public VmmParts withTime(VirtualTime t) { return new VmmParts(cp0, exceptions, shadowPaging, t); }

    /** The shadow paging of a VMM level whose real TLB is {@code real}. */
    ShadowPaging shadowPagingOver(ShadowTlb real) {
        return (shadowPaging != null ? shadowPaging : NoShadowPaging.FACTORY).of(real);
    }
}
