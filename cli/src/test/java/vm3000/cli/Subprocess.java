package vm3000.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The vm3000 command as a process of its own (this JVM's java and class path), for what in-process runs cannot show. */
record Subprocess(int code, String out, String err) {
    /** The command line that starts vm3000 with {@code args}. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs vm3000 with {@code args} in directory {@code dir}, standard input empty. */
    static Subprocess run(Path dir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
        return new Subprocess(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1), new String(err, StandardCharsets.UTF_8));
    }

    /** True if {@code program} can be started (e.g. python3 for the pseudo-terminal tests). */
    static boolean available(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
