package vm3000.bench.matrix;

/**
 * How a run ended and what the guest saw: the power state, the console transcript, the guest's
 * cycles and its own counters. Two runs are equivalent when all of it is equal; a configuration
 * whose run is not equivalent to the bare run is excluded from the report. The guest's own
 * counters are -1 where the scheme does not keep them: a trap-and-emulate VM's CPU counts only
 * what runs directly, not what its VMM interprets or emulates (its state, cycles included, is
 * exact all the same: the vmm module's equivalence tests compare it).
 */
public record Outcome(String reason, int exitCode, String transcript, long cycles, long instructions,
                      long exceptions, long tlbWrites) {
    /** Where this run differs from {@code bare}, in words; null if it does not. */
    public String differenceFrom(Outcome bare) {
        if (!reason.equals(bare.reason) || exitCode != bare.exitCode) {
            return "stopped by " + reason + " with exit code " + exitCode + ", bare by " + bare.reason + " with " + bare.exitCode;
        }
        if (!transcript.equals(bare.transcript)) return "printed a different transcript";
        if (cycles != bare.cycles) return "took " + cycles + " cycles, bare " + bare.cycles;
        if (instructions < 0 || bare.instructions < 0) return null;
        if (instructions != bare.instructions) return "executed " + instructions + " instructions, bare " + bare.instructions;
        if (exceptions != bare.exceptions) return "took " + exceptions + " exceptions, bare " + bare.exceptions;
        if (tlbWrites != bare.tlbWrites) return "wrote the TLB " + tlbWrites + " times, bare " + bare.tlbWrites;
        return null;
    }
}
