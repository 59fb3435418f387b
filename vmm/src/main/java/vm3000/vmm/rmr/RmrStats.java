package vm3000.vmm.rmr;

import vm3000.cpu.core.Counters;
import vm3000.cpu.rmr.RmrTrap;

/**
 * The exact event counts of one RMR VMM, named as the trap-and-emulate VMM's where they mean the
 * same (docs/vmm.md, "Counters"): monitor entries by cause (the traps the hardware routed here),
 * device accesses emulated and bus errors given, time slices and VM switches, and instructions
 * interpreted (none: guest kernels run directly) versus run directly by this VMM's VMs.
 */
public final class RmrStats {
    private final int level;
    final long[] entries = new long[RmrTrap.Kind.values().length];
    long deviceAccesses;
    long busErrors;
    long slices;
    long switches;
    long direct;

    RmrStats(int level) { this.level = level; }

    public int level() { return level; }
    public long entries(RmrTrap.Kind kind) { return entries[kind.ordinal()]; }
    public long deviceAccesses() { return deviceAccesses; }
    public long busErrors() { return busErrors; }
    public long slices() { return slices; }
    public long switches() { return switches; }
    /** Instructions the VMs ran directly (all of theirs). */
    public long direct() { return direct; }

    public long monitorEntries() {
        long n = 0;
        for (long e : entries) n += e;
        return n;
    }

    /** The counters of {@link #report()} by name, named as the trap-and-emulate VMM's where they mean the same. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("level", level);
        m.put("monitor_entries", monitorEntries());
        java.util.Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        for (RmrTrap.Kind k : RmrTrap.Kind.values()) byKind.put(Counters.ENTRY_KINDS[k.ordinal()], entries[k.ordinal()]);
        m.put("monitor_entries_by_kind", byKind);
        m.put("memory_traps", entries[RmrTrap.Kind.MEMORY.ordinal()]);
        m.put("device_accesses", deviceAccesses);
        m.put("bus_errors", busErrors);
        m.put("time_slices", slices);
        m.put("vm_switches", switches);
        m.put("instructions_interpreted", 0L);
        m.put("instructions_direct", direct);
        return m;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("level %d: monitor entries %d", level, monitorEntries()));
        for (RmrTrap.Kind k : RmrTrap.Kind.values()) {
            if (entries[k.ordinal()] != 0) sb.append(String.format(" (%s %d)", Counters.ENTRY_KINDS[k.ordinal()], entries[k.ordinal()]));
        }
        sb.append(String.format("%n  memory traps %d (device accesses %d, bus errors %d), time slices %d, VM switches %d%n",
                entries[RmrTrap.Kind.MEMORY.ordinal()], deviceAccesses, busErrors, slices, switches));
        sb.append(String.format("  instructions interpreted 0, run directly %d%n", direct));
        return sb.toString();
    }
}
