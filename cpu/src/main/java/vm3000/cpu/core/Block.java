package vm3000.cpu.core;

import vm3000.cpu.isa.Op;

/**
 * A run of guest instructions in one physical page, decoded once: straight-line code that ends at
 * a branch or jump (with its delay slot), at an instruction that can change mode or mapping
 * ({@link Op.Flag#ENDS_BLOCK}), at the page end, or at a length limit. The block knows only
 * physical code; the virtual address it is entered at is given when it runs.
 */
final class Block {
    /** Longest block, in instructions; bounds the work between two interrupt checks. */
    static final int MAX = 128;

    final Op[] ops;
    final int[] words;
    /** Index of the branch or jump whose delay slot is the last instruction, or -1. */
    final int branchAt;

    Block(Op[] ops, int[] words, int branchAt) {
        this.ops = ops;
        this.words = words;
        this.branchAt = branchAt;
    }

    int length() { return ops.length; }
}
