package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;

/**
 * Every built-in kernel assembles, boots on the bare machine with the boot arguments of its
 * {@code # golden-args:} header line (none if absent), prints exactly {@code <name>.expected} and
 * powers off with the exit code of its {@code # golden-exit:} line (0 if absent).
 */
class KernelsTest {
    private static final Pattern ARGS = Pattern.compile("^#\\s*golden-args:(.*)$", Pattern.MULTILINE);
    private static final Pattern EXIT = Pattern.compile("^#\\s*golden-exit:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

    @Test
    void names_areExactlyTheKernelSources() throws IOException, URISyntaxException {
        Path root = Path.of(Kernels.class.getClassLoader().getResource("kernels").toURI());
        List<String> sources;
        try (Stream<Path> files = Files.list(root)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".s"))
                    .map(n -> n.substring(0, n.length() - 2)).sorted().toList();
        }
        assertEquals(sources, Kernels.NAMES.stream().sorted().toList());
    }

    @Test
    void unknownName_isAnError() {
        assertFalse(Kernels.exists("nope"));
        assertTrue(assertThrows(BadInputException.class, () -> Kernels.load("nope")).getMessage().startsWith("nope: no such kernel"));
    }

    @TestFactory
    Stream<DynamicTest> everyKernel_assembles() {
        return Kernels.NAMES.stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            ElfFile elf = Kernels.load(n);
            assertTrue(elf.segments().size() > 0);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyKernel_matchesItsGoldenTranscript() {
        return Kernels.NAMES.stream().map(n -> DynamicTest.dynamicTest(n, () -> golden(n)));
    }

    private static void golden(String name) throws Exception {
        String source = Kernels.source(name);
        Matcher a = ARGS.matcher(source);
        String args = a.find() ? a.group(1).strip() : "";
        Matcher e = EXIT.matcher(source);
        int exit = e.find() ? Integer.parseInt(e.group(1)) : 0;
        KernelRun run = KernelRun.boot(name, args);
        assertEquals(PowerState.Reason.POWER_OFF, run.end().reason(), run.outcome());
        assertEquals(exit, run.end().exitCode(), run.outcome());
        assertEquals(expected(name), run.transcript(), "transcript of " + name);
    }

    static String expected(String name) throws IOException {
        try (var in = Kernels.class.getClassLoader().getResourceAsStream("kernels/" + name + ".expected")) {
            if (in == null) throw new AssertionError("missing golden transcript kernels/" + name + ".expected");
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
