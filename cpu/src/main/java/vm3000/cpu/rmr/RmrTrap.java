package vm3000.cpu.rmr;

import vm3000.cpu.mmu.Access;

/**
 * What a monitor learns of a trap routed to it from the levels above (docs/rmr.md, "The trap
 * record"). Everything is relative: {@code depth} counts levels above the handler (1: its own
 * child), never an absolute level. The same fields reach a MIPS-coded monitor as words of its
 * LRMR block.
 *
 * @param kind   why control came down
 * @param depth  levels above the handler that are suspended (the trap came from the top one)
 * @param paddr  MEMORY: the address in the handler's child's physical space
 * @param access MEMORY: load, store or fetch; null otherwise
 * @param size   MEMORY: 1, 2 or 4
 * @param data   MEMORY store: the value stored (its low {@code size} bytes); HALT: the exit code
 * @param time   the handler's child's own cycles when the trap happened (its virtual time)
 * @param insn   the instruction word that trapped (0 for an interrupt or a fetch)
 * @param pc     the trapping level's pc: the instruction that trapped (MEMORY), was preempted
 *               (INTERRUPT) or stopped the level (MACHINE_CHECK); the WAIT or LRMR that retired
 * @param message MACHINE_CHECK: the diagnostic; else null
 */
public record RmrTrap(Kind kind, int depth, int paddr, Access access, int size, int data, long time, int insn, int pc,
                      String message) {
    /** The kinds of routed trap; their ordinal is the code in an LRMR block and in the counters. */
    public enum Kind {
        /** An access beyond a window's bound, or into a nested level's device range. */
        MEMORY,
        /** A lower level's interrupt (its timer, say) preempted the levels above it. */
        INTERRUPT,
        /** A WAIT at the child with none of its hardware lines up: only the owner drives them. */
        WAIT,
        /** The child halted (LRMR HALT), with an exit code. */
        HALT,
        /** The child made a machine check (duplicate TLB entries, cache control, ...): it is stopped. */
        MACHINE_CHECK;

        /** The code in an LRMR block's KIND word: 1..4. */
        public int code() { return ordinal() + 1; }
    }
}
