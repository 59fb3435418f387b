package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.kernels.Kernels;

/**
 * Every built-in kernel and every guest test program of the cpu module, unmodified, under one
 * trap-and-emulate VMM: the same transcript, the same way of stopping (power-off code, or the
 * same machine-check diagnostic for the VM only) as on the bare machine.
 */
class EquivalenceTest {
    static Stream<String> kernels() { return Kernels.NAMES.stream(); }

    static Stream<Path> programs() throws Exception {
        Path root = guestRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".s")).filter(p -> !root.relativize(p).startsWith("lib"))
                    .sorted().toList().stream();
        }
    }

    static Path guestRoot() throws URISyntaxException {
        return Path.of("..", "cpu", "src", "test", "resources", "guest").toAbsolutePath().normalize();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void kernel_depth1_sameAsBare(String name) throws Exception {
        Runs.Guest g = Runs.kernel(name);
        assertEquals(Runs.bare(g), Runs.underVmm(1, List.of(g)).get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void guestProgram_depth1_sameAsBare(Path source) throws Exception {
        Runs.Guest g = Runs.program(source);
        assertEquals(Runs.bare(g), Runs.underVmm(1, List.of(g)).get(0));
    }
}
