package vm3000.vmm.trap.shadow;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
import vm3000.vmm.api.MachineControl;

/**
 * The shadow entries in the level's real TLB, managed only through {@link MachineControl}:
 * guest virtual page | host ASID -> host physical page. Never G, never outside the VM's partition
 * (the caller, the level's {@link ShadowPaging}, decides what to install). An entry is removed by
 * overwriting its slot with an invalid entry whose VPN is a kseg0 page of its own (0x80000000 +
 * slot pages), which can never match a translation nor conflict with another entry.
 */
public final class ShadowTlb {
    private final MachineControl mc;
    private long installs;

    public ShadowTlb(MachineControl mc) { this.mc = mc; }

    /** Installs vpn | hostAsid -> entryLo, replacing an entry for the same page and ASID if any. */
    public void install(int vpn, int hostAsid, int entryLo) {
        mc.mtc0(Cp0.ENTRYHI, (vpn & Tlb.VPN_MASK) | (hostAsid << 6));
        mc.mtc0(Cp0.ENTRYLO, entryLo & ~Tlb.G);
        mc.tlbp();
        if (mc.mfc0(Cp0.INDEX) >= 0) mc.tlbwi(); else mc.tlbwr();
        installs++;
    }

    /** Removes the shadow entry for vpn | hostAsid, if the real TLB holds one. */
    public void invalidate(int vpn, int hostAsid) {
        mc.mtc0(Cp0.ENTRYHI, (vpn & Tlb.VPN_MASK) | (hostAsid << 6));
        mc.tlbp();
        int index = mc.mfc0(Cp0.INDEX);
        if (index < 0) return;
        clearSlot((index >>> 8) & 63);
    }

    /** Every real entry invalid (when the host ASIDs are recycled). */
    public void flush() {
        for (int slot = 0; slot < Tlb.ENTRIES; slot++) clearSlot(slot);
    }

    private void clearSlot(int slot) {
        mc.mtc0(Cp0.INDEX, slot << 8);
        mc.mtc0(Cp0.ENTRYHI, 0x80000000 + (slot << 12));
        mc.mtc0(Cp0.ENTRYLO, 0);
        mc.tlbwi();
    }

    public long installs() { return installs; }
}
