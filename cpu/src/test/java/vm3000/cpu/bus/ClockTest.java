package vm3000.cpu.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The clock's event queue: events run by time, then in the order they were scheduled (a moved
 * event as if scheduled anew), whatever was cancelled or moved on the way, near or beyond the
 * horizon.
 */
class ClockTest {
    /** A reference queue: a plain list, searched for the least (at, seq) every time. */
    private record Ref(long at, long seq, int id) {}

    /** A count {@code now} + 0..39, or about the horizon beyond it (either side), as a disarmed timer's. */
    private static long when(SplittableRandom rnd, long now) {
        long d = rnd.nextInt(40);
        return rnd.nextInt(4) == 0 ? now + Clock.HORIZON - 20 + d : now + d;
    }

    @Test
    void randomScheduleCancelRun_sameOrderAsAPlainSortedList() {
        for (long seed = 0; seed < 80; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Clock clock = new Clock();
            List<Integer> ran = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            List<Ref> ref = new ArrayList<>();
            List<Clock.Event> handles = new ArrayList<>();
            List<Ref> refs = new ArrayList<>();
            long seq = 0;
            for (int step = 0; step < 3000; step++) {
                int what = rnd.nextInt(12);
                if (what >= 10 && !handles.isEmpty()) { // move an event, pending or not, as a timer rearmed
                    int k = rnd.nextInt(handles.size());
                    long at = when(rnd, clock.now());
                    assertSame(handles.get(k), clock.reschedule(handles.get(k), at));
                    ref.remove(refs.get(k));
                    Ref r = new Ref(Math.max(at, clock.now() + 1), seq++, k);
                    refs.set(k, r);
                    ref.add(r);
                } else if (what < 5) {
                    int id = handles.size();
                    long at = when(rnd, clock.now());
                    handles.add(clock.schedule(at, () -> ran.add(id)));
                    Ref r = new Ref(Math.max(at, clock.now() + 1), seq++, id);
                    refs.add(r);
                    ref.add(r);
                } else if (what < 8 && !handles.isEmpty()) {
                    int k = rnd.nextInt(handles.size());
                    clock.cancel(handles.get(k));
                    ref.remove(refs.get(k));
                } else if (what < 10) {
                    // Mostly a few cycles; now and then to the next stop of the run loops, or across the horizon.
                    int how = rnd.nextInt(10);
                    long to = how == 0 && clock.nextEvent() != Long.MAX_VALUE ? clock.nextEvent()
                            : clock.now() + (how == 1 ? Clock.HORIZON / 2 + rnd.nextInt(40) : rnd.nextInt(10));
                    clock.advanceTo(to);
                    clock.runDue();
                    ref.sort(Comparator.comparingLong(Ref::at).thenComparingLong(Ref::seq));
                    while (!ref.isEmpty() && ref.get(0).at() <= to) expected.add(ref.remove(0).id());
                }
                long now = clock.now();
                long next = ref.stream().mapToLong(Ref::at).min().orElse(Long.MAX_VALUE);
                boolean anyFar = ref.stream().anyMatch(r -> r.at() - now > Clock.HORIZON);
                String where = "seed " + seed + " step " + step;
                if (anyFar) {
                    assertTrue(clock.nextEvent() <= next && clock.nextEvent() > now, where + ": the loops stop in time");
                } else {
                    assertEquals(next, clock.nextEvent(), where + ": nothing far, the next event exactly");
                }
                assertEquals(ref.size(), clock.pending(), where);
            }
            assertEquals(expected, ran, "seed " + seed);
        }
    }

    @Test
    void reschedule_ofARunEvent_schedulesItAgain_andOfAPendingOne_movesIt() {
        Clock clock = new Clock();
        int[] runs = {0};
        Clock.Event a = clock.schedule(5, () -> runs[0]++);
        clock.schedule(7, () -> runs[0] += 10);
        clock.reschedule(a, 9);                 // pending: moves behind the other
        assertEquals(7, clock.nextEvent());
        assertEquals(2, clock.pending());
        clock.advanceTo(9);
        clock.runDue();
        assertEquals(11, runs[0]);
        assertFalse(a.pending());
        clock.reschedule(a, 3);                 // run already: scheduled again, at least a tick on
        assertTrue(a.pending());
        assertEquals(10, clock.nextEvent());
        clock.advanceTo(10);
        clock.runDue();
        assertEquals(12, runs[0]);
        assertEquals(Long.MAX_VALUE, clock.nextEvent());
    }

