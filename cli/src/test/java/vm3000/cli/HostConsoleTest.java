package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
