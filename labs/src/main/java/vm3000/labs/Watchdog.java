package vm3000.labs;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.interp.Cp0Interpreter;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.time.VirtualTime;

/**
 * Stops a run whose VMM goes round without the VM getting anywhere: a mistake in a student's
 * part can make the VMMs of a stack hand the same trap back and forth forever while the VM's time
 * stands still, where the VM's instruction limit cannot end the run. Every call of a part is
 * counted, and past {@code max} calls the run ends with {@link Runaway}: deterministic, unlike
 * a timeout, so the grader's verdict is the same on every machine.
 */
final class Watchdog {
    private final long max;
    private long calls;
    /** Calls by part (and for a shadow TLB fault, by the outcome it gave), for naming the loop. */
    private final java.util.Map<String, Long> byPart = new java.util.HashMap<>();

    private Watchdog(long max) { this.max = max; }

    /** The run went on for more than the calls allowed. */
    static final class Runaway extends RuntimeException {
        Runaway(long max, String part, long calls) {
            super("the VMMs called the exercise's parts more than " + max + " times, with the VM not finishing: "
                    + "they go round without the VM making progress; most of the calls (" + calls + ") were "
                    + part);
        }
    }

    private void tick(String part) {
        byPart.merge(part, 1L, Long::sum);
        if (++calls > max) {
            var most = java.util.Collections.max(byPart.entrySet(), java.util.Map.Entry.comparingByValue());
            throw new Runaway(max, most.getKey(), most.getValue());
        }
    }

    /** {@code parts}, each call counted against {@code max}. */
    static VmmParts wrap(VmmParts parts, long max) {
        Watchdog w = new Watchdog(max);
        Cp0Interpreter c = parts.cp0();
        ExceptionEntry e = parts.exceptions();
        VirtualTime t = parts.time();
        ShadowPaging.Factory s = parts.shadowPaging();
        return new VmmParts(new Cp0Interpreter() {
            @Override public boolean privileged(VirtualMachine vm) { w.tick("Cp0Interpreter.privileged"); return c.privileged(vm); }
            @Override public int mfc0(VirtualMachine vm, int rd, int sel) { w.tick("Cp0Interpreter.mfc0"); return c.mfc0(vm, rd, sel); }
            @Override public boolean mtc0(VirtualMachine vm, int rd, int sel, int value) { w.tick("Cp0Interpreter.mtc0"); return c.mtc0(vm, rd, sel, value); }
        }, e == null ? null : new ExceptionEntry() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                w.tick("ExceptionEntry.enter");
                return e.enter(cp0, excCode, ce, pc, inDelaySlot, utlb);
            }
            @Override public void rfe(Cp0 cp0) { w.tick("ExceptionEntry.rfe"); e.rfe(cp0); }
        }, s == null ? null : real -> w.counted(s.of(real)), new VirtualTime() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) { w.tick("VirtualTime.budget"); return t.budget(vm, sliceEnd); }
            @Override public long ranFor(long budget, int count, int cause) { w.tick("VirtualTime.ranFor"); return t.ranFor(budget, count, cause); }
            @Override public long charge(Ending ending, long cycles) { w.tick("VirtualTime.charge(" + ending + ")"); return t.charge(ending, cycles); }
        });
    }

    /** {@code p}, each call counted. */
    private ShadowPaging counted(ShadowPaging p) {
        return new ShadowPaging() {
            @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) {
                tick("ShadowPaging.tlbFault");
                Outcome o = p.tlbFault(vm, excCode, badVAddr);
                byPart.merge("ShadowPaging.tlbFault", -1L, Long::sum);
                byPart.merge("ShadowPaging.tlbFault returning " + o, 1L, Long::sum);
                return o;
            }
            @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {
                tick("ShadowPaging.guestEntryReplaced");
                p.guestEntryReplaced(vm, oldHi, oldLo);
            }
            @Override public int hostAsid(VirtualMachine vm) { tick("ShadowPaging.hostAsid"); return p.hostAsid(vm); }
            @Override public long recycles() { return p.recycles(); }
        };
    }
}
