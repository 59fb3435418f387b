package vm3000.cpu.realclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The outside tools of the C corpus tests: the cross compilers and binutils, and qemu user mode.
 * Tools are looked up on PATH. With the environment variable {@code VM3000_NO_HOST_TOOLS=1} every
 * tool counts as missing, so the skip path can be tried on a machine that has them.
 *
 * <p>A test that needs a missing tool is skipped visibly: a JUnit assumption fails (the test is
 * reported as skipped with the reason) and one line naming the tool and its Debian package goes
 * to standard error, so that {@code make test} shows what did not run.
 */
public final class Toolchain {
    private Toolchain() {}

    /** Debian packages that provide each tool, for the skip message. */
    private static final Map<String, String> PACKAGES = Map.of(
            "mips-linux-gnu-gcc", "gcc-mips-linux-gnu",
            "mips-linux-gnu-ld", "binutils-mips-linux-gnu",
            "mips-linux-gnu-objdump", "binutils-mips-linux-gnu",
            "mipsel-linux-gnu-gcc", "gcc-mipsel-linux-gnu",
            "mipsel-linux-gnu-ld", "binutils-mipsel-linux-gnu",
            "mipsel-linux-gnu-objdump", "binutils-mipsel-linux-gnu",
            "qemu-mips", "qemu-user",
            "qemu-mipsel", "qemu-user");

    static boolean disabled() {
        return "1".equals(System.getenv("VM3000_NO_HOST_TOOLS"));
    }

    /** The tool's path on PATH, or empty if it is not there (or tools are disabled). */
    static Optional<Path> find(String tool) {
        if (disabled()) return Optional.empty();
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The first of {@code tools} that is missing, or empty if all are there. */
    static Optional<String> firstMissing(List<String> tools) {
        return tools.stream().filter(t -> find(t).isEmpty()).findFirst();
    }

    /** Skips the calling test (assumption plus a line on stderr) unless all {@code tools} exist. */
    public static void assumeTools(String testName, List<String> tools) {
        Optional<String> missing = firstMissing(tools);
        if (missing.isEmpty()) return;
        String why = skipReason(missing.get());
        System.err.println("SKIPPED " + testName + ": " + why);
        Assumptions.assumeTrue(false, why);
    }

    static String skipReason(String tool) {
        if (disabled()) return tool + " not used (VM3000_NO_HOST_TOOLS=1)";
        return tool + " not found (install " + PACKAGES.getOrDefault(tool, "it") + ")";
    }

    /** What a finished tool run produced. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() { return new String(stdout, StandardCharsets.ISO_8859_1); }
    }

    /** Runs {@code command} in {@code dir}, with no input, killing it after {@code timeoutSeconds}. */
    static Result run(List<String> command, Path dir, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command));
        }
    }

    /** Runs {@code command} and fails the test, with the tool's messages, unless it exits with 0. */
    static Result check(List<String> command, Path dir, long timeoutSeconds) {
        Result r = run(command, dir, timeoutSeconds);
        if (r.exitCode() != 0) {
            throw new AssertionError("exit " + r.exitCode() + ": " + String.join(" ", command) + "\n" + r.stderr());
        }
        return r;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
