package vm3000.labs;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The exercises of the course labs (docs/labs/README.md) and their graders' checks. */
public final class Exercises {
    private Exercises() {}

    private static Predicate<String> starting(String... prefixes) {
        return line -> {
            for (String p : prefixes) if (line.startsWith(p)) return true;
            return false;
        };
    }

    private static final Predicate<String> ALL = line -> true;
    private static final Predicate<String> REGISTERS = Pattern.compile(
            "^(Index|EntryLo|Context|BadVAddr|EntryHi|Compare|Status|Cause|EPC|PRId) ").asPredicate();

    static final String SHADOW = "MFC0 must return the VM's own register, from its shadow CP0 (vm.cp0()), and MTC0 must "
            + "write the shadow as the hardware writes a register: Cp0.mtc0 keeps the read-only fields (Index.P, "
            + "Context.BadVPN, Cause's hardware bits, BadVAddr, EPC, PRId) and does the machine check for cache control.";
    static final String GUARD = "In user mode with Status.CU0 clear a CP0 instruction does not run: it raises a "
            + "Coprocessor Unusable exception in the VM, ExcCode CpU (11) with CE 0 — "
            + "vm.cpu().raiseException(ExcCode.CPU, 0, false) — and privileged() returns false. In kernel mode, "
            + "or in user mode with CU0 set, the instruction runs.";

    /** Exercise 1: the MTC0/MFC0 interpreters and the guard. */
    public static final Exercise EX1 = new Exercise(1, "the MTC0/MFC0 interpreters and the guard", "docs/labs/ex1.md",
            List.of(
                    new SameAsBare("MFC0 reads back what MTC0 wrote, for every CP0 register, in kernel mode", "lab1", "",
                            1, REGISTERS, false, SHADOW),
                    new SameAsBare("Count, read twice, advances by the VM's instructions in between", "lab1", "", 1,
                            starting("Count"), false, "Count is the VM's own: read it from the shadow CP0, which "
                                    + "counts the VM's cycles, never from the level below."),
                    new SameAsBare("the guard: MFC0 and MTC0 in user mode without Status.CU0 take CpU", "lab1", "", 1,
                            starting("user mode: CpU", "  Cause"), false, GUARD),
                    new SameAsBare("the guard: with Status.CU0 set, user mode may read Status", "lab1", "", 1,
                            starting("user mode with CU0"), false, GUARD),
                    new SameAsBare("the whole run of lab1: same console, exit code and cycle count as bare", "lab1", "", 1,
                            ALL, true, "A difference only here: the VM's time or its end differ; check what MTC0 "
                                    + "returns (false only when the VM stopped)."),
                    new SameAsBare("the cp0 microbenchmark: 100 iterations of MFC0/MTC0 of Status and EntryHi", "cp0",
                            "100", 1, ALL, true, SHADOW),
                    new SameAsBare("a whole kernel: tinyos (processes, system calls, TLB refills, timer)", "tinyos", "", 1,
                            ALL, true, GUARD + " " + SHADOW),
                    new SameAsBare("nesting: lab1 under two VMMs, the upper one's CP0 moves interpreted by the lower",
                            "lab1", "", 2, ALL, true, "The VMM above runs in a VM of the VMM below: its own reads "
                                    + "and writes of CP0 reach your interpreters too (Dispatcher.mfc0 and mtc0), with "
                                    + "that VM in kernel mode.")));

    /** Every exercise with a grader, in order. */
    public static List<Exercise> all() { return List.of(EX1); }

    /** Exercise {@code n}, if it has a grader. */
    public static Optional<Exercise> number(int n) {
        return all().stream().filter(e -> e.number() == n).findFirst();
    }
}
