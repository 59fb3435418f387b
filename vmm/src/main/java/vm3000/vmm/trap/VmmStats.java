package vm3000.vmm.trap;

import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

/**
 * The exact event counts of one VMM level: monitor entries by cause (traps from direct execution
 * by ExcCode; sensitive instructions by instruction, whether a guest kernel's interpreted one or
 * an upper monitor's call through its {@code TrappingMachineControl}), shadow-TLB refills, ASID
 * recycles, and guest instructions interpreted versus run directly.
 */
public final class VmmStats {
    private final int level;
    final long[] traps = new long[16];
    final long[] sensitive = new long[Op.values().length];
    long shadowRefills;
    long asidRecycles;
    long interpreted;
    long direct;
    long slices;
    long switches;

    VmmStats(int level) { this.level = level; }

    public int level() { return level; }
    public long traps(int excCode) { return traps[excCode]; }
    public long sensitive(Op op) { return sensitive[op.ordinal()]; }
    public long shadowRefills() { return shadowRefills; }
    public long asidRecycles() { return asidRecycles; }
    public long interpreted() { return interpreted; }
    public long direct() { return direct; }
    /** Time slices given to the VMs, and changes from one VM to another. */
    public long slices() { return slices; }
    public long switches() { return switches; }

    public long trapEntries() {
        long n = 0;
        for (long t : traps) n += t;
        return n;
    }

    public long sensitiveEntries() {
        long n = 0;
        for (long t : sensitive) n += t;
        return n;
    }

    /** Every entry into this level's monitor: traps plus emulated sensitive instructions. */
    public long monitorEntries() { return trapEntries() + sensitiveEntries(); }

    /** The sensitive instructions a VMM level interprets: CP0's. */
    static final Op[] SENSITIVE = {Op.MFC0, Op.MTC0, Op.TLBR, Op.TLBWI, Op.TLBWR, Op.TLBP, Op.RFE, Op.WAIT};

    /** The counters of {@link #report()} by name, every trap code and sensitive instruction included (zeros too). */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("level", level);
        m.put("monitor_entries", monitorEntries());
        m.put("trap_entries", trapEntries());
        m.put("sensitive_entries", sensitiveEntries());
        java.util.Map<String, Long> byCode = new java.util.LinkedHashMap<>();
        for (int c = 0; c < traps.length; c++) byCode.put(ExcCode.name(c), traps[c]);
        m.put("traps_by_code", byCode);
        java.util.Map<String, Long> byInsn = new java.util.LinkedHashMap<>();
        for (Op op : SENSITIVE) byInsn.put(op.name().toLowerCase(java.util.Locale.ROOT), sensitive[op.ordinal()]);
        m.put("sensitive_by_instruction", byInsn);
        m.put("memory_traps", 0L);
        m.put("time_slices", slices);
        m.put("vm_switches", switches);
        m.put("instructions_interpreted", interpreted);
        m.put("instructions_direct", direct);
        m.put("shadow_tlb_refills", shadowRefills);
        m.put("asid_recycles", asidRecycles);
        return m;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("level %d: monitor entries %d (traps %d, sensitive instructions %d)%n", level,
                monitorEntries(), trapEntries(), sensitiveEntries()));
        for (int c = 0; c < traps.length; c++) {
            if (traps[c] != 0) sb.append(String.format("  trap %-5s %d%n", ExcCode.name(c), traps[c]));
        }
        for (Op op : Op.values()) {
            if (sensitive[op.ordinal()] != 0) sb.append(String.format("  insn %-5s %d%n", op.name().toLowerCase(java.util.Locale.ROOT), sensitive[op.ordinal()]));
        }
        sb.append(String.format("  memory traps 0, time slices %d, VM switches %d%n", slices, switches));
        sb.append(String.format("  instructions interpreted %d, run directly %d%n", interpreted, direct));
        sb.append(String.format("  shadow-TLB refills %d, ASID recycles %d%n", shadowRefills, asidRecycles));
        return sb.toString();
    }
}