    /** An event is its clock's: another clock cannot move or cancel it (its place is in the first one's heap). */
    @Test
    void anotherClocksEvent_isRefused() {
        Clock a = new Clock(), b = new Clock();
        Clock.Event e = a.schedule(5, () -> {});
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> b.reschedule(e, 7));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> b.cancel(e));
        assertEquals(1, a.pending());
        assertEquals(0, b.pending());
        assertEquals(5, a.nextEvent());
    }

    @Test
    void cancel_ofARunEvent_isANoOp() {
        Clock clock = new Clock();
        int[] runs = {0};
        Clock.Event a = clock.schedule(5, () -> runs[0]++);
        clock.schedule(7, () -> runs[0] += 10);
        clock.advanceTo(5);
        clock.runDue();
        clock.cancel(a);
        clock.cancel(a);
        assertEquals(1, clock.pending());
        assertEquals(7, clock.nextEvent());
        clock.advanceTo(7);
        clock.runDue();
        assertEquals(11, runs[0]);
        assertEquals(Long.MAX_VALUE, clock.nextEvent());
    }

    /**
     * A timer disarmed 2^32 cycles ahead waits beyond the horizon: the run loops stop once, when
     * it comes within it, and it runs at its own count, in order with the events near it.
     */
    @Test
    void farEvent_comesWithinTheHorizon_andRunsInItsPlace() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        long far = 1L << 32;
        Clock.Event disarmed = clock.schedule(far, () -> ran.add("far"));
        assertEquals(far - Clock.HORIZON, clock.nextEvent(), "the count at which it is looked at again");
        assertTrue(disarmed.pending());
        Clock.Event timer = clock.schedule(100, () -> ran.add("near"));
        assertEquals(100, clock.nextEvent());
        clock.reschedule(timer, far + 5);                 // a match rearms it 2^32 on: far too
        assertEquals(far - Clock.HORIZON, clock.nextEvent());
        clock.reschedule(timer, 200);                     // its handler writes Compare: near again
        assertEquals(200, clock.nextEvent());
        clock.advanceTo(200);
        clock.runDue();
        assertEquals(List.of("near"), ran);
        clock.advanceTo(clock.nextEvent());               // the loops stop, nothing runs
        clock.runDue();
        assertEquals(List.of("near"), ran);
        assertEquals(far, clock.nextEvent(), "now in the heap, exactly");
        clock.schedule(far, () -> ran.add("same count, later"));
        clock.advanceTo(far);
        clock.runDue();
        assertEquals(List.of("near", "far", "same count, later"), ran);
        assertEquals(Long.MAX_VALUE, clock.nextEvent());
        assertEquals(0, clock.pending());
        Clock.Event again = clock.schedule(far * 2, () -> {});
        clock.cancel(again);
        assertFalse(again.pending());
        assertEquals(Long.MAX_VALUE, clock.nextEvent(), "a cancelled far event leaves nothing to look at");
        assertEquals(Long.MAX_VALUE, clock.nextDeviceEvent());
    }

    /** An observer (a profiler's sample) stops the run loops at its cycle, but is no event that could wake a WAIT. */
    @Test
    void observers_areDue_butNotDeviceEvents() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        Clock.Event device = clock.schedule(10, () -> ran.add("device"));
        Clock.Event sample = clock.observe(5, () -> ran.add("sample 5"));
        clock.observe(10, () -> ran.add("sample 10"));
        assertTrue(sample.observer());
        assertEquals(5, clock.nextEvent());
        assertEquals(10, clock.nextDeviceEvent());
        clock.advanceTo(5);
        clock.runDue();
        assertEquals(10, clock.nextEvent());
        clock.cancel(device);
        assertEquals(10, clock.nextEvent(), "the observer is still due");
        assertEquals(Long.MAX_VALUE, clock.nextDeviceEvent(), "but nothing could wake a WAIT");
        clock.schedule(10, () -> ran.add("device again"));
        clock.advanceTo(10);
        clock.runDue();
        assertEquals(List.of("sample 5", "sample 10", "device again"), ran, "by time, then in the order scheduled");
        assertEquals(Long.MAX_VALUE, clock.nextEvent());
    }
}
