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
    /**
     * Direct links, by exit slot (2k after block k's branch or jump was taken or its jump
     * register followed, 2k + 1 after its fall-through): the region its code calls at that exit
     * instead of returning to the dispatcher, if it goes on at the same virtual pc and the
     * dispatcher's key ({@link BlockCore#linkKey}: translation, cache and mode) is the one it was
     * linked under. Set by the dispatcher ({@link #link}); read by the compiled code.
     */
    final Region[] linked;
    final int[] linkedPc;
    final long[] linkedKey;

    Region(Block[] blocks, int[] offsets, CompiledRegion code) {
        this.blocks = blocks;
        this.offsets = offsets;
        this.code = code;
        this.linked = new Region[2 * blocks.length];
        this.linkedPc = new int[2 * blocks.length];
        this.linkedKey = new long[2 * blocks.length];
    }

    /** Links exit {@code slot} to region {@code to}, entered at virtual {@code pc}, under {@code key}. */
    void link(int slot, Region to, int pc, long key) {
        linked[slot] = to;
        linkedPc[slot] = pc;
        linkedKey[slot] = key;
    }

    /** Instructions in all its blocks. */
    int instructions() {
        int n = 0;
        for (Block b : blocks) n += b.length();
        return n;
    }
}
