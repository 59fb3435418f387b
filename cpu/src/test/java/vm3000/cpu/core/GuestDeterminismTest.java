package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Time is the cycle count and nothing reads the host clock: the same image and options give the
 * same transcript, counters, cycle count and exit code on every run.
 */
class GuestDeterminismTest {
    /** Everything observable about one run. */
    record Run(String transcript, String counters, long cycles, PowerState.Reason reason, int exitCode) {}

    static String resource(String name) throws IOException {
        try (InputStream in = GuestDeterminismTest.class.getResourceAsStream("/determinism/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Run run(String source, long seed) throws BadInputException {
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(source, "ticker.s", Assembler.Options.defaults()), "ticker.s");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(1 << 20).withSeed(seed).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(1 << 20));
        Boot.load(m, elf, "");
        PowerState p = m.run(5_000_000);
        return new Run(console.toString(StandardCharsets.UTF_8), m.counters().report(), m.clock().now(), p.reason(),
                p.exitCode());
    }

    @Test
    void sameImageSameOptions_sameTranscriptCountersAndCycles() throws Exception {
        String src = resource("ticker.s");
        Run a = run(src, 1);
        Run b = run(src, 1);
        assertEquals(PowerState.Reason.POWER_OFF, a.reason());
        assertEquals(a, b);
    }

    @Test
    void ticker_matchesItsGoldenTranscript() throws Exception {
        // 16 timer-card interrupts 2425 cycles apart (97 us at 25 MHz), 12 Count/Compare ones; each
        // sample is Count at a timer-card interrupt, which restarts from 0 at every Count/Compare match.
        assertEquals(resource("ticker.expected"), run(resource("ticker.s"), MachineOptions.DEFAULT_SEED).transcript());
    }

    @Test
    void otherRandomSeed_changesOnlyTheRandomValues() throws Exception {
        String src = resource("ticker.s");
        List<String> a = run(src, 1).transcript().lines().toList();
        List<String> b = run(src, 2).transcript().lines().toList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (i == 2) assertNotEquals(a.get(i), b.get(i), "checksum of random values");
            else assertEquals(a.get(i), b.get(i), "line " + (i + 1));
        }
    }
}
