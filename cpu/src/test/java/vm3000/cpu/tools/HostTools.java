package vm3000.cpu.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Outside tools for tests that compare vm3000 with an independent implementation (GNU binutils,
 * GCC, qemu-user). A test that needs a tool calls {@link #assumeAvailable} first: without the
 * tool it is skipped, and says so on stderr so that a human reading {@code make test} sees it.
 *
 * <p>Setting the environment variable {@code VM3000_NO_HOST_TOOLS=1} makes every tool look
 * missing, to check that the tests skip cleanly on a machine without them.
 */
public final class HostTools {
    private HostTools() {}

    /** The outcome of a finished process. */
    public record ProcessResult(int exit, String stdout, String stderr) {
        public boolean ok() { return exit == 0; }
    }

    /** The outcome of a finished process whose standard output is binary. */
    public record BytesResult(int exit, byte[] stdout, String stderr) {}

    /** Thrown when a process does not finish in time. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message) { super(message); }
    }

    /** The Debian package that provides each tool, for the skip message. */
    private static String packageOf(String exe) {
        if (exe.startsWith("qemu-")) return "qemu-user";
        if (exe.startsWith("mipsel-linux-gnu-gcc")) return "gcc-mipsel-linux-gnu";
        if (exe.startsWith("mips-linux-gnu-gcc")) return "gcc-mips-linux-gnu";
        if (exe.startsWith("mipsel-linux-gnu-")) return "binutils-mipsel-linux-gnu";
        if (exe.startsWith("mips-linux-gnu-")) return "binutils-mips-linux-gnu";
        return exe;
    }

    /** The executable {@code exe} on PATH, if there is one. */
    public static Optional<Path> find(String exe) {
        if ("1".equals(System.getenv("VM3000_NO_HOST_TOOLS"))) return Optional.empty();
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Skips the calling test unless every tool in {@code exes} is on PATH, printing
     * {@code SKIPPED <testName>: <tool> not found (install <package>)} to stderr ({@code not used
     * (VM3000_NO_HOST_TOOLS=1)} when tools are disabled).
     */
    public static void assumeAvailable(String testName, String... exes) {
        for (String exe : exes) {
            if (find(exe).isEmpty()) {
                String why = "1".equals(System.getenv("VM3000_NO_HOST_TOOLS"))
                        ? exe + " not used (VM3000_NO_HOST_TOOLS=1)"
                        : exe + " not found (install " + packageOf(exe) + ")";
                System.err.println("SKIPPED " + testName + ": " + why);
                Assumptions.abort(why);
            }
        }
    }

    /** Runs {@code cmd}, waiting at most {@code timeout}; text output is decoded as UTF-8. */
    public static ProcessResult run(Duration timeout, List<String> cmd) {
        BytesResult r = runBytes(timeout, cmd, null);
        return new ProcessResult(r.exit(), new String(r.stdout(), StandardCharsets.UTF_8), r.stderr());
    }

    public static ProcessResult run(Duration timeout, String... cmd) { return run(timeout, List.of(cmd)); }

    /** Runs {@code cmd} in {@code dir} (or the current directory if null) and keeps stdout as bytes. */
    public static BytesResult runBytes(Duration timeout, List<String> cmd, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        if (dir != null) pb.directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TimeoutException(String.join(" ", cmd) + ": no result after " + timeout.toSeconds() + " s");
            }
            return new BytesResult(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    /** Runs {@code cmd} and fails with its output unless it exits with 0. */
    public static ProcessResult check(Duration timeout, List<String> cmd) {
        ProcessResult r = run(timeout, cmd);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited with " + r.exit() + "\n" + r.stderr() + r.stdout());
        }
        return r;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
