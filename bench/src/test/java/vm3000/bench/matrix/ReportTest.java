package vm3000.bench.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's arithmetic on a synthetic result set, worked by hand. */
class ReportTest {
    static final CostModel MODEL = new CostModel(100, 20);

    static Timing ms(double median) { return new Timing(median, median - 0.1, median + 0.1, median, 0.01, 10); }

    static Outcome guest(long cycles) { return new Outcome("POWER_OFF", 0, "ok\n", cycles, cycles, 3, 0); }

    static LevelCounts level(int level, Map<String, Long> entries, long interpreted) {
        return new LevelCounts(level, entries, interpreted, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Workload k, per operation, n = 100. bare: 2.0 ms with n, 1.0 ms with 0: 10,000 ns/op;
     * 1,000 cycles with 0, 2,000 with n: 10 cycles/op. trap-1: 4.0 / 1.0 ms: 30,000 ns/op, 3×;
     * one level with 40 entries (Sys) and 500 interpreted instructions with 0 iterations, 440 (Sys
     * 240, mtc0 200) and 1,500 with n. rmr-2: 2.6 / 1.1 ms: 15,000 ns/op, 1.5×; two levels,
     * level 0 always 7 memory entries, level 1 3 then 53 (memory 50, interrupt 3); 30 level
     * switches then 130. rmr-1: excluded. Workload w, whole run: bare 50 ms, trap-1 150 ms.
     */
    static Report report() {
        Counts bareFixed = new Counts(guest(1000), List.of(), 0), bareFull = new Counts(guest(2000), List.of(), 0);
        Counts trapFixed = new Counts(guest(1000), List.of(level(0, Map.of("Sys", 40L), 500)), 0);
        Counts trapFull = new Counts(guest(2000), List.of(level(0, Map.of("Sys", 240L, "mtc0", 200L), 1500)), 0);
        Counts rmrFixed = new Counts(guest(1000), List.of(level(0, Map.of("memory", 7L), 0), level(1, Map.of("memory", 3L), 0)), 30);
        Counts rmrFull = new Counts(guest(2000), List.of(level(0, Map.of("memory", 7L), 0),
                level(1, Map.of("memory", 50L, "interrupt", 3L), 0)), 130);
        Counts wBare = new Counts(guest(5000), List.of(), 0);
        Counts wTrap = new Counts(guest(5000), List.of(level(0, Map.of("Sys", 10L), 1000)), 0);
        return new Report(List.of(
                new Cell("k", "bare", true, 100, 0, ms(2.0), ms(1.0), bareFull, bareFixed, null),
                new Cell("k", "trap-1", true, 100, 0, ms(4.0), ms(1.0), trapFull, trapFixed, null),
                new Cell("k", "rmr-1", true, 100, 0, null, null, rmrFull, rmrFixed, "its run differs from bare: it took 2001 cycles, bare 2000"),
                new Cell("k", "rmr-2", true, 100, 0, ms(2.6), ms(1.1), rmrFull, rmrFixed, null),
                new Cell("w", "bare", false, 1, 0, ms(50), null, wBare, null, null),
                new Cell("w", "trap-1", false, 1, 0, ms(150), null, wTrap, null, null)), MODEL);
    }

    @Test
    void timePerOperation_isTheDifferenceOverN_andSlowdownIsItsRatioToBare() {
        Report r = report();
        assertEquals(10_000, Report.nsPerOp(r.cell("k", Config.BARE)), 1e-6);
        assertEquals(30_000, Report.nsPerOp(r.cell("k", Config.parse("trap-1"))), 1e-6);
        assertEquals(3.0, r.slowdown(r.cell("k", Config.parse("trap-1"))), 1e-9);
        assertEquals(1.5, r.slowdown(r.cell("k", Config.parse("rmr-2"))), 1e-9);
        assertEquals(1.0, r.slowdown(r.cell("k", Config.BARE)), 1e-9);
        // whole-run workload: the run's time
        assertEquals(50e6, Report.nsPerOp(r.cell("w", Config.BARE)), 1e-3);
        assertEquals(3.0, r.slowdown(r.cell("w", Config.parse("trap-1"))), 1e-9);
    }

    @Test
    void theFixedRunOfLowIterations_isTakenOffOverNMinusLow() {
        Counts c = new Counts(guest(1000), List.of(), 0);
        Cell x = new Cell("k", "bare", true, 300, 100, ms(3.0), ms(1.0), c, c, null);
        assertEquals(10_000, Report.nsPerOp(x), 1e-6); // 2 ms over 200 operations
        assertEquals(1_000, Report.nsSpread(x), 1e-6); // (0.2 + 0.2) / 2 ms over 200
    }

    @Test
    void spread_isHalfTheInterquartileRangePerOperation_addedRelatively() {
        Report r = report();
        // q3 - q1 = 0.2 ms in both runs; half their sum over n = 100: 2,000 ns
        assertEquals(2_000, Report.nsSpread(r.cell("k", Config.BARE)), 1e-6);
        // 3 × (2000/30000 + 2000/10000) = 0.8
        assertEquals(0.8, r.slowdownSpread(r.cell("k", Config.parse("trap-1"))), 1e-9);
    }

    @Test
    void entriesPerOperation_perLevelAndByCause() {
        Report r = report();
        assertArrayEquals(new double[] {4.0}, Report.entriesPerOp(r.cell("k", Config.parse("trap-1"))), 1e-9);
        assertArrayEquals(new double[] {0.0, 0.5}, Report.entriesPerOp(r.cell("k", Config.parse("rmr-2"))), 1e-9);
        assertArrayEquals(new double[0], Report.entriesPerOp(r.cell("k", Config.BARE)));
        assertEquals(Map.of("Sys", 2.0, "mtc0", 2.0), Report.entriesPerOpByCause(r.cell("k", Config.parse("trap-1"))).get(0));
        assertEquals(Map.of("memory", 0.47, "interrupt", 0.03), Report.entriesPerOpByCause(r.cell("k", Config.parse("rmr-2"))).get(1));
        assertEquals(Map.of(), Report.entriesPerOpByCause(r.cell("k", Config.parse("rmr-2"))).get(0));
        assertEquals(1.0, Report.levelSwitchesPerOp(r.cell("k", Config.parse("rmr-2"))), 1e-9);
        assertEquals(10.0, Report.perOp(r.cell("k", Config.parse("trap-1")), LevelCounts::interpreted), 1e-9);
        assertEquals(10.0, Report.totalEntriesPerOp(r.cell("w", Config.parse("trap-1"))), 1e-9);
    }

    @Test
    void modelledCost_chargesEntriesAndInterpretedInstructions() {
        Report r = report();
        // bare: 10 cycles/op. trap-1: 10 + 4 entries × 100 + 10 interpreted × 20 = 610; 61×.
        assertEquals(10, r.modelledPerOp(r.cell("k", Config.BARE)), 1e-9);
        assertEquals(610, r.modelledPerOp(r.cell("k", Config.parse("trap-1"))), 1e-9);
        assertEquals(61, r.modelledSlowdown(r.cell("k", Config.parse("trap-1"))), 1e-9);
        // rmr-2: 10 + 0.5 × 100 = 60; 6×.
        assertEquals(6, r.modelledSlowdown(r.cell("k", Config.parse("rmr-2"))), 1e-9);
        // whole run: 5000 + 10 × 100 + 1000 × 20 = 26,000 over 5,000
        assertEquals(5.2, r.modelledSlowdown(r.cell("w", Config.parse("trap-1"))), 1e-9);
        // another model, another figure
        Report cheap = new Report(r.cells(), new CostModel(0, 0));
        assertEquals(1.0, cheap.modelledSlowdown(cheap.cell("k", Config.parse("trap-1"))), 1e-9);
    }

    @Test
    void anExcludedCell_givesNoFigure_andIsNamedWithWhy() {
        Report r = report();
        Cell ex = r.cell("k", Config.parse("rmr-1"));
        assertTrue(Double.isNaN(Report.nsPerOp(ex)));
        assertTrue(Double.isNaN(r.slowdown(ex)));
        assertTrue(Double.isNaN(r.modelledSlowdown(ex)));
        assertNull(Report.entriesPerOp(ex));
        assertEquals(List.of(ex), r.excluded());
        String md = r.markdown("# test\n", List.<String[]>of(new String[] {"c-compute", "mips-linux-gnu-gcc not found"}));
        assertTrue(md.contains("- excluded: `k` rmr-1: its run differs from bare: it took 2001 cycles, bare 2000"), md);
        assertTrue(md.contains("- skipped: `c-compute`: mips-linux-gnu-gcc not found"), md);
        String row = md.lines().filter(l -> l.startsWith("| `k` | 10,000 ns/op")).findFirst().orElseThrow();
        // bare | trap-1 | trap-2 | trap-3 | trap-4 | rmr-1 | rmr-2 ...
        String[] cols = row.split("\\|");
        assertTrue(cols[3].strip().startsWith("3.00×"), row);
        assertEquals("—", cols[7].strip(), row);
        assertTrue(cols[8].strip().startsWith("1.50×"), row);
        assertFalse(md.contains("NaN"), md);
    }

    @Test
    void outcome_namesTheFirstDifference_andIgnoresCountersTheSchemeDoesNotKeep() {
        Outcome bare = guest(2000);
        assertNull(bare.differenceFrom(bare));
        assertEquals("took 2001 cycles, bare 2000", guest(2001).differenceFrom(bare));
        assertEquals("printed a different transcript",
                new Outcome("POWER_OFF", 0, "ok?\n", 2000, 2000, 3, 0).differenceFrom(bare));
        assertEquals("stopped by MACHINE_CHECK with exit code 0, bare by POWER_OFF with 0",
                new Outcome("MACHINE_CHECK", 0, "ok\n", 2000, 2000, 3, 0).differenceFrom(bare));
        assertEquals("took 4 exceptions, bare 3", new Outcome("POWER_OFF", 0, "ok\n", 2000, 2000, 4, 0).differenceFrom(bare));
        assertNull(new Outcome("POWER_OFF", 0, "ok\n", 2000, -1, -1, -1).differenceFrom(bare));
    }

    @Test
    void configurations_parseAndRefuseWhatIsNotThere() {
        assertEquals(9, Config.all().size());
        for (Config c : Config.all()) assertEquals(c, Config.parse(c.name()));
        for (String bad : new String[] {"trap-0", "rmr-5", "trap", "bare-1", "x-1", ""}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Config.parse(bad));
            assertTrue(e.getMessage().contains("unknown configuration"), e.getMessage());
        }
    }
}
