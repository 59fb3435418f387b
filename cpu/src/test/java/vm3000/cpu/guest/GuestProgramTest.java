package vm3000.cpu.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Runs every guest test program under the {@code guest/} test resources ({@code <category>/<name>.s})
 * on a fresh machine. A program reports through the serial console and the trace device's EXIT
 * register: by default it must power off with exit code 0 and print exactly {@code <name>.expected}.
 * A program whose header has {@code # expect: machine-check <text>} must instead stop with a machine
 * check whose message contains {@code <text>}; its console output is still compared if a golden
 * file exists; after a duplicate-TLB-entry machine check Status.TS must be set.
 */
class GuestProgramTest {
    private static final int RAM = 1 << 20;
    private static final long LIMIT = 5_000_000;
    private static final Pattern EXPECT = Pattern.compile("^#\\s*expect:\\s*machine-check\\s+(.+?)\\s*$", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> guestPrograms() throws IOException, URISyntaxException {
        Path root = Path.of(GuestProgramTest.class.getResource("/guest").toURI());
        List<Path> programs;
        try (Stream<Path> files = Files.walk(root)) {
            programs = files.filter(p -> p.toString().endsWith(".s"))
                    .filter(p -> !root.relativize(p).startsWith("lib")).sorted().toList();
        }
        assertTrue(!programs.isEmpty(), "no guest programs under " + root);
        return programs.stream().map(p -> DynamicTest.dynamicTest(
                root.relativize(p).toString().replace('\\', '/'), p.toUri(), () -> run(p)));
    }

    private static void run(Path program) throws Exception {
        String source = Files.readString(program, StandardCharsets.UTF_8);
        String name = program.getFileName().toString();
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(source, program.toString(), asm), name);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(RAM).withConsole(console)
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine machine = Boot.machine(options, Sys161Config.defaults());
        Boot.load(machine, elf, name);
        PowerState end = machine.run(LIMIT);
        String transcript = console.toString(StandardCharsets.ISO_8859_1);

        Matcher m = EXPECT.matcher(source);
        String outcome = end.reason() + " exit " + end.exitCode() + " (" + end.message() + ")\n" + transcript;
        if (m.find()) {
            assertEquals(PowerState.Reason.MACHINE_CHECK, end.reason(), outcome);
            assertTrue(end.message() != null && end.message().contains(m.group(1)),
                    "machine check message should contain '" + m.group(1) + "': " + end.message());
            if (end.message().contains("duplicate TLB entries")) {
                assertTrue((machine.cp0().status() & Cp0.SR_TS) != 0, "Status.TS set by the duplicate-entry check");
            }
        } else {
            assertEquals(PowerState.Reason.POWER_OFF, end.reason(), outcome);
            assertEquals(0, end.exitCode(), outcome);
        }
        Path golden = program.resolveSibling(name.substring(0, name.length() - 2) + ".expected");
        if (Files.exists(golden)) {
            assertEquals(Files.readString(golden, StandardCharsets.ISO_8859_1), transcript, "transcript of " + name);
        } else {
            assertTrue(m.find(0), "missing golden transcript " + golden);
        }
    }
}
