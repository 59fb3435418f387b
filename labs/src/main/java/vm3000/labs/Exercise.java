package vm3000.labs;

import java.util.List;
import java.util.function.UnaryOperator;

import vm3000.vmm.trap.VmmParts;

/**
 * One exercise of the course labs: its number, title, guide page (docs/labs/) and the checks its
 * grader runs, each worth one point. {@code scope} makes the parts it is graded with out of the
 * tree's: those of later exercises are replaced by what stands in for them without a solution
 * (for reflection, the hardware's own entry on the shadow CP0; for shadow paging, none: user mode
 * interpreted; for virtual time, one instruction per direct run), so that an exercise can be done
 * before the next.
 */
public record Exercise(int number, String title, String guide, List<Check> checks, UnaryOperator<VmmParts> scope) {}
