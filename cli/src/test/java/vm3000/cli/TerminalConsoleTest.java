package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Standard input a terminal, as a student at a terminal has it: vm3000 runs on a fresh
 * pseudo-terminal (driven by {@code src/test/resources/pty/run_in_pty.py}), which must be in raw
 * mode while the guest runs and exactly as before once vm3000 has gone, whether the guest powered
 * off, the machine stopped on a machine check, or the user pressed Ctrl-C.
 */
class TerminalConsoleTest {
    static final Path DRIVER = Path.of("src", "test", "resources", "pty", "run_in_pty.py");
    static final String WAIT_FOREVER = "../cpu/src/test/resources/guest/intr/wait_forever.s";

    @BeforeAll
    static void needPython() {
        boolean ok = ChildCli.available("python3");
        if (!ok) System.err.println("TerminalConsoleTest: SKIPPED: python3 is not installed (it drives the pseudo-terminal)");
        Assumptions.assumeTrue(ok, "python3 is not installed: the pseudo-terminal tests are skipped");
    }

    /** Runs vm3000 with {@code args} on a pseudo-terminal through the steps of {@code script}. */
    static JsonObject onPty(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", DRIVER.toString(), script, "--"));
        cmd.addAll(ChildCli.command(List.of(), args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        return JsonParser.parseString(out.strip()).getAsJsonObject();
    }

    @Test
    void keysReachTheGuest_inRawMode_andTheTerminalIsRestored() throws Exception {
        JsonObject r = onPty("wait:> ;raw;type:hi\\r;wait:echo: hi;type:quit\\r;wait:bye", "run", "echo");
        assertEquals(0, r.get("exit").getAsInt(), r.toString());
        assertTrue(r.get("output").getAsString().startsWith("> hi\r\necho: hi\r\n> quit\r\nbye\r\n"), r.toString());
        assertTrue(r.getAsJsonArray("raw").get(0).getAsBoolean(), "no line editing, no echo while the guest runs");
        assertTrue(r.get("restored").getAsBoolean(), r.toString());
    }

    @Test
    void ctrlC_stopsVm3000_andTheTerminalIsRestored() throws Exception {
        JsonObject r = onPty("wait:> ;raw;type:\\x03", "run", "echo");
        assertEquals(130, r.get("exit").getAsInt(), r.toString());
        assertTrue(r.get("output").getAsString().contains("vm3000: stopped by a signal"), r.toString());
        assertTrue(r.getAsJsonArray("raw").get(0).getAsBoolean());
        assertTrue(r.get("restored").getAsBoolean(), r.toString());
    }

    @Test
    void ctrlC_underAVmm_stopsVm3000_andTheTerminalIsRestored() throws Exception {
        JsonObject r = onPty("wait:> ;raw;type:\\x03", "run", "--vmm", "trap", "--depth", "2", "echo");
        assertEquals(130, r.get("exit").getAsInt(), r.toString());
        assertTrue(r.get("restored").getAsBoolean(), r.toString());
    }

    @Test
    void machineCheck_theTerminalIsRestored() throws Exception {
        JsonObject r = onPty("wait:WAIT", "run", "--ram", "1M", WAIT_FOREVER);
        assertEquals(ExitCodes.MACHINE_CHECK, r.get("exit").getAsInt(), r.toString());
        assertTrue(r.get("restored").getAsBoolean(), r.toString());
    }

    @Test
    void passSignals_ctrlCGoesToTheGuest() throws Exception {
        JsonObject r = onPty("wait:> ;type:\\x03\\r;wait:echo: \\x03;type:quit\\r;wait:bye", "run", "-s", "echo");
        assertEquals(0, r.get("exit").getAsInt(), r.toString());
        assertTrue(r.get("output").getAsString().contains("echo: \u0003\r\n"), r.toString());
        assertTrue(r.get("restored").getAsBoolean(), r.toString());
    }
}
