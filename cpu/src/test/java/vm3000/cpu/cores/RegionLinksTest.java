package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.elf.ElfFile;

/**
 * Direct links between compiled regions (BlockCore#configureLinks; off by default, since they made
 * whole runs slower: docs/performance.md): a loop in one page calls a routine in the next (JAL,
 * then JR back), so that each region's exit goes on at the head of the other's, and the regions
 * call one another without the dispatcher, up to the bound on nested links. Nothing the machine
 * shows changes, against the interpreter and the block core without regions: when the timer's
 * interrupt lands at every offset of the chain, when the instruction limit does, and when the
 * loop rewrites the routine's code every 256 iterations (the links made before must not be
 * followed into the old code).
 */
class RegionLinksTest {
    static final String SOURCE = String.join("\n",
            RegionsTest.timerPrelude(997),
            "  li $s0, 1",
            "  la $t5, patch",
            "  li $s4, 6000",
            "1: jal routine",                               // to the next page
            "  addiu $s0, $s0, 3",
            "  xor $s0, $s0, $v0",                          // back here: the head of a region of its own
            "  andi $t0, $s4, 255",
            "  bnez $t0, 2f",
            "  nop",
            "  lw $t6, 0($t5)",                             // every 256th time: the routine's constant + 1
            "  addiu $t6, $t6, 1",
            "  sw $t6, 0($t5)",
            "2: addiu $s4, $s4, -1",
            "  bgtz $s4, 1b",
            "  nop",
            "  mtc0 $zero, $12",
            "  xor $a0, $s0, $s3",
            "  andi $a0, $a0, 0xff",
            "  li $t8, 0xbffe001c",
            "  sw $a0, 0($t8)",                             // trace card: exit
            "3: b 3b",
            "  nop",
            ".align 12",
            "routine:",
            "  sll $v0, $s0, 1",
            "patch: addiu $v0, $v0, 7",
            "  jr $ra",
            "  xor $v0, $v0, $s4",
            ".align 12",
            "");

    /**
     * {@link #SOURCE} loaded; where the block core runs it, with direct links between regions
     * turned on if {@code links}, else as the machine has them by default.
     */
    static Consumer<Machine> program(boolean links) {
        ElfFile elf = SelfLoopTest.assemble("links", SOURCE);
        return m -> {
            try {
                if (links && m.blockCore() != null) m.blockCore().configureLinks(true);
                Boot.load(m, elf, "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    static final long LIMIT = 1_000_000;

    static RegionsTest.Run[] assertSameOnEveryCore(long limit) {
        RegionsTest.Run[] runs = new RegionsTest.Run[RegionsTest.Config.values().length];
        for (RegionsTest.Config c : RegionsTest.Config.values()) {
            runs[c.ordinal()] = RegionsTest.run(c, limit, Endian.BIG, program(true));
            assertEquals(runs[0].state(), runs[c.ordinal()].state(), "limit " + limit + ": " + c + " disagrees");
        }
        return runs;
    }

    @Test
    void regionsCallOneAnother_upToTheBound_sameOnEveryCore() {
        RegionsTest.Run[] runs = assertSameOnEveryCore(LIMIT);
        Machine interp = runs[RegionsTest.Config.INTERP.ordinal()].m();
        assertEquals(PowerState.Reason.POWER_OFF, interp.power().reason(), runs[0].state());
        assertTrue(interp.cpu().executed() > 60_000, "ran only " + interp.cpu().executed());
        assertEquals(0, runs[RegionsTest.Config.BLOCKS.ordinal()].core().regionLinks(), "links with regions off");
        for (RegionsTest.Config c : new RegionsTest.Config[] {RegionsTest.Config.REGIONS, RegionsTest.Config.REGIONS_EAGER}) {
            BlockCore core = runs[c.ordinal()].core();
            long links = core.regionLinks(), calls = core.regionRuns() - links; // the dispatcher's calls
            assertTrue(links > 5_000, c + ": only " + links + " links followed");
            // a chain could go on for ~80 links between two interrupts; the bound cuts it at 16
            assertTrue(links <= 16 * calls, c + ": " + links + " links in " + calls + " calls from the dispatcher");
            assertTrue(links > 4 * calls, c + ": chains of " + links + " links in " + calls + " calls are short");
        }
    }

    @Test
    void linksAreOffByDefault() {
        RegionsTest.Run run = RegionsTest.run(RegionsTest.Config.REGIONS, LIMIT, Endian.BIG, program(false));
        assertTrue(run.core().regionRuns() > 1_000, "ran only " + run.core().regionRuns() + " regions");
        assertEquals(0, run.core().regionLinks(), "links followed with links off");
        assertEquals(RegionsTest.run(RegionsTest.Config.INTERP, LIMIT, Endian.BIG, program(false)).state(), run.state());
    }

    /** The instruction limit at every offset of the chain: a step of 1,999 (a prime) over the whole run. */
    @Test
    void instructionLimitInsideTheChain_sameOnEveryCore() {
        long total = RegionsTest.run(RegionsTest.Config.INTERP, LIMIT, Endian.BIG, program(true)).m().cpu().executed();
        for (long limit = 1_003; limit < total; limit += 1_999) {
            RegionsTest.Run[] runs = assertSameOnEveryCore(limit);
            assertEquals(limit, runs[RegionsTest.Config.INTERP.ordinal()].m().cpu().executed(), "stopped at the limit");
        }
    }
}
