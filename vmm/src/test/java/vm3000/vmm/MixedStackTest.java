package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.core.Counters;
import vm3000.kernels.Kernels;

/**
 * The mixed stack: the trap-and-emulate VMM running at level k of an RMR stack, as the top
 * monitor, with level k's RMR as its machine (RmrMachineControl). Level k is a bare R3000 to it,
 * so every kernel and guest program under it gives exactly its bare run (transcript, stop, guest
 * state down to the cycle count), with one or two RMR VMMs below and one or two trap-and-emulate
 * VMMs on top; and the RMR VMMs below take no monitor entry for anything it or its guests do.
 */
class MixedStackTest {
    static Stream<Arguments> cases() throws Exception {
        List<Arguments> a = new ArrayList<>();
        for (int[] d : new int[][] {{1, 1}, {2, 1}, {1, 2}}) {
            for (String k : Kernels.NAMES) a.add(Arguments.of(k, d[0], d[1]));
        }
        return a.stream();
    }

    static Stream<Arguments> programs() throws Exception {
        List<Path> all = EquivalenceTest.programs().toList();
        return all.stream().map(p -> Arguments.of(p, 1 + all.indexOf(p) % 2));
    }

    @ParameterizedTest(name = "{0}: trap x{2} on RMR x{1}")
    @MethodSource("cases")
    void kernel_trapVmmOnRmrStack_sameAsBare(String name, int rmrDepth, int trapDepth) throws Exception {
        Runs.Guest g = Runs.kernel(name);
        assertEquals(Runs.bare(g), Runs.underMixed(rmrDepth, trapDepth, List.of(g), null).get(0));
    }

    @ParameterizedTest(name = "{0} on RMR x{1}")
    @MethodSource("programs")
    void guestProgram_trapVmmOnRmrStack_sameAsBare(Path source, int rmrDepth) throws Exception {
        Runs.Guest g = Runs.program(source);
        assertEquals(Runs.bare(g), Runs.underMixed(rmrDepth, 1, List.of(g), null).get(0));
    }

    @Test
    void rmrVmmsBelow_takeNoEntryForTheTrapVmmsWork() throws Exception {
        List<MixedStack> keep = new ArrayList<>();
        Runs.Guest g = Runs.kernel("tinyos");
        assertEquals(Runs.bare(g), Runs.underMixed(2, 1, List.of(g), keep).get(0));
        for (int level = 0; level < 2; level++) {
            Counters c = keep.get(0).host().rmr().level(level).counters();
            assertEquals(0, c.totalEntries(), "level " + level + ": " + c.report());
        }
        Counters k = keep.get(0).host().rmr().level(2).counters();
        org.junit.jupiter.api.Assertions.assertTrue(k.exceptions(8) > 0 && k.utlbRefills() > 0,
                "level 2 took the trap-and-emulate VMM's traps itself: " + k.report());
    }
}
