package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.dev.ConsoleInput;

/** Terminal input is asked without ever blocking, and only an idle guest is paced to real time. */
class HostConsoleTest {
    /** A terminal with {@code typed} waiting, whose read() fails if nothing has been typed. */
    static InputStream terminal(StringBuilder typed) {
        return new InputStream() {
            @Override
            public int available() { return typed.length(); }

            @Override
            public int read() {
                if (typed.length() == 0) throw new AssertionError("read() with nothing typed would block");
                char c = typed.charAt(0);
                typed.deleteCharAt(0);
                return c;
            }
        };
    }

    private final HostConsole console = HostConsole.of(InputStream.nullInputStream(),
            new PrintStream(new ByteArrayOutputStream()));

    @Test
    void busyGuest_nothingTyped_neverWaits() throws Exception {
        StringBuilder typed = new StringBuilder();
        List<Long> waits = new ArrayList<>();
        ConsoleInput in = console.paced(terminal(typed), () -> false, waits::add);
        for (int i = 0; i < 10_000; i++) assertEquals(ConsoleInput.NONE, in.poll());
        assertEquals(List.of(), waits, "a guest that computes is never slowed by an idle keyboard");
        typed.append("k");
        assertEquals('k', in.poll());
    }

    @Test
    void idleGuest_pacedToRealTime_inBatches() throws Exception {
        StringBuilder typed = new StringBuilder();
        List<Long> waits = new ArrayList<>();
        ConsoleInput in = console.paced(terminal(typed), () -> true, waits::add);
        int asks = 1000;
        for (int i = 0; i < asks; i++) assertEquals(ConsoleInput.NONE, in.poll());
        long waited = waits.stream().mapToLong(Long::longValue).sum();
        long owed = asks * HostConsole.IDLE_NANOS;
        // Every batch is paid once it reaches 2 ms: what is still owed is less than one batch.
        assertEquals(true, waited <= owed && owed - waited < 2_000_000, waited + " of " + owed);
        assertEquals(true, waits.size() < asks / 10, "waits are batched, not one per ask: " + waits.size());
        typed.append("x");
        assertEquals('x', in.poll(), "a key is taken at the next ask, idle or not");
    }

    @Test
    void pipe_aByteOnlyForAGuestReadyForIt() throws Exception {
        StringBuilder typed = new StringBuilder("ab");
        boolean[] idle = {false};
        ConsoleInput in = console.typist(terminal(typed), () -> idle[0]);
        assertEquals(ConsoleInput.NONE, in.poll(false), "busy, not polling: not given");
        assertEquals("ab", typed.toString());
        idle[0] = true;
        assertEquals('a', in.poll(false), "idle in WAIT: given");
        idle[0] = false;
        assertEquals('b', in.poll(true), "polling the card: given");
        assertEquals(ConsoleInput.END, console.typist(InputStream.nullInputStream(), () -> true).poll(false));
    }

    /** Prints what {@link HostConsole#stdinIsSurelyNotATerminal} says of this JVM's standard input. */
    static final class StdinProbe {
        public static void main(String[] args) {
            System.out.print(HostConsole.stdinIsSurelyNotATerminal());
        }
    }

    private static String probe(ProcessBuilder.Redirect stdin) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StdinProbe.class.getName())
                .redirectInput(stdin).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), out);
        return out;
    }

    /** A pipe, a file or /dev/null is told apart without jline (a terminal: TerminalConsoleTest). */
    @Test
    @EnabledOnOs(OS.LINUX)
    void stdinPipeFileOrNull_isSurelyNotATerminal(@TempDir Path dir) throws Exception {
        File file = Files.writeString(dir.resolve("typed.txt"), "typed\n").toFile();
        assertEquals("true", probe(ProcessBuilder.Redirect.PIPE), "pipe");
        assertEquals("true", probe(ProcessBuilder.Redirect.from(file)), "file");
        assertEquals("true", probe(ProcessBuilder.Redirect.from(new File("/dev/null"))), "/dev/null");
    }
}
