package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.MachineOptions.Core;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.testing.RandomPrograms;
import vm3000.cpu.testing.RepositorySources;

/**
 * The interpreter and the block core agree: every guest program in the repository and thousands
 * of random programs give the same transcript, counters and final architectural state (registers,
 * CP0, TLB, all of RAM, cycle count) on both.
 */
public class CoreDifferentialTest {
    /** RAM of the random programs. */
    public static final int RAM = 1 << 20;
    /** Repository programs get System/161's default 16 MiB: tinyos keeps its page tables at 2..8 MiB. */
    public static final int PROGRAM_RAM = 16 << 20;

    /**
     * One case of the differential tests: a guest that {@code setup} puts on a fresh machine of
     * {@code ram} bytes (random-device seed {@code seed}), run for {@code limit} instructions.
     * Public, with the sources below, so that other differential tests (the RMR stack's) run the
     * same cases.
     */
    public record Case(String name, long seed, Consumer<Machine> setup, long limit, int ram) {}

    /** Every guest program of the repository, assembled on its own and booted with arguments "diff 12". */
    public static List<Case> repositoryPrograms() throws IOException {
        List<Path> programs = RepositorySources.programs();
        assertTrue(programs.size() >= 10, "found only " + programs);
        Path root = RepositorySources.root();
        return programs.stream().map(p -> {
            ElfFile elf;
            try {
                String src = Files.readString(p, StandardCharsets.UTF_8);
                Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
                elf = ElfFile.parse(Assembler.assembleElf(src, p.toString(), asm), p.toString());
            } catch (Exception e) {
                throw new AssertionError(p + " does not assemble", e);
            }
            Consumer<Machine> boot = m -> {
                try {
                    Boot.load(m, elf, "diff 12");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            return new Case(root.relativize(p).toString(), 1, boot, 3_000_000, PROGRAM_RAM);
        }).toList();
    }

    /** A program of random words (RandomPrograms.randomWords), starting in user or kernel mode. */
    public static Case randomWords(long seed, boolean user) {
        return new Case((user ? "user" : "kernel") + " seed " + seed, seed,
                m -> RandomPrograms.randomWords(m, new SplittableRandom(seed), user), 20_000, RAM);
    }

    /** A random self-modifying, remapping program of valid instructions (RandomPrograms.validProgram). */
    public static Case randomValidProgram(long seed, boolean user) {
        return new Case((user ? "user" : "kernel") + " seed " + seed, seed,
                m -> RandomPrograms.validProgram(m, new SplittableRandom(seed), user), 50_000, RAM);
    }

    /** A machine on {@code core}, prepared by {@code setup}, run to {@code limit}; its final state. */
    static String run(Core core, long seed, Consumer<Machine> setup, long limit) {
        return run(core, seed, setup, limit, RAM);
    }

    static String run(Core core, long seed, Consumer<Machine> setup, long limit, int ram) {
        return run(core, JIT_DEFAULT, seed, setup, limit, ram);
    }

    /** Block compilation as configured by default (-Dvm3000.jit, -Dvm3000.jit.threshold). */
    static final int JIT_DEFAULT = -1;
    /** No block compilation. */
    static final int JIT_OFF = 0;

    /**
     * As {@link #run(Core, long, Consumer, long, int)}, the block core compiling blocks after
     * {@code jit} runs ({@link #JIT_OFF}: never, {@link #JIT_DEFAULT}: as configured).
     */
    static String run(Core core, int jit, long seed, Consumer<Machine> setup, long limit, int ram) {
        return run(core, jit, null, seed, setup, limit, ram);
    }

    /**
     * The smallest block cache there is: one page of blocks, eight blocks, one compiled block.
     * A block core with it drops its cache at almost every block it decodes.
     */
    static final BlockCore.CacheLimits TINY_CACHE = new BlockCore.CacheLimits(8, 128, 1, 1);

    /** As {@link #run(Core, int, long, Consumer, long, int)}, the block cache bounded by {@code cache} (null: the default). */
    static String run(Core core, int jit, BlockCore.CacheLimits cache, long seed, Consumer<Machine> setup, long limit, int ram) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(ram).withSeed(seed).withCore(core).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(ram));
        if (core == Core.BLOCK && jit != JIT_DEFAULT) m.blockCore().configureJit(jit != JIT_OFF, Math.max(1, jit));
        if (core == Core.BLOCK && cache != null) m.blockCore().configureCache(cache);
        setup.accept(m);
        m.run(limit);
        return MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1));
    }

    static void assertSameOnBothCores(String what, long seed, Consumer<Machine> setup, long limit) {
        assertSameOnBothCores(what, seed, setup, limit, RAM);
    }

    static void assertSameOnBothCores(String what, long seed, Consumer<Machine> setup, long limit, int ram) {
        String interp = run(Core.INTERP, seed, setup, limit, ram);
        // Hot blocks compiled alone (BlockCompiler), as the block core did before regions.
        String block = run(Core.BLOCK, seed, setup.andThen(m -> m.blockCore().configureRegions(false)), limit, ram);
        assertEquals(interp, block, what + ": the cores disagree");
        // Compiling every block's region from its second run on puts all the code through the
        // region compiler (RegionCompiler), the default.
        String eager = run(Core.BLOCK, 1, seed, setup, limit, ram);
        assertEquals(interp, eager, what + ": the block core with every region compiled disagrees");
    }

    static void assertSameOnBothCores(Case c) {
        assertSameOnBothCores(c.name(), c.seed(), c.setup(), c.limit(), c.ram());
    }

    @TestFactory
    Stream<DynamicTest> everyRepositoryProgram_sameOnBothCores() throws IOException {
        return repositoryPrograms().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertSameOnBothCores(c)));
    }

    @TestFactory
    Stream<DynamicTest> randomWords_sameOnBothCores() {
        return Stream.of("kernel", "user").map(mode -> DynamicTest.dynamicTest(mode, () -> {
            for (long seed = 0; seed < 100; seed++) assertSameOnBothCores(randomWords(seed, mode.equals("user")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomValidPrograms_sameOnBothCores() {
        return Stream.of(false, true).map(user -> DynamicTest.dynamicTest(user ? "user" : "kernel", () -> {
            for (long seed = 0; seed < 120; seed++) assertSameOnBothCores(randomValidProgram(seed, user));
        }));
    }

    /**
     * Kernel mode running from a kuseg page changes EntryHi: the next instruction on that page is
     * fetched under the new ASID, which no longer maps it (a UTLB miss), not from the block
     * decoded under the old one (random kernel program 4245, found by the VMM's random test).
     */
    @org.junit.jupiter.api.Test
    void translationChangedInsideABlock_nextFetchTranslatedAgain() {
        assertSameOnBothCores("kernel seed 4245", 4245,
                m -> RandomPrograms.validProgram(m, new SplittableRandom(4245), false), 37_000);
    }

    @TestFactory
    Stream<DynamicTest> randomValidPrograms_sameWithoutCompilation() {
        return Stream.of(false, true).map(user -> DynamicTest.dynamicTest(user ? "user" : "kernel", () -> {
            for (long seed = 0; seed < 40; seed++) {
                Case c = randomValidProgram(seed, user);
                assertEquals(run(Core.INTERP, c.seed(), c.setup(), c.limit(), c.ram()),
                        run(Core.BLOCK, JIT_OFF, c.seed(), c.setup(), c.limit(), c.ram()),
                        c.name() + ": the block core without compilation disagrees");
            }
        }));
    }

    /**
     * Dropping the block cache when it is full is invisible: with the tiniest cache, flushed at
     * almost every new block and after every compilation, every repository program and the
     * random self-modifying programs end as on the interpreter.
     */
    @TestFactory
    Stream<DynamicTest> tinyBlockCache_sameAsTheInterpreter() throws IOException {
        Stream<DynamicTest> programs = repositoryPrograms().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(run(Core.INTERP, c.seed(), c.setup(), c.limit(), c.ram()),
                        run(Core.BLOCK, 1, TINY_CACHE, c.seed(), c.setup(), c.limit(), c.ram()),
                        c.name() + ": the block core with a tiny cache disagrees")));
        Stream<DynamicTest> random = Stream.of(false, true).map(user -> DynamicTest.dynamicTest("random " + (user ? "user" : "kernel"), () -> {
            for (long seed = 0; seed < 40; seed++) {
                Case c = randomValidProgram(seed, user);
                assertEquals(run(Core.INTERP, c.seed(), c.setup(), c.limit(), c.ram()),
                        run(Core.BLOCK, user ? 1 : JIT_DEFAULT, TINY_CACHE, c.seed(), c.setup(), c.limit(), c.ram()),
                        c.name() + ": the block core with a tiny cache disagrees");
            }
        }));
        return Stream.concat(programs, random);
    }

    @TestFactory
    Stream<DynamicTest> randomPrograms_exerciseWhatTheyClaim() {
        // The random programs must really write over their own code and remap their pages,
        // or the two tests above prove less than they say.
        return Stream.of(DynamicTest.dynamicTest("self-modifying and remapping", () -> {
            long invalidations = 0, tlbWrites = 0, exceptions = 0;
            for (long seed = 0; seed < 50; seed++) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(Core.BLOCK).withConsole(console)
                        .withMessages(new PrintStream(OutputStream.nullOutputStream()));
                Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
                RandomPrograms.validProgram(m, new SplittableRandom(seed), seed % 2 == 1);
                m.run(50_000);
                invalidations += m.blockCore().invalidations();
                tlbWrites += m.counters().tlbWrites();
                exceptions += m.counters().totalExceptions();
            }
            assertTrue(invalidations > 50, "code overwritten only " + invalidations + " times");
            assertTrue(tlbWrites > 50, "TLB written only " + tlbWrites + " times");
            assertTrue(exceptions > 50, "only " + exceptions + " exceptions");
        }));
    }
}
