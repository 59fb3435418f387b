package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.kernels.Kernels;

/**
 * The VMM running as a guest of itself: at depths 2, 3 and 4 every built-in kernel (small iteration
 * counts: the golden arguments) and every guest test program gives the bare machine's transcript
 * and exit code (or the same machine check, for the VM only).
 */
class NestingTest {
    static Stream<Arguments> cases() {
        return Stream.of(2, 3, 4).flatMap(d -> Kernels.NAMES.stream().map(k -> Arguments.of(k, d)));
    }

    static Stream<Arguments> programs() throws Exception {
        List<java.nio.file.Path> all = EquivalenceTest.programs().toList();
        return Stream.of(2, 3, 4).flatMap(d -> all.stream().map(p -> Arguments.of(p, d)));
    }

    @ParameterizedTest(name = "{0} at depth {1}")
    @MethodSource("programs")
    void guestProgram_nested_sameAsBare(java.nio.file.Path source, int depth) throws Exception {
        Runs.Guest g = Runs.program(source);
        assertEquals(Runs.bare(g), Runs.underVmm(depth, List.of(g)).get(0));
    }

    @ParameterizedTest(name = "{0} at depth {1}")
    @MethodSource("cases")
    void kernel_nested_sameAsBare(String name, int depth) throws Exception {
        Runs.Guest g = Runs.kernel(name);
        assertEquals(Runs.bare(g), Runs.underVmm(depth, List.of(g)).get(0));
    }
}
