package vm3000.bench.matrix;

/**
 * The modelled cost of a run, in cycles of the machine at the bottom:
 *
 * <pre>modelled cycles = guest cycles + Σ monitor entries × entry + Σ interpreted instructions × interp</pre>
 *
 * In this emulator a monitor entry is a Java call that costs the guest no cycles, and an
 * instruction a VMM interprets costs one cycle like any other; both under-charge the monitors,
 * trap-and-emulate most. {@code entry} is what a monitor written in MIPS spends on one entry
 * (exception entry, save, dispatch, the work, restore, RFE); {@code interp} what a MIPS-coded
 * interpreter spends on one guest instruction beyond the instruction itself. docs/performance.md
 * argues the defaults; {@code vm3000 bench --c-entry N --c-interp N} changes them.
 */
public record CostModel(double entry, double interp) {
    /** rmrmon's memory-trap path, measured (docs/performance.md), rounded up. */
    public static final double DEFAULT_ENTRY = 100;
    /** A decode-dispatch interpreter coded in MIPS: fetch, decode, dispatch, operands, write-back, pc. */
    public static final double DEFAULT_INTERP = 20;
    public static final CostModel DEFAULT = new CostModel(DEFAULT_ENTRY, DEFAULT_INTERP);

    public CostModel {
        // 1e400 parses as Infinity: as silently wrong as a negative cost.
        if (!(entry >= 0) || !(interp >= 0) || Double.isInfinite(entry) || Double.isInfinite(interp)) {
            throw new IllegalArgumentException("cost parameters must be at least 0 and finite");
        }
    }

    /** The modelled cycles of one run with counters {@code c}. */
    public double cycles(Counts c) {
        return c.guest().cycles() + entry * c.totalEntries() + interp * c.interpreted();
    }
}
