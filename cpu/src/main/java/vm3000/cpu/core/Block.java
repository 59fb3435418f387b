package vm3000.cpu.core;

import vm3000.cpu.isa.Op;

/**
 * A run of guest instructions in one physical page, decoded once: straight-line code that ends at
 * a branch or jump (with its delay slot), at an instruction that can change mode or mapping
 * ({@link Op.Flag#ENDS_BLOCK}), at the page end, or at a length limit. The block knows only
 * physical code; the virtual address it is entered at is given when it runs, and the blocks
 * that followed it last time are remembered for chaining.
 */
final class Block {
    /** Longest block, in instructions; bounds the work between two interrupt checks. */
    static final int MAX = 128;

    final Op[] ops;
    /** The {@link FastOp} id of each instruction. */
    final byte[] fast;
    final int[] words;
    /** Index of the branch or jump whose delay slot is the last instruction, or -1. */
    final int branchAt;

    // Chaining: the block last found after each exit (fall-through, taken branch), remembered
    // with the virtual pc it was found at and the stamp of the translation it was found under
    // (BlockCore#stamp). A successor is reused only when both still match.
    Block fallNext;
    int fallPc;
    long fallStamp;
    Block takenNext;
    int takenPc;
    long takenStamp;

    // Compilation (BlockCore, BlockCompiler): how often the block has run (runs that retired at
    // least one instruction; threshold + 1 once it has been compiled), and its translation
    // once it has run often enough, and whether that translation can loop back to the block's
    // entry (BlockCompiler#mayLoop): only then does the dispatcher work out how many runs it may make.
    int runs;
    CompiledBlock compiled;
    boolean loops;
    /** The region compiled from this block on, when regions are on ({@link RegionCompiler}); it replaces {@link #compiled}. */
    Region region;

    /** The physical address of the first instruction (set by the cache that decoded it). */
    int pa;

    /** The next block of the same page in its cache ({@link BlockCache}). */
    Block pageNext;

    Block(Op[] ops, int[] words, int branchAt) {
        this.ops = ops;
        this.words = words;
        this.fast = new byte[ops.length];
        for (int i = 0; i < ops.length; i++) fast[i] = FastOp.of(ops[i], words[i]);
        this.branchAt = branchAt;
    }

    int length() { return ops.length; }
}
