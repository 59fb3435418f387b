package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the vm3000 command in a JVM of its own, for what cannot be tried in-process: a small heap
 * (-Xmx), a umask, a real exit.
 */
record ChildCli(int code, String out, String err) {
    /** Runs {@code vm3000 args} with {@code jvmOptions}, under {@code umask} (octal) unless it is null. */
    static ChildCli run(Path dir, List<String> jvmOptions, String umask, String... args) throws IOException, InterruptedException {
        return run(dir, null, jvmOptions, umask, args);
    }

    /** Runs {@code vm3000 args} in the working directory {@code cwd}, as a user in that directory would. */
    static ChildCli runIn(Path cwd, String... args) throws IOException, InterruptedException {
        return run(cwd, cwd, List.of(), null, args);
    }

    /** The command line that starts vm3000 with {@code args} in a JVM of its own. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** True if {@code program --version} runs (e.g. python3, which drives the pseudo-terminal tests). */
    static boolean available(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static ChildCli run(Path dir, Path cwd, List<String> jvmOptions, String umask, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (umask != null) command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        command.addAll(command(jvmOptions, args));
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (cwd != null) pb.directory(cwd.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor();
        assertTrue(ended, "the child JVM did not end within 120 s: " + command);
        ChildCli c = new ChildCli(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return c;
    }

    /** The error output is exactly one line starting with "vm3000: ", with no stack trace. */
    boolean oneLineError() {
        return new Cli(code, out, err).oneLineError();
    }
}
