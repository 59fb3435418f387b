package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vm3000 lab}: list, check and student-tree as a teacher and a student use them. */
class LabCommandTest {
    @TempDir
    Path dir;

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void list_namesEachExerciseWithAGrader() {
        Cli c = Cli.run("lab", "list");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("1  the MTC0/MFC0 interpreters and the guard (docs/labs/ex1.md; 8 checks)"), c.out());
        assertTrue(c.out().contains("\n3  the shadow TLB refill and the ASID map, with precise invalidation "
                + "(docs/labs/ex3.md; 12 checks)\n"), c.out());
        assertTrue(c.out().contains("\n4  virtual time and the timer (docs/labs/ex4.md; 9 checks)\n"), c.out());
    }

    @Test
    void check_ofThisTree_givesFullMarks_andExitCode0() {
        Cli c = Cli.run("lab", "check", "1");
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().startsWith("Exercise 1: the MTC0/MFC0 interpreters and the guard (docs/labs/ex1.md)\n"), c.out());
        assertTrue(c.out().contains("  [pass] the guard: MFC0 and MTC0 in user mode without Status.CU0 take CpU\n"), c.out());
        assertTrue(c.out().endsWith("Score: 8/8 — full marks\n"), c.out());
    }

    @Test
    void check_ofAnExerciseWithoutAGrader_isOneLine_exit2() {
        Cli c = Cli.run("lab", "check", "9");
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertTrue(c.oneLineError() && c.err().contains("no exercise 9"), c.err());
        Cli none = Cli.run("lab");
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.err().startsWith("vm3000: a lab command is required"), none.err());
    }

    @Test
    void studentTree_removesTheSolutions_andWritesTheNote() throws Exception {
        Path out = dir.resolve("student");
        Cli c = Cli.run("lab", "student-tree", "--from", REPO.toString(), out.toString());
        assertEquals(0, c.code(), c.err());
        String cp0 = Files.readString(out.resolve("vmm/src/main/java/vm3000/vmm/trap/interp/Cp0Instructions.java"));
        assertTrue(cp0.contains("throw new UnsupportedOperationException(\"exercise 1: the guard\");"), cp0);
        assertFalse(cp0.contains("raiseException"), cp0);
        String refill = Files.readString(out.resolve("vmm/src/main/java/vm3000/vmm/trap/shadow/ShadowRefill.java"));
        assertTrue(refill.contains("throw new UnsupportedOperationException(\"exercise 3: the ASID map\");"), refill);
        assertFalse(refill.contains("tlb.install"), refill);
        Path time = out.resolve("vmm/src/main/java/vm3000/vmm/trap/time");
        String reference = Files.readString(time.resolve("CountCompare.java"));
        assertTrue(reference.contains("throw new UnsupportedOperationException(\"exercise 4: the budget of a direct run\");"),
                reference);
        assertFalse(reference.contains("nextEvent()"), reference);
        assertTrue(Files.readString(time.resolve("OneStep.java")).contains("return 1;"), "the stand-in stays");
        assertTrue(Files.isRegularFile(out.resolve("docs/labs/ex1.md")));
        assertTrue(Files.isExecutable(out.resolve("bin/vm3000")));
        assertTrue(Files.readString(out.resolve("STUDENT-TREE.md")).contains("bin/vm3000 lab check N"));
        assertTrue(c.err().matches("vm3000: wrote the student tree of .* into .*: \\d+ solution regions removed\n"), c.err());
    }

    @Test
    void studentTree_onlyTheExercisesAsked() throws Exception {
        Path out = dir.resolve("only2");
        assertEquals(0, Cli.run("lab", "student-tree", "--exercises", "2", "--from", REPO.toString(), out.toString()).code());
        String cp0 = Files.readString(out.resolve("vmm/src/main/java/vm3000/vmm/trap/interp/Cp0Instructions.java"));
        assertTrue(cp0.contains("raiseException"), "exercise 1 is kept");
        assertTrue(Files.readString(out.resolve("vmm/src/main/java/vm3000/vmm/trap/interp/Reflection.java"))
                .contains("exercise 2: exception entry"));
    }

    @Test
    void studentTree_intoANonEmptyDirectory_orForANoExercise_isOneLine_exit2() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "keep");
        Cli c = Cli.run("lab", "student-tree", "--from", REPO.toString(), dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertTrue(c.oneLineError() && c.err().contains("not empty"), c.err());
        Cli bad = Cli.run("lab", "student-tree", "--exercises", "7", "--from", REPO.toString(), dir.resolve("t").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.oneLineError() && bad.err().contains("1..6"), bad.err());
        assertFalse(Files.exists(dir.resolve("t")));
    }
}
