package vm3000.cpu.dev;

import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.LamebusDevice;

/**
 * The system board and LAMEbus controller in slot 31 (System/161 doc/lamebus.html, "Bus
 * Controller"). Its 64 KiB are two halves: offsets 0x0000-0x7fff are 32 config regions of 1 KiB,
 * one per slot (VID, DID, DRL at +0, +4, +8), and the controller's own registers at 0x200-0x3ff of
 * its own config region (slot 31, offset 0x7c00); offsets 0x8000-0xffff are 32 CPU control
 * regions of 1 KiB, of which only CPU 0's exists here.
 *
 * <p>The multiprocessor board (VID 1, DID 10, DRL 1) is System/161 2.x's "mainboard" and the
 * default. The old uniprocessor board (VID 1, DID 1, DRL 2, "oldmainboard"/"busctl") has only
 * RAMSZ, IRQS, PWR and IRQE and no CPU regions. vm3000 has one CPU, so CPUS, CPUE and SELF read 1.
 */
public final class Mainboard implements LamebusDevice {
    /** Which of System/161's two controllers this is. */
    public enum Kind { MULTIPROCESSOR, UNIPROCESSOR }

    public static final int CONFIG_SIZE = 0x400;
    public static final int CONFIG_VID = 0x0;
    public static final int CONFIG_DID = 0x4;
    public static final int CONFIG_DRL = 0x8;

    /** The controller's own registers, relative to its config region. */
    public static final int RAMSZ = 0x200;
    public static final int IRQS = 0x204;
    public static final int PWR = 0x208;
    public static final int IRQE = 0x20c;
    public static final int CPUS = 0x210;
    public static final int CPUE = 0x214;
    public static final int SELF = 0x218;

    /** Start of the CPU control regions in the controller's slot. */
    public static final int CPU_REGIONS = 0x8000;
    /** Per-CPU registers, relative to the CPU's region. */
    public static final int CIRQE = 0x0;
    public static final int CIPI = 0x4;
    public static final int CRAM = 0x300;
    public static final int CRAM_END = 0x400;

    private static final int OWN_REGION = Lamebus.CONTROLLER_SLOT * CONFIG_SIZE;

    private final DeviceContext ctx;
    private final Kind kind;
    private int irqe = 0xFFFFFFFF;
    private int cirqe = 0xFFFFFFFF;
    private boolean ipi;
    private final int[] cram = new int[(CRAM_END - CRAM) / 4];

    public Mainboard(DeviceContext ctx, Kind kind) {
        this.ctx = ctx;
        this.kind = kind;
        updateIrqEnable();
    }

    /** The multiprocessor board, System/161 2.x's default. */
    public Mainboard(DeviceContext ctx) { this(ctx, Kind.MULTIPROCESSOR); }

    public Kind kind() { return kind; }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }

    @Override public int deviceId() {
        return kind == Kind.MULTIPROCESSOR ? Sys161Ids.MAINBOARD : Sys161Ids.OLD_MAINBOARD;
    }

    @Override public int revision() {
        return kind == Kind.MULTIPROCESSOR ? Sys161Ids.MAINBOARD_REVISION : Sys161Ids.OLD_MAINBOARD_REVISION;
    }

    /** True while CPU 0 has a pending inter-processor interrupt (CIPI nonzero). */
    public boolean ipiPending() { return ipi; }

    @Override
    public long read(int offset) {
        if (offset >= CPU_REGIONS) return isOld() ? BUS_ERROR : readCpu(offset - CPU_REGIONS);
        int slot = offset / CONFIG_SIZE;
        int reg = offset % CONFIG_SIZE;
        switch (reg) {
            case CONFIG_VID: return configOf(slot, 0);
            case CONFIG_DID: return configOf(slot, 1);
            case CONFIG_DRL: return configOf(slot, 2);
            default: break;
        }
        return offset >= OWN_REGION ? readControl(reg) : BUS_ERROR;
    }

    @Override
    public boolean write(int offset, int value) {
        if (offset >= CPU_REGIONS) return !isOld() && writeCpu(offset - CPU_REGIONS, value);
        return offset >= OWN_REGION && writeControl(offset - OWN_REGION, value);
    }

    private boolean isOld() { return kind == Kind.UNIPROCESSOR; }

    /** VID, DID or DRL of {@code slot}; an empty slot reads 0 in all three. */
    private long configOf(int slot, int which) {
        LamebusDevice d = slot == Lamebus.CONTROLLER_SLOT ? this : ctx.bus().device(slot);
        if (d == null) return 0;
        int v = which == 0 ? d.vendorId() : which == 1 ? d.deviceId() : d.revision();
        return v & 0xFFFFFFFFL;
    }

    private long readControl(int reg) {
        switch (reg) {
            case RAMSZ: return ctx.ramSize() & 0xFFFFFFFFL;
            case IRQS: return ctx.bus().irqLines() & 0xFFFFFFFFL;
            case PWR:
                if (isOld()) {
                    // System/161 wedges on this read; the document calls it undefined.
                    ctx.power().machineCheck("oldmainboard: read from the power register");
                    return 0;
                }
                return 0xFFFFFFFFL;
            case IRQE: return irqe & 0xFFFFFFFFL;
            case CPUS:
            case CPUE:
            case SELF: return isOld() ? BUS_ERROR : 1;
            default: return BUS_ERROR;
        }
    }

    private boolean writeControl(int reg, int value) {
        switch (reg) {
            case PWR:
                if (value == 0) {
                    ctx.power().powerOff(0, "power off");
                } else if (!isOld() && value >= 0) {
                    // Bit 31 is the mainboard itself: other slots on with the board off is no state.
                    ctx.power().machineCheck("mainboard: invalid power state 0x" + Integer.toHexString(value));
                }
                return true;
            case IRQE:
                irqe = value;
                updateIrqEnable();
                return true;
            case CPUE:
                if (isOld()) return false;
                if ((value & 1) == 0) ctx.power().machineCheck("mainboard: CPU 0 disabled through CPUE; no CPU left running");
                return true;
            default:
                return false;
        }
    }

    private long readCpu(int offset) {
        if (offset >= CONFIG_SIZE) return BUS_ERROR; // only CPU 0 is present
        if (offset >= CRAM) return cram[(offset - CRAM) >> 2] & 0xFFFFFFFFL;
        switch (offset) {
            case CIRQE: return cirqe & 0xFFFFFFFFL;
            case CIPI: return ipi ? 0xFFFFFFFFL : 0;
            default: return BUS_ERROR;
        }
    }

    private boolean writeCpu(int offset, int value) {
        if (offset >= CONFIG_SIZE) return false;
        if (offset >= CRAM) {
            cram[(offset - CRAM) >> 2] = value;
            return true;
        }
        switch (offset) {
            case CIRQE:
                cirqe = value;
                updateIrqEnable();
                return true;
            case CIPI:
                ipi = value != 0;
                ctx.bus().setIpi(ipi);
                return true;
            default:
                return false;
        }
    }

    /** CIRQE is applied downstream of IRQE: a slot interrupts the CPU only if both enable it. */
    private void updateIrqEnable() {
        ctx.bus().setIrqEnable(isOld() ? irqe : irqe & cirqe);
    }
}
