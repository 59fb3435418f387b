package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.kernels.Kernels;

/**
 * Every built-in kernel and every guest test program, unmodified, as a VM of the RMR VMM at
 * depths 1..4: the same transcript, the same way of stopping, and the same guest-visible state
 * down to the cycle count as on the bare machine.
 */
class RmrEquivalenceTest {
    static Stream<Arguments> kernels() {
        return Stream.of(1, 2, 3, 4).flatMap(d -> Kernels.NAMES.stream().map(k -> Arguments.of(k, d)));
    }

    static Stream<Arguments> programs() throws Exception {
        List<Path> all = EquivalenceTest.programs().toList();
        return Stream.of(1, 2, 3, 4).flatMap(d -> all.stream().map(p -> Arguments.of(p, d)));
    }

    @ParameterizedTest(name = "{0} at depth {1}")
    @MethodSource("kernels")
    void kernel_underRmrVmm_sameAsBare(String name, int depth) throws Exception {
        Runs.Guest g = Runs.kernel(name);
        assertEquals(Runs.bare(g), Runs.underRmr(depth, List.of(g)).get(0));
    }

    @ParameterizedTest(name = "{0} at depth {1}")
    @MethodSource("programs")
    void guestProgram_underRmrVmm_sameAsBare(Path source, int depth) throws Exception {
        Runs.Guest g = Runs.program(source);
        assertEquals(Runs.bare(g), Runs.underRmr(depth, List.of(g)).get(0));
    }
}
