package vm3000.labs;

import java.util.List;

/**
 * One exercise of the course labs: its number, title, guide page (docs/labs/) and the checks its
 * grader runs, each worth one point.
 */
public record Exercise(int number, String title, String guide, List<Check> checks) {}
