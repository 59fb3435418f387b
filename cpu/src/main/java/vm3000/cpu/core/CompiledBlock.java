package vm3000.cpu.core;

/**
 * A hot {@link Block} translated to JVM bytecode by {@link BlockCompiler}: its fast-path
 * instructions in a straight line, with the guest registers in locals.
 */
interface CompiledBlock {
    /**
     * Runs the block's instructions from the first, entered at virtual {@code vpc} in mode
     * {@code user}, on the fast path only, and returns the index of the first instruction it did
     * not run: the block's length when it ran all of it; an instruction it has no fast path for,
     * or whose fast-path check failed (the caller runs it and the rest as {@link BlockCore} always
     * does); or the one after a store that wrote over decoded code ({@link Cpu#blockExit} is then
     * set). Before returning it has written the registers to {@code r} and the branch outcome,
     * if the branch ran, to {@link BlockCore#jitTaken} and {@link BlockCore#jitTarget}.
     *
     * <p>A block whose branch is taken back to its own entry (a loop that is one block) runs
     * again from its first instruction, up to {@code loops} more times, as long as each run
     * ends there with nothing that ends a chain ({@link BlockCompiler#mayLoop}). The return
     * value and the branch outcome are then those of the last run, and the number of whole
     * runs before it, which retired all the block's instructions and whose clock, counters and
     * pc the caller has still to account for, is in {@link BlockCore#jitLoops}. The caller
     * chooses {@code loops} so that these runs end before the next device event and the
     * instruction limit: the dispatcher would have chained them one by one.
     */
    int run(int[] r, Cpu cpu, BlockCore core, boolean user, int vpc, int loops);
}
