package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.kernels.Kernels;

/**
 * The VMM running as a guest of itself: at depth 2 and 3 every built-in kernel (small iteration
 * counts: the golden arguments) gives the bare machine's transcript and exit code.
 */
class NestingTest {
    static Stream<Arguments> cases() {
        return Stream.of(2, 3).flatMap(d -> Kernels.NAMES.stream().map(k -> Arguments.of(k, d)));
    }

    @ParameterizedTest(name = "{0} at depth {1}")
    @MethodSource("cases")
    void kernel_nested_sameAsBare(String name, int depth) throws Exception {
        Runs.Guest g = Runs.kernel(name);
        assertEquals(Runs.bare(g), Runs.underVmm(depth, List.of(g)).get(0));
    }
}
