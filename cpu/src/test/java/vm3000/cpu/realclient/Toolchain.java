package vm3000.cpu.realclient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import vm3000.cpu.tools.HostTools;

/**
 * The outside tools of the C corpus tests (cross compilers, binutils, qemu user mode), as the
 * corpus code calls them: finding, skipping and running all go through {@link HostTools}, so
 * there is one definition of where tools are looked up, of {@code VM3000_NO_HOST_TOOLS=1}, and of
 * the visible {@code SKIPPED} line.
 */
public final class Toolchain {
    private Toolchain() {}

    /** Skips the calling test (assumption plus a line on stderr) unless all {@code tools} exist. */
    public static void assumeTools(String testName, List<String> tools) {
        HostTools.assumeAvailable(testName, tools.toArray(new String[0]));
    }

    /** What a finished tool run produced. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() { return new String(stdout, StandardCharsets.ISO_8859_1); }
    }

    /** Runs {@code command} in {@code dir}, with no input, killing it after {@code timeoutSeconds}. */
    static Result run(List<String> command, Path dir, long timeoutSeconds) {
        HostTools.BytesResult r = HostTools.runBytes(Duration.ofSeconds(timeoutSeconds), command, dir);
        return new Result(r.exit(), r.stdout(), r.stderr());
    }

    /** Runs {@code command} and fails the test, with the tool's messages, unless it exits with 0. */
    static Result check(List<String> command, Path dir, long timeoutSeconds) {
        Result r = run(command, dir, timeoutSeconds);
        if (r.exitCode() != 0) {
            throw new AssertionError("exit " + r.exitCode() + ": " + String.join(" ", command) + "\n" + r.stderr());
        }
        return r;
    }
}
