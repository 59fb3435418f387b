package vm3000.cpu.core;

import vm3000.cpu.cp0.ExcCode;

/** Event counts of one machine run: exact, deterministic, printed at power-off by {@code --stats}. */
public final class Counters {
    long userInstructions;
    long kernelInstructions;
    final long[] exceptions = new long[16];
    long utlbRefills;
    long tlbWrites;
    /**
     * Traps routed to this level from the levels above it (an RMR-stack machine), by kind: the
     * monitor entries of this level. Indexed by {@link #ENTRY_KINDS}.
     */
    final long[] entries = new long[ENTRY_KINDS.length];

    /** The kinds of routed trap, as {@code --stats} names them. */
    public static final String[] ENTRY_KINDS = {"memory", "interrupt", "wait", "halt", "machine check"};

    /** One more routed trap of kind {@code kind} (an index of {@link #ENTRY_KINDS}). */
    public void countEntry(int kind) { entries[kind]++; }

    public long entries(int kind) { return entries[kind]; }

    public long totalEntries() {
        long n = 0;
        for (long e : entries) n += e;
        return n;
    }

    public long userInstructions() { return userInstructions; }
    public long kernelInstructions() { return kernelInstructions; }
    public long instructions() { return userInstructions + kernelInstructions; }
    public long exceptions(int excCode) { return exceptions[excCode]; }
    public long interrupts() { return exceptions[ExcCode.INT]; }
    public long utlbRefills() { return utlbRefills; }
    public long tlbWrites() { return tlbWrites; }

    public long totalExceptions() {
        long n = 0;
        for (long e : exceptions) n += e;
        return n;
    }

    /** The counters as a multi-line report, in a fixed order. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("instructions: %d (user %d, kernel %d)%n", instructions(), userInstructions, kernelInstructions));
        sb.append(String.format("exceptions: %d%n", totalExceptions()));
        for (int c = 0; c < exceptions.length; c++) {
            if (exceptions[c] != 0) sb.append(String.format("  %-5s %d%n", ExcCode.name(c), exceptions[c]));
        }
        sb.append(String.format("interrupts: %d%n", interrupts()));
        sb.append(String.format("utlb refills: %d%n", utlbRefills));
        sb.append(String.format("tlb writes: %d%n", tlbWrites));
        if (totalEntries() != 0) {
            sb.append(String.format("monitor entries: %d", totalEntries()));
            for (int k = 0; k < entries.length; k++) {
                if (entries[k] != 0) sb.append(String.format(" (%s %d)", ENTRY_KINDS[k], entries[k]));
            }
            sb.append(String.format("%n"));
        }
        return sb.toString();
    }

    /**
     * The same counters as {@link #report()}, by name, for a tool to read ({@code --stats-json}):
     * every exception code and entry kind, zeros included.
     */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("instructions", instructions());
        m.put("user_instructions", userInstructions);
        m.put("kernel_instructions", kernelInstructions);
        m.put("exceptions", totalExceptions());
        java.util.Map<String, Long> byCode = new java.util.LinkedHashMap<>();
        for (int c = 0; c < exceptions.length; c++) byCode.put(ExcCode.name(c), exceptions[c]);
        m.put("exceptions_by_code", byCode);
        m.put("interrupts", interrupts());
        m.put("utlb_refills", utlbRefills);
        m.put("tlb_writes", tlbWrites);
        m.put("monitor_entries", totalEntries());
        java.util.Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        for (int k = 0; k < entries.length; k++) byKind.put(ENTRY_KINDS[k], entries[k]);
        m.put("monitor_entries_by_kind", byKind);
        return m;
    }

    /** A value-comparable snapshot, for determinism and differential tests. */
    public String snapshot() { return report(); }
}
