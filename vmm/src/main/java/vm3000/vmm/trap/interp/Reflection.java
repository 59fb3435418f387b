package vm3000.vmm.trap.interp;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExceptionEntry;

/**
 * Exception reflection on a VM's shadow CP0: what the R3000 does on exception entry, done by the
 * VMM to the VM's registers so that the guest kernel finds them exactly as on a bare machine, and
 * RFE's pop. The VM's virtual CPU calls it whenever the VM takes an exception (one the VMM
 * reflects from direct execution, or one of its interpreted kernel code); the virtual CPU then
 * continues at the vector returned.
 *
 * <p>The method bodies are exercise 2 of the course labs: the student tree has them removed
 * between the {@code lab 2} markers (docs/labs/ex2.md).
 */
public final class Reflection implements ExceptionEntry {
    /** The vectors with Status.BEV clear: UTLB refill and general exception (kseg0). */
    public static final int UTLB_VECTOR = 0x80000000, GENERAL_VECTOR = 0x80000080;
    /** With Status.BEV set: the boot ROM's (kseg1). */
    public static final int BEV_UTLB_VECTOR = 0xbfc00100, BEV_GENERAL_VECTOR = 0xbfc00180;

    @Override
    public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlbRefill) {
        // lab 2 begin: exception entry
        cp0.setEpc(inDelaySlot ? pc - 4 : pc); // in a delay slot: the branch, which the handler returns to
        int software = cp0.cause() & Cp0.CAUSE_SW_MASK;
        cp0.setCauseFields(software | (inDelaySlot ? Cp0.CAUSE_BD : 0) | ((ce & 3) << 28) | (excCode << 2));
        int status = cp0.status();
        cp0.setStatus((status & ~0x3F) | ((status << 2) & 0x3C));
        boolean bev = (status & Cp0.SR_BEV) != 0;
        if (utlbRefill) return bev ? BEV_UTLB_VECTOR : UTLB_VECTOR;
        return bev ? BEV_GENERAL_VECTOR : GENERAL_VECTOR;
        // lab 2 end
    }

    @Override
    public void rfe(Cp0 cp0) {
        // lab 2 begin: RFE
        int status = cp0.status();
        cp0.setStatus((status & ~0xF) | ((status >>> 2) & 0xF));
        // lab 2 end
    }
}
