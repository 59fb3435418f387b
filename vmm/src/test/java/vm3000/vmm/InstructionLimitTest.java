package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.bus.PowerState;

/**
 * --max-instructions has one meaning, bare and in a VM: machine cycles, the cycles a CPU idles in
 * WAIT included. A guest that waits past the limit stops at the same cycle, in the same state,
 * bare and under either VMM; one whose WAIT ends before the limit finishes in both.
 */
class InstructionLimitTest {
    static Stream<Arguments> cases() {
        return Stream.of(Runs.Scheme.values()).flatMap(s -> Stream.of(1, 2).flatMap(d ->
                Stream.of(1_000_000L, 24_000_000L, 30_000_000L).map(limit -> Arguments.of(s, d, limit))));
    }

    @ParameterizedTest(name = "{0} depth {1}, limit {2}")
    @MethodSource("cases")
    void waitPastTheLimit_stopsAsBare(Runs.Scheme scheme, int depth, long limit) throws Exception {
        Runs.Guest g = Runs.program(Path.of("src", "test", "resources", "limits", "wait_long.s").toAbsolutePath());
        Runs.Outcome bare = Runs.bare(g, limit, c -> {});
        PowerState.Reason expected = limit < 25_000_000L ? PowerState.Reason.INSTRUCTION_LIMIT : PowerState.Reason.POWER_OFF;
        assertEquals(expected, bare.reason(), bare.message());
        assertEquals(bare, Runs.under(scheme, depth, List.of(g), limit, c -> {}).get(0));
    }
}
