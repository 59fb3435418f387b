package vm3000.bench.matrix;

import java.util.Map;

/**
 * The exact counts of one monitor level of a run (docs/vmm.md "Counters", docs/rmr.md):
 * monitor entries by cause (trap-and-emulate: traps by exception code, e.g. {@code Sys}, and
 * emulated sensitive instructions, e.g. {@code mtc0}; RMR: routed traps by kind, e.g.
 * {@code memory}), guest instructions interpreted and run directly, memory traps, shadow-TLB
 * refills, ASID recycles, time slices and VM switches.
 */
public record LevelCounts(int level, Map<String, Long> entries, long interpreted, long direct, long memoryTraps,
                          long shadowRefills, long asidRecycles, long slices, long switches) {
    public long totalEntries() {
        long n = 0;
        for (long e : entries.values()) n += e;
        return n;
    }
}
