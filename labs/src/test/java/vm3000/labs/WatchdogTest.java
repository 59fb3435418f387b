package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.shadow.ShadowPaging;

/** A run whose parts go round without end is stopped, and the message names the part that repeated. */
class WatchdogTest {
    /** A refill that says it installed an entry and did not: the same fault comes back forever. */
    static final class FalseInstall implements ShadowPaging {
        @Override public Outcome tlbFault(VirtualMachine vm, int excCode, int badVAddr) { return Outcome.INSTALLED; }
        @Override public void guestEntryReplaced(VirtualMachine vm, int oldHi, int oldLo) {}
        @Override public int hostAsid(VirtualMachine vm) { return 1; }
        @Override public long recycles() { return 0; }
    }

    @Test
    void aRunaway_namesThePartAndOutcomeThatRepeated() {
        VmmParts parts = Watchdog.wrap(VmmParts.REFERENCE.withShadowPaging(real -> new FalseInstall()), 10);
        ShadowPaging paging = parts.shadowPaging().of(null);
        paging.hostAsid(null);
        Watchdog.Runaway r = assertThrows(Watchdog.Runaway.class, () -> {
            for (int i = 0; i < 20; i++) paging.tlbFault(null, 2, 0x400000);
        });
        assertTrue(r.getMessage().contains("more than 10 times"), r.getMessage());
        assertTrue(r.getMessage().endsWith("most of the calls (9) were ShadowPaging.tlbFault returning INSTALLED"), r.getMessage());
    }
}
