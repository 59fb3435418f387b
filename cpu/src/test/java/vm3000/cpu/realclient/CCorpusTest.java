package vm3000.cpu.realclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.bus.PowerState;

/**
 * Differential tests of the C corpus ({@code src/test/c}, see docs/testing.md, "C corpus"): every
 * program is compiled once with the MIPS cross GCC, linked bare metal for vm3000 and as a Linux
 * o32 program for qemu, checked to be pure MIPS-I, and run on both. The vm3000 run must power
 * off with exit code 0 and print exactly what qemu printed. Programs marked
 * {@code ccorpus-endian: both} are also built and compared little-endian.
 *
 * <p>Without the cross tools or qemu every test here is skipped, visibly (see {@link Toolchain}).
 */
class CCorpusTest {
    private static final long QEMU_TIMEOUT = 120;
    private static final long COMPUTE_MIN_INSTRUCTIONS = 100_000_000L;

    static Stream<String> programs() {
        return CCorpus.programs().stream().map(CCorpus.Program::name);
    }

    static Stream<String> littleEndianPrograms() {
        return CCorpus.programs().stream().filter(CCorpus.Program::littleEndianToo).map(CCorpus.Program::name);
    }

    @Test
    void corpusHasAtLeastFifteenProgramsAndSomeLittleEndianOnes() {
        assertTrue(CCorpus.programs().size() >= 15, "corpus programs: " + CCorpus.programs().size());
        assertTrue(littleEndianPrograms().count() >= 3, "little-endian programs");
        assertTrue(programs().anyMatch("compute"::equals), "compute workload present");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void bigEndian(String name) throws Exception {
        differential(name, CCorpus.Endian.BIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("littleEndianPrograms")
    void littleEndian(String name) throws Exception {
        differential(name, CCorpus.Endian.LITTLE);
    }

    @Test
    void computeWorkloadRunsAtLeast1e8Instructions() throws Exception {
        Toolchain.assumeTools("CCorpusTest.computeWorkloadRunsAtLeast1e8Instructions",
                CCorpus.Endian.BIG.tools());
        CCorpus.Build build = CCorpus.build(CCorpus.program("compute"), CCorpus.Endian.BIG);
        VmRun run = vm3000(build.baremetal());
        assertEquals(PowerState.Reason.POWER_OFF, run.reason(), run.message());
        assertTrue(run.instructions() >= COMPUTE_MIN_INSTRUCTIONS,
                "compute.c executed " + run.instructions() + " instructions, fewer than 1e8");
        assertTrue(run.transcript().contains("checksum=0x"), run.transcript());
    }

    private static void differential(String name, CCorpus.Endian endian) throws Exception {
        Toolchain.assumeTools("CCorpusTest " + name + " (" + endian.dir + ")", endian.tools());
        CCorpus.Program program = CCorpus.program(name);
        CCorpus.Build build = CCorpus.build(program, endian);

        List<String> bad = new ArrayList<>();
        bad.addAll(Mips1Check.violations(endian, build.baremetal()));
        bad.addAll(Mips1Check.violations(endian, build.linux()));
        assertTrue(bad.isEmpty(), "non-MIPS-I instructions:\n" + String.join("\n", bad));
        if (!program.emits().isEmpty()) {
            Set<String> used = Mips1Check.mnemonics(endian, build.object());
            for (String m : program.emits()) {
                assertTrue(used.contains(m), name + ".c should make GCC emit " + m + "; its code uses " + used);
            }
        }

        Toolchain.Result qemu = Toolchain.run(List.of(endian.qemu, build.linux().toString()),
                build.linux().getParent(), QEMU_TIMEOUT);
        assertEquals(0, qemu.exitCode(), endian.qemu + " exit code; stderr: " + qemu.stderr());
        String expected = qemu.out();
        assertTrue(!expected.isEmpty(), endian.qemu + " printed nothing");

        VmRun run = vm3000(build.baremetal());
        String outcome = run.reason() + " exit " + run.exitCode() + " (" + run.message() + ") after "
                + run.instructions() + " instructions";
        assertEquals(PowerState.Reason.POWER_OFF, run.reason(), outcome + "\n" + run.transcript());
        assertEquals(0, run.exitCode(), outcome);
        assertEquals(expected, run.transcript(), "vm3000 transcript of " + name + " vs " + endian.qemu);
    }

    static VmRun vm3000(Path elfPath) {
        return VmRun.of(elfPath);
    }
}
