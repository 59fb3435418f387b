package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.BadInputException;
import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.interp.Cp0Interpreter;
import vm3000.vmm.trap.time.VirtualTime;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.shadow.ShadowTlb;

/** The student tree: solutions out, everything else as it was, and the starter graded as unwritten. */
class StudentTreeTest {
    @TempDir
    Path dir;

    static final String SOURCE = String.join("\n",
            "class A {",
            "    int f() {",
            "        // lab 1 begin: the f",
            "        return 1;",
            "        // lab 1 end",
            "    }",
            "    int g() {",
            "        // lab 2 begin: the \"g\"",
            "        return 2;",
            "        // lab 2 end",
            "    }",
            "}",
            "");

    @Test
    void strip_replacesTheChosenExercisesRegions_withAThrow_andKeepsTheOthers() throws Exception {
        String s = StudentTree.strip(SOURCE, Set.of(1), "A.java");
        assertEquals(String.join("\n",
                "class A {",
                "    int f() {",
                "        throw new UnsupportedOperationException(\"exercise 1: the f\");",
                "    }",
                "    int g() {",
                "        // lab 2 begin: the \"g\"",
                "        return 2;",
                "        // lab 2 end",
                "    }",
                "}",
                ""), s);
        assertTrue(StudentTree.strip(SOURCE, Set.of(2), "A.java").contains("throw new UnsupportedOperationException(\"exercise 2: the \\\"g\\\"\");"));
        assertEquals(SOURCE, StudentTree.strip(SOURCE, Set.of(3), "A.java"));
    }

