package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/vm3000 with a class-data archive that does not fit or is not one (docs/performance.md,
 * "Start-up"): the run is the same as without, and nothing is printed about the archive. Each test
 * runs the launcher in a tree of its own, whose jar names this build's class path in its manifest.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    @TempDir
    Path tree;

    Path jar;

    @BeforeEach
    void buildTree() throws IOException {
        Path launcher = tree.resolve("bin/vm3000");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("..", "bin", "vm3000"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = tree.resolve("cli/target/vm3000.jar");
        Files.createDirectories(jar.getParent());
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().toUri().getRawPath());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    /** Runs bin/vm3000 {@code args} of the tree with {@code env} added, input from /dev/null. */
    private Cli launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tree.resolve("bin/vm3000").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tree, "launch", ".out");
        Path err = Files.createTempFile(tree, "launch", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("VM3000_CDS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        // the launcher's java is this JVM
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + pb.environment().getOrDefault("PATH", ""));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/vm3000 did not end");
        return new Cli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertSameAsInProcess(Cli launched) {
        Cli expected = Cli.run("run", "hello");
        assertEquals(0, launched.code(), launched.err());
        assertEquals(expected.out(), launched.out());
        assertEquals(expected.err(), launched.err());
    }

    @Test
    void garbageArchive_isIgnored_silently() throws Exception {
        byte[] garbage = new byte[1 << 20];
        new Random(3000).nextBytes(garbage);
        Files.write(tree.resolve("cli/target/vm3000.jsa"), garbage);
        assertSameAsInProcess(launch(Map.of(), "run", "hello"));
        Path elsewhere = Files.write(tree.resolve("elsewhere.jsa"), garbage);
        assertSameAsInProcess(launch(Map.of("VM3000_CDS", elsewhere.toString()), "run", "hello"));
    }

    /** The main class of a jar that stands for an older build of vm3000. */
    static final class Nothing {
        public static void main(String[] args) {}
    }

    @Test
    void archiveOfAnOlderJar_isIgnored_silently() throws Exception {
        byte[] current = Files.readAllBytes(jar);
        FileTime built = Files.getLastModifiedTime(jar);
        Path jsa = tree.resolve("cli/target/vm3000.jsa");
        String entry = Nothing.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Nothing.class.getName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
             InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
        }
        // Archived with the path bin/vm3000 gives the jar; then the jar is rebuilt (another size, an
        // older time: the archive is newer, so bin/vm3000 gives it to the JVM). The archive is a
        // dynamic one, which the JVM says why it refuses; the static one make build writes it refuses
        // without a word, and the run is the same.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process dump = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds*=off", "-jar",
                jar.toRealPath().toString()).redirectErrorStream(true).redirectOutput(tree.resolve("dump.out").toFile()).start();
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0, Files.readString(tree.resolve("dump.out")));
        Assumptions.assumeTrue(Files.isRegularFile(jsa), "this JVM writes no class-data archive (no CDS): skipped");
        Files.write(jar, current);
        Files.setLastModifiedTime(jar, built);
        assertSameAsInProcess(launch(Map.of(), "run", "hello"));
    }

    @Test
    void noArchive_runs() throws Exception {
        assertSameAsInProcess(launch(Map.of(), "run", "hello"));
        assertSameAsInProcess(launch(Map.of("VM3000_CDS", tree.resolve("none.jsa").toString()), "run", "hello"));
    }
}
