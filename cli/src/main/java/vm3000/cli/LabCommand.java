package vm3000.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vm3000.cpu.BadInputException;
import vm3000.labs.Exercise;
import vm3000.labs.Exercises;
import vm3000.labs.Grader;
import vm3000.labs.StudentTree;
import vm3000.vmm.trap.VmmParts;

/** {@code vm3000 lab}: the course labs' exercises, their graders and the student tree (docs/labs/README.md). */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "The course labs (docs/labs/README.md): list the exercises, grade one, or write the student tree.",
        subcommands = {LabCommand.ListExercises.class, LabCommand.Check.class, LabCommand.Tree.class})
final class LabCommand implements Runnable {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Grading: every check passed. */
    static final int FULL_MARKS = 0;
    /** Grading: a check failed. */
    static final int NOT_FULL_MARKS = 1;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a lab command is required (list, check, student-tree)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The exercises that have a grader.")
    static final class ListExercises implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Override
        public Integer call() {
            for (Exercise e : Exercises.all()) {
                lab.main.out.printf("%d  %s (%s; %d checks)%n", e.number(), e.title(), e.guide(), e.checks().size());
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Grade exercise N: run its checks on the VMM as this tree builds it, print each with what "
                    + "differed from the bare machine and a hint, and the score.",
                    "Exit code: " + FULL_MARKS + " full marks, " + NOT_FULL_MARKS + " a check failed, 2 no such exercise."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Parameters(paramLabel = "N", description = "the exercise's number (vm3000 lab list)")
        int number;

        @Override
        public Integer call() {
            Exercise e = Exercises.number(number).orElse(null);
            if (e == null) {
                lab.main.err.printf("vm3000: lab check: no exercise %d has a grader (vm3000 lab list)%n", number);
                return ExitCodes.BAD_INPUT;
            }
            List<Grader.Result> results = Grader.grade(e, VmmParts.REFERENCE);
            int passed = Grader.report(e, results, lab.main.out);
            return passed == results.size() ? FULL_MARKS : NOT_FULL_MARKS;
        }
    }

    @Command(name = "student-tree", mixinStandardHelpOptions = true,
            description = "Write the student tree into DIR (new or empty): this repository with the exercises' "
                    + "reference solutions removed (docs/labs/README.md, \"For teachers\").")
    static final class Tree implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Parameters(paramLabel = "DIR", description = "where the tree goes: a new or empty directory")
        Path out;

        @Option(names = "--exercises", paramLabel = "N[,N...]", split = ",",
                description = "remove only these exercises' solutions (default: all)")
        List<Integer> exercises;

        @Option(names = "--from", paramLabel = "REPO", description = "the repository to copy (default: the one this "
                + "vm3000 was built in)")
        Path from;

        @Override
        public Integer call() {
            try {
                Path root = from != null ? from : builtIn();
                Set<Integer> which = new LinkedHashSet<>();
                if (exercises == null) for (int n = 1; n <= 6; n++) which.add(n);
                else which.addAll(exercises);
                for (int n : which) {
                    if (n < 1 || n > 6) throw new BadInputException("--exercises: the exercises are 1..6: " + n);
                }
                int removed = StudentTree.write(root, out, which);
                lab.main.err.printf("vm3000: wrote the student tree of %s into %s: %d solution regions removed%n", root, out,
                        removed);
                return 0;
            } catch (BadInputException e) {
                lab.main.err.println("vm3000: lab student-tree: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                lab.main.err.println("vm3000: lab student-tree: " + out + ": " + e);
                return ExitCodes.BAD_INPUT;
            }
        }

        /** The repository whose cli/target holds the running jar. */
        static Path builtIn() throws BadInputException {
            try {
                Path jar = Path.of(LabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                for (Path p = jar.toAbsolutePath(); p != null; p = p.getParent()) {
                    if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("labs"))) return p;
                }
            } catch (URISyntaxException | SecurityException e) {
                // fall through
            }
            throw new BadInputException("cannot tell which repository this vm3000 was built in: give --from REPO");
        }
    }
}
