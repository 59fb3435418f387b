package vm3000.cpu.cp0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.cpu.bus.Clock;

/**
 * The MIPS-161 on-chip timer and the CPU's own time, on a CP0 alone: the clock is advanced the way
 * the cores advance it (an instruction at cycle t runs with the clock at t; events due at t run
 * before it). The rules are System/161's (docs/machine.md, "The on-chip timer"); the guest
 * programs intr/count.s, intr/clock.s and intr/wait.s check the same from MIPS code.
 */
class Cp0TimerTest {
    private final Clock clock = new Clock();
    private final Cp0 cp0 = new Cp0(clock);

    /** Moves the clock to {@code t} and runs what is due, as a core does before the instruction at t. */
    private void at(long t) {
        while (clock.nextEvent() <= t) {
            clock.advanceTo(clock.nextEvent());
            clock.runDue();
        }
        clock.advanceTo(t);
    }

    private boolean line() { return (cp0.cause() & Cp0.IP_TIMER) != 0; }

    @Test
    void reset_countOneCompareZeroRandom63EntryHi() {
        assertEquals(1, cp0.read(Cp0.COUNT, 0));
        assertEquals(0, cp0.read(Cp0.COMPARE, 0));
        assertEquals(63 << 8, cp0.read(Cp0.RANDOM, 0));
        assertEquals(0x8104_0000, cp0.read(Cp0.ENTRYHI, 0));
        assertEquals(Long.MAX_VALUE, clock.nextEvent(), "the timer is off until Compare is written");
    }

    @Test
    void countWrapsOntoUnwrittenCompare_noInterrupt() {
        cp0.write(Cp0.COUNT, 0, 0xFFFF_FFF0);
        at(100);
        assertFalse(line());
        assertEquals(0xFFFF_FFF0 + 100, cp0.count());
    }

    @Test
    void countStepsOntoCompare_becomesZeroAndLineRises_thenAgainCompareCyclesLater() {
        cp0.write(Cp0.COMPARE, 0, 10);    // Count is 1 + t: it would be 10 at t = 9
        at(8);
        assertEquals(9, cp0.count());
        assertFalse(line());
        at(9);
        assertEquals(0, cp0.count(), "0 instead of Compare");
        assertTrue(line());
        at(12);
        assertEquals(3, cp0.count());
        cp0.write(Cp0.COMPARE, 0, 10);    // the same value, as OS/161's clock writes it
        assertFalse(line(), "writing Compare lowers the line");
        at(19);
        assertEquals(0, cp0.count(), "next match 10 cycles after the last");
        assertTrue(line());
    }

    @Test
    void compareWrittenBelowCount_countBecomesZero() {
        cp0.write(Cp0.COUNT, 0, 1000);
        cp0.write(Cp0.COMPARE, 0, 500);
        assertEquals(0, cp0.count());
        at(500);
        assertEquals(0, cp0.count(), "the match 500 cycles on");
        assertTrue(line());
    }

    @Test
    void compareWrittenEqualToCount_countGoesOnAndNoMatchUntilItWraps() {
        cp0.write(Cp0.COUNT, 0, 1000);
        cp0.write(Cp0.COMPARE, 0, 1000);
        assertEquals(1000, cp0.count());
        assertEquals(1L << 32, clock.nextDeviceEvent(), "the next match only after 2^32 cycles");
        assertEquals((1L << 32) - Clock.HORIZON, clock.nextEvent(), "beyond the clock's horizon until then");
    }

    @Test
    void compareWrittenAboveCountUnsigned_countGoesOn() {
        cp0.write(Cp0.COUNT, 0, 5);
        cp0.write(Cp0.COMPARE, 0, 0xFFFF_FFFF);
        assertEquals(5, cp0.count());
        cp0.write(Cp0.COUNT, 0, 0x7FFF_FFFF);
        cp0.write(Cp0.COMPARE, 0, 0x8000_0000); // above, unsigned: no reset
        assertEquals(0x7FFF_FFFF, cp0.count());
        at(1);
        assertEquals(0, cp0.count(), "and the match one cycle on");
    }

    @Test
    void pause_countRandomAndTimerStandStill_machineTimeGoesOn() {
        cp0.write(Cp0.COMPARE, 0, 20);
        at(5);
        int count = cp0.count();
        int random = cp0.random();
        cp0.pause();
        assertEquals(Long.MAX_VALUE, clock.nextEvent(), "a paused CPU's timer has no event");
        at(1000);
        assertEquals(count, cp0.count());
        assertEquals(random, cp0.random());
        assertFalse(line());
        cp0.resume();
        assertEquals(count, cp0.count(), "resumes where it stood");
        at(1000 + (20 - count) - 1);
        assertFalse(line());
        at(1000 + (20 - count));
        assertTrue(line(), "the match as many cycles after the resume as were left before the pause");
        assertEquals(0, cp0.count());
    }

    @Test
    void pauseTwice_resumeTwice_harmless() {
        at(3);
        cp0.pause();
        cp0.pause();
        at(10);
        cp0.resume();
        cp0.resume();
        at(12);
        assertEquals(1 + 3 + 2, cp0.count());
    }

    @Test
    void eventRunLate_countIsMeasuredFromTheMatch() {
        cp0.write(Cp0.COMPARE, 0, 10);
        clock.advanceTo(15);              // the event due at 9 runs at 15
        clock.runDue();
        assertTrue(line());
        assertEquals(6, cp0.count());
    }

    @Test
    void compareAndCountWrittenEveryCycle_leaveOneEventQueued() {
        for (int t = 0; t < 100_000; t++) {
            at(t);
            if (t % 2 == 0) cp0.write(Cp0.COMPARE, 0, 50_000 + t);
            else cp0.write(Cp0.COUNT, 0, t);
            assertEquals(1, clock.pending(), "cycle " + t);
        }
    }
}