    @Test
    void unbalancedMarkers_areBadInput_namingFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> StudentTree.strip("a\n// lab 1 begin: x\nb\n", Set.of(1), "B.java"));
        assertTrue(e.getMessage().startsWith("B.java:2:") && e.getMessage().contains("without its end"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> StudentTree.strip("a\n  // lab 1 end\n", Set.of(1), "C.java"));
        assertTrue(e.getMessage().startsWith("C.java:2:"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> StudentTree.strip("// lab 1 begin: x\n// lab 2 begin: y\n", Set.of(1), "D.java"));
        assertTrue(e.getMessage().startsWith("D.java:2:"), e.getMessage());
    }

    Path fakeRepository() throws IOException {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("labs"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/A.java"), SOURCE);
        Path script = root.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/junk.class"), "x");
        return root;
    }

    @Test
    void write_copiesTheFiles_stripsTheSolutions_keepsModes_andLeavesBuildOutput() throws Exception {
        Path root = fakeRepository();
        Path out = dir.resolve("tree");
        assertEquals(2, StudentTree.write(root, out, Set.of(1, 2)));
        assertTrue(Files.readString(out.resolve("src/A.java")).contains("exercise 2: the"));
        assertFalse(Files.readString(out.resolve("src/A.java")).contains("return 1;"));
        assertTrue(Files.isExecutable(out.resolve("run.sh")));
        assertFalse(Files.exists(out.resolve("target")));
        assertTrue(Files.readString(out.resolve(StudentTree.NOTE)).contains("exercises 1, 2"));
    }

    @Test
    void aNonEmptyTarget_orAMissingParent_orNoRepository_isRefused_andNothingIsWritten() throws Exception {
        Path root = fakeRepository();
        Path full = dir.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep"), "mine");
        BadInputException e = assertThrows(BadInputException.class, () -> StudentTree.write(root, full, Set.of(1)));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(List.of("keep"), names(full));
        assertThrows(BadInputException.class, () -> StudentTree.write(root, dir.resolve("no/such/tree"), Set.of(1)));
        assertThrows(BadInputException.class, () -> StudentTree.write(dir.resolve("src-less"), dir.resolve("t2"), Set.of(1)));
        for (Path p : names(dir).stream().map(dir::resolve).toList()) {
            assertFalse(p.getFileName().toString().startsWith(".student-tree-"), "left behind: " + p);
        }
    }

    static List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The student tree's parts: the classes with marked regions, by source file under vmm/src/main/java/vm3000/vmm/trap. */
    static final List<String> PARTS = List.of("interp/Cp0Instructions", "interp/Reflection", "shadow/ShadowRefill",
            "time/CountCompare");

    /**
     * The repository's own parts, stripped as the student tree has them, compile against the
     * project; the grader then fails every check of exercise 1, saying the part is not written.
     */
    @Test
    void theStarterParts_compile_andTheGraderSaysTheyAreNotWritten() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path trap = repo.resolve("vmm/src/main/java/vm3000/vmm/trap");
        List<String> files = new ArrayList<>();
        for (String part : PARTS) {
            String name = part + ".java";
            String stripped = StudentTree.strip(Files.readString(trap.resolve(name), StandardCharsets.UTF_8),
                    Set.of(1, 2, 3, 4, 5, 6), name);
            assertTrue(stripped.contains("throw new UnsupportedOperationException(\"exercise "), name);
            Path to = dir.resolve("src/vm3000/vmm/trap").resolve(name);
            Files.createDirectories(to.getParent());
            Files.writeString(to, stripped);
            files.add(to.toString());
        }
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the starter does not compile");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (PARTS.contains(name.replace("vm3000.vmm.trap.", "").replace('.', '/'))) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Cp0Interpreter cp0 = (Cp0Interpreter) loader.loadClass("vm3000.vmm.trap.interp.Cp0Instructions")
                    .getDeclaredConstructor().newInstance();
            ExceptionEntry reflection = (ExceptionEntry) loader.loadClass("vm3000.vmm.trap.interp.Reflection")
                    .getDeclaredConstructor().newInstance();
            VirtualTime time = (VirtualTime) loader.loadClass("vm3000.vmm.trap.time.CountCompare")
                    .getDeclaredConstructor().newInstance();
            var refill = loader.loadClass("vm3000.vmm.trap.shadow.ShadowRefill").getDeclaredConstructor(ShadowTlb.class);
            ShadowPaging.Factory shadow = real -> {
                try {
                    return (ShadowPaging) refill.newInstance(real);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            List<Grader.Result> rs = Grader.grade(Exercises.EX1, VmmParts.REFERENCE.withCp0(cp0));
            for (Grader.Result r : rs) {
                assertFalse(r.passed(), r.check());
                assertTrue(r.failure().contains("not written yet (exercise 1: "), r.failure());
            }
            // exercise 1 is graded without the parts of exercises 2 to 4: a student who has done it gets full marks
            rs = Grader.grade(Exercises.EX1, VmmParts.REFERENCE.withExceptions(reflection).withShadowPaging(shadow)
                    .withTime(time));
            for (Grader.Result r : rs) assertTrue(r.passed(), r.check() + ": " + r.failure());
            rs = Grader.grade(Exercises.EX4, VmmParts.REFERENCE.withTime(time));
            for (Grader.Result r : rs) {
                assertFalse(r.passed(), r.check());
                assertTrue(r.failure().contains("not written yet (exercise 4: the budget of a direct run)"), r.failure());
            }
            rs = Grader.grade(Exercises.EX2, VmmParts.REFERENCE.withExceptions(reflection));
            for (Grader.Result r : rs) {
                assertTrue(r.failure().contains("not written yet (exercise 2: "), r.failure());
            }
            // exercises 2 and 3 are graded without the parts of the exercises after them
            rs = Grader.grade(Exercises.EX2, VmmParts.REFERENCE.withShadowPaging(shadow).withTime(time));
            for (Grader.Result r : rs) assertTrue(r.passed(), r.check() + ": " + r.failure());
            rs = Grader.grade(Exercises.EX3, VmmParts.REFERENCE.withShadowPaging(shadow).withTime(time));
            for (Grader.Result r : rs) {
                assertTrue(r.failure().contains("not written yet (exercise 3: "), r.failure());
            }
            // the whole starter, graded on exercises 2 to 4: it says that exercise 1 comes first
            for (Exercise e : List.of(Exercises.EX2, Exercises.EX3, Exercises.EX4)) {
                rs = Grader.grade(e, new VmmParts(cp0, reflection, shadow, time));
                for (Grader.Result r : rs) {
                    assertTrue(r.failure().contains("not written yet (exercise 1: the guard). Exercise " + e.number()
                            + " runs on your part of exercise 1 too: do that one first"), r.failure());
                }
            }
        }
    }

    /** In Markdown, an answer the documentation gives is replaced by one line; other exercises' stay. */
    @Test
    void markdownAnswers_areRemoved_forTheExercisesStripped() throws Exception {
        String md = "# Doc\n<!-- lab 5 begin: the counts -->\n| a | 4 |\n<!-- lab 5 end -->\ntail\n"
                + "<!-- lab 6 begin: other -->\nkept\n<!-- lab 6 end -->\n";
        String out = StudentTree.strip(md, Set.of(5), "docs/vmm.md");
        assertEquals("# Doc\n*Removed from the student tree: exercise 5 asks you to work this out (the counts).*\ntail\n"
                + "<!-- lab 6 begin: other -->\nkept\n<!-- lab 6 end -->\n", out);
        assertEquals(md, StudentTree.strip(md, Set.of(1), "docs/vmm.md"));
        assertEquals("x <!-- lab 5 begin: y -->", StudentTree.strip("x <!-- lab 5 begin: y -->", Set.of(5), "notes.txt"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> StudentTree.strip("a\n<!-- lab 5 end -->\n", Set.of(5), "D.md"));
        assertTrue(e.getMessage().startsWith("D.md:2:") && e.getMessage().contains("<!-- lab 5 end -->"), e.getMessage());
    }

    @Test
    void aFileThatStatesAnExercisesAnswers_isLeftOut_whenThatExerciseIs() {
        String test = "package p;\n// lab 5 answers: the counts\nclass T {}\n";
        assertTrue(StudentTree.givesAnswers(test, Set.of(5)));
        assertTrue(StudentTree.givesAnswers(test, Set.of(1, 5)));
        assertFalse(StudentTree.givesAnswers(test, Set.of(6)));
        assertFalse(StudentTree.givesAnswers("class T { String s = \"// lab 5 answers: x\"; }", Set.of(5)));
    }
}
