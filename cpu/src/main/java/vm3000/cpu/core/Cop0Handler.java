package vm3000.cpu.core;

import vm3000.cpu.isa.Op;

/**
 * Takes over the CP0 instructions (MFC0, MTC0, TLBR, TLBWI, TLBWR, TLBP, RFE, WAIT) of a CPU,
 * privilege check included. A virtual machine monitor installs one on the CPU that interprets a
 * guest's kernel mode, so that each sensitive instruction goes to the monitor's interpreter for
 * it, and the monitor's guard decides whether it may run (in user mode without Status.CU0 the
 * guard raises CpU, as the CPU itself does without a handler). Returns true if the instruction
 * retired (the CPU then advances the PC), false if it raised an exception or must be retried.
 */
@FunctionalInterface
public interface Cop0Handler {
    boolean execute(Cpu cpu, Op op, int word);
}
