package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import vm3000.cpu.bus.PowerState;
import vm3000.cpu.testing.HostileGuests;

/**
 * A hostile guest cannot exhaust the host (docs/machine.md, "Host resources"): the guest of
 * {@link HostileGuests}, which sprays calls over its RAM, rewrites its code and floods the timer,
 * CP0's timer, the console and the trace card, runs on the bare machine and as a VM of each VMM
 * beside an honest guest kernel. Each run ends at its instruction limit, no Java exception or
 * OutOfMemoryError escapes, and the honest VM prints what it prints on a bare machine.
 *
 * <p>This class (tag {@code hostile}) runs only in a JVM of its own with a small heap (the
 * {@code hostile-guests} execution in {@code vmm/pom.xml}: {@code -Xmx256m}, metaspace capped), so that a host structure the guest
 * could grow without bound ends the run with an OutOfMemoryError. CI runs 10 seeds of a million
 * instructions and 2,000 (300 under the VMMs) of 20,000; {@code -Dhostile.seeds=N} and
 * {@code -Dhostile.limit=N} set the long runs, {@code -Dhostile.many=N}, {@code -Dhostile.manyVm=N} and
 * {@code -Dhostile.short=N} the short ones
 * (docs/testing.md, "Hostile guests").
 */
@Tag("hostile")
@Timeout(value = 30, unit = TimeUnit.MINUTES) // a hang guard only
class HostileGuestsTest {
    private static final int SEEDS = Integer.getInteger("hostile.seeds", 10);
    private static final long LIMIT = Long.getLong("hostile.limit", 1_000_000L);
    /** Many more seeds, each a short run: the suite's breadth (the seeds above are its depth). */
    private static final int MANY = Integer.getInteger("hostile.many", 2000);
    private static final int MANY_VM = Integer.getInteger("hostile.manyVm", 300);
    private static final long SHORT = Long.getLong("hostile.short", 20_000L);
    private static final long FIRST_MANY = 1_000_000L;
    private static final String[] HONEST = {"hello", "interrupt", "syscall", "tlbmiss", "compute", "cp0"};

    private static Runs.Guest hostile(long seed) {
        return new Runs.Guest("hostile " + seed, HostileGuests.image(seed), "", HostileGuests.RAM);
    }

    private static Runs.Guest honest(long seed) throws Exception {
        return Runs.kernel(HONEST[(int) (seed % HONEST.length)]);
    }

    private static void assertRanToItsLimit(String what, Runs.Outcome o) {
        assertEquals(PowerState.Reason.INSTRUCTION_LIMIT, o.reason(),
                what + ": " + o.message() + " (exit code " + o.exitCode() + ")");
    }

    private static void assertHonestUntouched(String what, Runs.Outcome bare, Runs.Outcome vm) {
        assertEquals(bare.reason(), vm.reason(), what + ": how the honest guest ended");
        assertEquals(bare.exitCode(), vm.exitCode(), what + ": the honest guest's exit code");
        assertEquals(bare.transcript(), vm.transcript(), what + ": the honest guest's transcript");
    }

    /** In its own execution, the JVM really has the small heap that execution declares. */
    @org.junit.jupiter.api.Test
    void heap_isTheDeclaredOne() {
        Integer mib = Integer.getInteger("hostile.heap");
        org.junit.jupiter.api.Assumptions.assumeTrue(mib != null, "not in the hostile-guests execution");
        assertTrue(Runtime.getRuntime().maxMemory() <= (long) mib << 20, Runtime.getRuntime().maxMemory() + " bytes of heap");
    }

    @TestFactory
    Stream<DynamicTest> bareMachine() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Runs.Outcome o = Runs.bare(hostile(seed), LIMIT, c -> {});
            assertRanToItsLimit("seed " + seed, o);
            assertTrue(o.transcript().length() <= LIMIT, "more console bytes than cycles");
        }));
    }

    @TestFactory
    Stream<DynamicTest> besideAnHonestGuest_underEachVmm() {
        return besideAnHonestGuest(LongStream.range(0, SEEDS), LIMIT);
    }

    /** Each seed's hostile guest beside an honest kernel, under each VMM at depth 1 or 2, to {@code limit}. */
    private static Stream<DynamicTest> besideAnHonestGuest(LongStream seeds, long limit) {
        return seeds.boxed().flatMap(seed -> Stream.of(Runs.Scheme.values()).map(scheme -> {
            int depth = 1 + (int) (seed % 2);
            String what = scheme + " depth " + depth + " seed " + seed;
            return DynamicTest.dynamicTest(what, () -> {
                Runs.Guest honest = honest(seed);
                Runs.Outcome bare = Runs.bare(honest, limit, c -> {});
                List<Runs.Outcome> vms = Runs.under(scheme, depth, List.of(hostile(seed), honest), limit, c -> {});
                assertRanToItsLimit(what + ", the hostile guest", vms.get(0));
                assertHonestUntouched(what + " (" + honest.name() + ")", bare, vms.get(1));
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> manySeeds_shortRuns_bareMachine() {
        return LongStream.range(FIRST_MANY, FIRST_MANY + MANY).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () ->
                assertRanToItsLimit("seed " + seed, Runs.bare(hostile(seed), SHORT, c -> {}))));
    }

    @TestFactory
    Stream<DynamicTest> manySeeds_shortRuns_besideAnHonestGuest_underEachVmm() {
        return besideAnHonestGuest(LongStream.range(FIRST_MANY, FIRST_MANY + MANY_VM), SHORT);
    }
}
