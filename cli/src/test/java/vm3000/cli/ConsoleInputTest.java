package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Standard input as the guest's keyboard when it is a pipe or a file: bytes taken as the guest asks. */
class ConsoleInputTest {
    static final String TYPED = "one\ntwo\rquit\n";
    static final String ECHOED = "> one\necho: one\n> two\necho: two\n> quit\nbye\n";

    @Test
    void pipe_linesEchoed_bare() {
        Cli c = Cli.typing(TYPED, "run", "echo");
        assertEquals(0, c.code(), c.err());
        assertEquals(ECHOED, c.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap", "rmr"})
    void pipe_linesEchoed_underEitherVmmAtDepth2(String vmm) {
        Cli c = Cli.typing(TYPED, "run", "--vmm", vmm, "--depth", "2", "echo");
        assertEquals(0, c.code(), c.err());
        assertEquals(ECHOED, c.out());
    }

    @Test
    void sameBytes_sameRun_toTheCycle() {
        Cli a = Cli.typing(TYPED, "run", "--stats", "echo");
        Cli b = Cli.typing(TYPED, "run", "--stats", "echo");
        assertEquals(a.out(), b.out());
        assertEquals(withoutHostTime(a.err()), withoutHostTime(b.err()), "same transcript, cycles and counters");
        assertTrue(a.err().contains("power off after "), a.err());
    }

    /** The statistics less the host's wall time, the one line that differs from run to run. */
    static String withoutHostTime(String err) {
        return err.replaceAll("(?m)^host time: .*\n", "");
    }

    @Test
    void endOfInput_saidOnce_theGuestIsNotTold() {
        Cli c = Cli.typing("x\n", "run", "echo");
        assertEquals("> x\necho: x\n> ", c.out());
        assertTrue(c.err().startsWith("vm3000: end of console input"), c.err());
        // echo then idles in WAIT with nothing that could wake it: a machine check ends the run.
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
    }

    @Test
    void guestThatNeverReadsTheConsole_neverWaitsForInput() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the console input was read by a guest that never asked for it");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> Main.execute(never,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", "hello"));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Hello from vm3000"));
    }
}
