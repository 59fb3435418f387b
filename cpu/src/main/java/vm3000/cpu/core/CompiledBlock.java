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
     */
    int run(int[] r, Cpu cpu, BlockCore core, boolean user, int vpc);
}
