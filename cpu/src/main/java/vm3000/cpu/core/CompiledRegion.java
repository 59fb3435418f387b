package vm3000.cpu.core;

/**
 * A {@link Region} translated to one JVM method by {@link RegionCompiler}: its blocks' fast-path
 * instructions with the guest registers in locals for the whole run, the branches between its
 * blocks as jumps inside the method (so a loop of the guest is a loop of the JVM), and one exit.
 */
interface CompiledRegion {
    /**
     * Runs the region from its entry block, entered at virtual {@code vpc} in mode {@code user},
     * on the fast path only, for at most {@code budget} instructions, which cover the entry block
     * whole (the caller checks). Goes from block to block of the region while each next block is
     * in the region and the budget covers it whole (at the entry and at loops' heads, the budget
     * must cover all the region can run before its next check); returns where it stopped, as
     * {@code block << 8 | index}: the region's block and the index in it of the first instruction
     * not run, which is the block's length when the block ran whole and its successor is not in
     * the region, 0 when the budget did not cover what may run from that block (the entry block
     * too), or an instruction with no fast path or whose fast-path check failed, or the
     * one after a store that wrote over decoded code ({@link Cpu#blockExit} is then set).
     *
     * <p>Before returning it has written the registers to {@code r}, the branch outcome of the
     * exit block to {@link BlockCore#jitTaken} and {@link BlockCore#jitTarget}, the exit's link
     * slot to {@link BlockCore#jitLink}, and added the number of instructions of the blocks it ran
     * whole before the exit block to {@link BlockCore#jitRetired}: the caller accounts for those,
     * then finishes the exit block as it finishes any compiled block ({@link BlockCore}'s runFrom).
     *
     * <p>An exit after a whole block, to a pc outside the region, may instead call the region
     * linked at that exit ({@link Region#linked}, of {@link BlockCore#jitSelf}): this region's
     * part added to jitRetired, jitSelf and jitVpc set to the other, which runs with the budget
     * left and whose result is returned as this one's.
     */
    int run(int[] r, Cpu cpu, BlockCore core, boolean user, int vpc, int budget);
}
