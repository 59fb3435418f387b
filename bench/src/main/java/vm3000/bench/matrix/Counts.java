package vm3000.bench.matrix;

import java.util.List;

/**
 * The counters of one run: the guest's outcome, every monitor level's counts (level 0 first;
 * none on the bare machine) and, on an RMR machine, the level switches of the hardware.
 */
public record Counts(Outcome guest, List<LevelCounts> levels, long levelSwitches) {
    public long totalEntries() {
        long n = 0;
        for (LevelCounts l : levels) n += l.totalEntries();
        return n;
    }

    public long interpreted() {
        long n = 0;
        for (LevelCounts l : levels) n += l.interpreted();
        return n;
    }
}
