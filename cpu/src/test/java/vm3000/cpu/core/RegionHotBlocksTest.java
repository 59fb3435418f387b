package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * A region holds the hot blocks its entry leads to and leaves out those that ran fewer times
 * than make a block hot: here the code after a loop of two blocks, which runs once, is not in
 * the loop's region, though the loop falls through to it (and it would be, were every block
 * that the entry leads to taken in). And a run that traps at the block's first instruction is
 * not counted as one of the block's runs (it retired nothing).
 */
class RegionHotBlocksTest {
    static final String SOURCE = String.join("\n",
            ".set noreorder",
            ".text",
            ".globl __start",
            "__start:",
            "  li $s4, 1000",
            "loop:",
            "  addiu $s0, $s0, 3",
            "  andi $t0, $s4, 1",
            "  bnez $t0, odd",
            "  addiu $s4, $s4, -1",
            "even:",
            "  xor $s0, $s0, $s4",
            "odd:",
            "  bnez $s4, loop",
            "  sll $s0, $s0, 1",
            "after:",
            "  addu $s1, $s0, $s4",
            "  sll $s1, $s1, 2",
            "spin:",
            "  b spin",
            "  nop",
            "");

    @Test
    void codeThatRanOnce_isLeftOutOfTheLoopsRegion() throws Exception {
        Booted booted = boot(SOURCE, "hot.s");
        Machine m = booted.machine();
        ElfFile elf = booted.elf();
        m.run(20_000);
        BlockCache cache = m.blockCore().cache();
        int loop = elf.entry() + 4, after = elf.entry() + 4 * 8;
        assertEquals(0, m.cpu().r[17] - (m.cpu().r[16] << 2), "$s1 = $s0 << 2: the code after the loop ran");

        int largest = 0;
        for (int at = loop; at < after; at += 4) {
            Block b = cache.get(at & 0x1FFFFFFF);
            if (b.region == null) continue;
            int[] pas = Arrays.stream(b.region.blocks).mapToInt(x -> x.pa).toArray();
            assertTrue(Arrays.stream(pas).noneMatch(pa -> pa == (after & 0x1FFFFFFF)),
                    "the block after the loop ran once and is in a region: " + Arrays.toString(pas));
            largest = Math.max(largest, pas.length);
        }
        assertTrue(largest >= 3, "no region holds the loop's three blocks: at most " + largest);
        assertTrue(RegionCompiler.form(cache, cache.get(loop & 0x1FFFFFFF), loop, RegionCompiler.MAX_BLOCKS, 0)
                .stream().anyMatch(b -> b.pa == (after & 0x1FFFFFFF)), "the loop leads to the block after it");
    }

    /** A loop whose first instruction traps every time round; the handler goes on after it. */
    static final String TRAPPING = String.join("\n",
            ".set noreorder",
            ".section .vectors",
            ".org 0x80",
            "  mfc0 $k0, $14",
            "  addiu $k0, $k0, 4",
            "  jr $k0",
            "  rfe",
            ".text",
            ".globl __start",
            "__start:",
            "  mtc0 $zero, $12",                            // exceptions to the RAM vectors
            "  li $s4, 500",
            "loop:",
            "  break",
            "  addiu $s4, $s4, -1",
            "  bnez $s4, loop",
            "  nop",
            "spin:",
            "  b spin",
            "  nop",
            "");

    @Test
    void runThatTrapsAtItsFirstInstruction_doesNotCount() throws Exception {
        Booted booted = boot(TRAPPING, "trapping.s");
        Machine m = booted.machine();
        ElfFile elf = booted.elf();
        m.run(20_000);
        assertEquals(0, m.cpu().r[20], "the loop ran to its end");
        BlockCache cache = m.blockCore().cache();
        int loop = elf.entry() + 8;
        Block first = cache.get(loop & 0x1FFFFFFF), rest = cache.get((loop + 4) & 0x1FFFFFFF);
        assertEquals(0, first.runs, "runs counted for a block that trapped at its first instruction every time");
        assertTrue(first.region == null && first.compiled == null, "a block that never ran was compiled");
        assertTrue(rest.runs > 0 && (rest.region != null || rest.compiled != null),
                "the rest of the loop (entered after the trap) is not compiled: " + rest.runs + " runs");
    }

    /** A machine on the block core, 1 MiB of RAM, with {@code source} assembled and loaded. */
    record Booted(Machine machine, ElfFile elf) {}

    static Booted boot(String source, String name) throws Exception {
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(source, name,
                Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()))), name);
        Machine m = Boot.machine(MachineOptions.defaults().withRam(1 << 20).withCore(MachineOptions.Core.BLOCK)
                .withMessages(new PrintStream(OutputStream.nullOutputStream())), Sys161Config.defaults(1 << 20));
        Boot.load(m, elf, "");
        return new Booted(m, elf);
    }
}
