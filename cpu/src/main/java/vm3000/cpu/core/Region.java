package vm3000.cpu.core;

/**
 * Blocks of one physical page that branch to one another, compiled together into one method
 * ({@link RegionCompiler}): the entry block, and the hot blocks reachable from it by branches,
 * jumps and fall-throughs that stay in the page. {@code offsets[k]} is where block k starts,
 * in bytes from the entry block's first instruction (the same in virtual and physical addresses,
 * as both lie in one page).
 */
final class Region {
    final Block[] blocks;
    final int[] offsets;
    final CompiledRegion code;

    Region(Block[] blocks, int[] offsets, CompiledRegion code) {
        this.blocks = blocks;
        this.offsets = offsets;
        this.code = code;
    }

    /** Instructions in all its blocks. */
    int instructions() {
        int n = 0;
        for (Block b : blocks) n += b.length();
        return n;
    }
}
