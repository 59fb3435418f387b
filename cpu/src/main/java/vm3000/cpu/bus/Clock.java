package vm3000.cpu.bus;

import java.util.Arrays;

/**
 * Machine time: the retired-instruction count, and nothing else. Devices schedule events at a
 * future count; the core runs them when the count reaches {@link #nextEvent()}. Events at the
 * same count run in the order they were scheduled, so runs are reproducible.
 *
 * <p>The queue is a binary heap that knows where each event sits, so cancelling or moving an
 * event ({@link #reschedule}) takes it out or moves it at once, in logarithmic time. Events more
 * than {@link #HORIZON} cycles ahead (a timer a monitor keeps armed 2<sup>32</sup> cycles on
 * because it has nothing to wait for, or that the match just rearmed) wait beside the heap, in a
 * list, until they come within the horizon: {@link #nextEvent} is then the count at which the
 * list is looked at again, and the run loops stop there as for an event. So a timer rearmed on
 * every interrupt, which goes 2<sup>32</sup> cycles ahead at its match and comes back when its
 * handler writes Compare, moves in a heap that holds only the events due soon, whatever waits far
 * ahead (one disarmed timer per RMR level below it). The order in which events run, by time and
 * then by scheduling sequence, is a total order; moving an event gives it a new place in the
 * sequence, exactly as cancelling it and scheduling a new one.
 *
 * <p>An <em>observer</em> event ({@link #observe}) only looks at the machine: a profiler's
 * sample. The run loops stop for it as for any event ({@link #nextEvent}), so it sees the state
 * of exactly its cycle; but it can raise no interrupt line, so it cannot end a WAIT: a CPU idling
 * asks {@link #nextDeviceEvent} whether anything could ever wake it, and a dump shows the next
 * device event. A machine with observers runs cycle for cycle as it does without them.
 */
public final class Clock {
    /** Nominal clock of the machine, as System/161's: one instruction per cycle at 25 MHz. */
    public static final long HZ = 25_000_000L;
    public static final long NANOS_PER_TICK = 1_000_000_000L / HZ;

    /** A scheduled event; the handle {@link #cancel} and {@link #reschedule} take. */
    public static final class Event {
        private long at;
        private long seq;
        private final Clock clock;
        private final Runnable action;
        private final boolean observer;
        /**
         * Its place in its clock's heap (0 on); -1, not pending (cancelled, run, or taken to
         * run); or, waiting beyond the horizon, -2 - its place in the far list.
         */
        private int index = -1;

        private Event(Clock clock, Runnable action, boolean observer) {
            this.clock = clock;
            this.action = action;
            this.observer = observer;
        }

        /** The count at which it runs (or last was to run). */
        public long at() { return at; }

        /** Its place among the events scheduled on its clock. */
        public long seq() { return seq; }

        /** Scheduled with {@link #observe}: it only looks at the machine. */
        public boolean observer() { return observer; }

        /** Scheduled, and neither run nor cancelled since. */
        public boolean pending() { return index != -1; }

        /** Runs before {@code o}: earlier, or as early and scheduled first. */
        private boolean before(Event o) { return at != o.at ? at < o.at : seq < o.seq; }
    }

    /** Events more than this many cycles ahead wait in the far list (the class comment). */
    public static final long HORIZON = 1L << 31;

    private Event[] heap = new Event[8];
    private int size;
    private Event[] far = new Event[4];
    private int farSize;
    /** No event of the far list comes within the horizon before this count. */
    private long farCheck = Long.MAX_VALUE;
    private long now;
    private long seq;
    private long nextEvent = Long.MAX_VALUE;

    /** Retired instructions so far. */
    public long now() { return now; }

    /** Set by the core as instructions retire. */
    public void advanceTo(long ticks) { now = ticks; }

    /**
     * The count at which {@link #runDue} must next be called: no event is due before it. The
     * earliest pending event's count, or earlier when events wait beyond the horizon and the
     * nearest of them comes within it; {@code Long.MAX_VALUE} if nothing is pending.
     */
    public long nextEvent() { return nextEvent; }

    /** Events scheduled and neither run nor cancelled. */
    public int pending() { return size + farSize; }

