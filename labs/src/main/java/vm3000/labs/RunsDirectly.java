package vm3000.labs;

import vm3000.vmm.trap.VmmParts;

/**
 * A check that a kernel runs in a VM exactly as bare (its whole run) and that the VMM ran its user
 * mode in long direct runs, one time slice at a time: at most {@code maxRuns} direct runs, and at
 * least {@code minTimerEnds} of them ended by the VMM's own timer (the kernel's user mode spans that
 * many slice ends). The counts are the VMM's, not the guest's: a VMM that traps on every
 * instruction, or never stops at a slice end, runs the guest exactly but not as a VMM should.
 */
public record RunsDirectly(String name, String kernel, String args, long minTimerEnds, long maxRuns, String hint)
        implements Check {
    @Override
    public String failure(LabParts lab) throws Exception {
        VmmParts parts = lab.vmm();
        SameAsBare same = new SameAsBare(name, kernel, args, 1, line -> true, true, hint);
        GuestRun b = SameAsBare.bare(kernel, args);
        GuestRun v = same.vm(parts, 2 * b.cycles() + 1_000_000);
        String f = same.differs(b, v);
        if (f != null) return f;
        if (v.directRuns() > maxRuns) {
            return String.format("%s: the VMM ran the VM's user mode in %d direct runs, more than %d: a run ends before "
                    + "it must. %s", same.where(), v.directRuns(), maxRuns, hint);
        }
        if (v.timerEnds() < minTimerEnds) {
            return String.format("%s: %d of the VMM's direct runs ended at its own timer, fewer than the %d slice ends "
                    + "its user mode spans: a run went on past the end of its time slice. %s", same.where(), v.timerEnds(),
                    minTimerEnds, hint);
        }
        return null;
    }
}