    /** Runs {@code action} once the count reaches {@code at} (at least one tick from now). */
    public Event schedule(long at, Runnable action) {
        return reschedule(new Event(this, action, false), at);
    }

    /**
     * Runs {@code action}, which must change nothing the machine can see, once the count reaches
     * {@code at} (at least one tick from now): an observer event (see the class comment).
     */
    public Event observe(long at, Runnable action) {
        return reschedule(new Event(this, action, true), at);
    }

    /**
     * Runs {@code event}'s action once the count reaches {@code at} (at least one tick from now),
     * whether it is pending (it moves), has run or was cancelled (it is scheduled again): the same
     * as cancelling it and scheduling its action anew, without a new event. Returns it.
     */
    public Event reschedule(Event event, long at) {
        mine(event);
        event.at = Math.max(at, now + 1);
        event.seq = seq++;
        if (event.at - now > HORIZON) {
            if (event.index >= 0) remove(event.index);
            if (event.index == -1) addFar(event);
            farCheck = Math.min(farCheck, event.at - HORIZON);
        } else {
            if (event.index < -1) removeFar(event);
            if (event.index == -1) add(event);
            else {
                siftUp(event.index);
                siftDown(event.index);
            }
        }
        updateNext();
        return event;
    }

    /**
     * The earliest count at which an event that is not an observer is due, or {@code Long.MAX_VALUE}:
     * the event that may wake a CPU idling in WAIT. A search of the queue, for the idle path and dumps.
     */
    public long nextDeviceEvent() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) if (!heap[i].observer && heap[i].at < next) next = heap[i].at;
        for (int i = 0; i < farSize; i++) if (!far[i].observer && far[i].at < next) next = far[i].at;
        return next;
    }

    /** Removes a scheduled event that has not run yet; a no-op for {@code null} or a past event. */
    public void cancel(Event event) {
        if (event == null) return;
        mine(event);
        if (event.index >= 0) remove(event.index);
        else if (event.index < -1) removeFar(event);
        updateNext();
    }

    /** Runs every event due at or before now. */
    public void runDue() {
        if (now >= farCheck) takeNear();
        while (size > 0 && heap[0].at <= now) {
            Event e = heap[0];
            remove(0);
            e.action.run();
        }
    }

    private void mine(Event event) {
        if (event.clock != this) throw new IllegalArgumentException("an event of another clock");
    }

    private void updateNext() {
        nextEvent = Math.min(size == 0 ? Long.MAX_VALUE : heap[0].at, farCheck);
    }

    private void add(Event event) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        event.index = size++;
        heap[event.index] = event;
        siftUp(event.index);
    }

    private void remove(int i) {
        Event gone = heap[i];
        gone.index = -1;
        Event last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.index = i;
            siftUp(i);
            siftDown(last.index);
        }
        updateNext();
    }

    private void addFar(Event event) {
        if (farSize == far.length) far = Arrays.copyOf(far, farSize * 2);
        far[farSize] = event;
        event.index = -2 - farSize++;
    }

    /** Takes {@code event} out of the far list; {@link #farCheck} stays a bound, if no longer exact. */
    private void removeFar(Event event) {
        int i = -2 - event.index;
        Event last = far[--farSize];
        far[farSize] = null;
        if (i < farSize) {
            far[i] = last;
            last.index = -2 - i;
        }
        event.index = -1;
        if (farSize == 0) farCheck = Long.MAX_VALUE;
    }

    /** Moves the far events that have come within the horizon into the heap, in their places. */
    private void takeNear() {
        long check = Long.MAX_VALUE;
        for (int i = 0; i < farSize; ) {
            Event e = far[i];
            if (e.at - now <= HORIZON) {
                removeFar(e); // the last one takes place i: look at it next
                add(e);
            } else {
                check = Math.min(check, e.at - HORIZON);
                i++;
            }
        }
        farCheck = check;
        updateNext();
    }

    private void siftUp(int i) {
        Event e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!e.before(p)) break;
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = e;
        e.index = i;
    }

    private void siftDown(int i) {
        Event e = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1].before(heap[child])) child++;
            Event c = heap[child];
            if (!c.before(e)) break;
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = e;
        e.index = i;
    }

    /** Virtual nanoseconds since power-on, from the instruction count at the nominal clock. */
    public long nanos() { return now * NANOS_PER_TICK; }
}
