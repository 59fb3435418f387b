package vm3000.cpu.bus;

import java.util.Arrays;

/**
 * Machine time: the retired-instruction count, and nothing else. Devices schedule events at a
 * future count; the core runs them when the count reaches {@link #nextEvent()}. Events at the
 * same count run in the order they were scheduled, so runs are reproducible.
 *
 * <p>The queue is a binary heap that knows where each event sits, so cancelling or moving an
 * event ({@link #reschedule}) takes it out or moves it at once, in logarithmic time: the heap
 * holds exactly the pending events, one per timer and per busy card, a number fixed by the
 * machine's configuration. A timer that is rearmed on every interrupt moves one event up and down
 * a heap of a handful (one per RMR level's CP0), however many other timers wait far ahead. The
 * order in which events run, by time and then by scheduling sequence, is a total order; moving an
 * event gives it a new place in the sequence, exactly as cancelling it and scheduling a new one.
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
        /** Its place in its clock's heap, or -1: not pending (cancelled, run, or taken to run). */
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
        public boolean pending() { return index >= 0; }

        /** Runs before {@code o}: earlier, or as early and scheduled first. */
        private boolean before(Event o) { return at != o.at ? at < o.at : seq < o.seq; }
    }

    private Event[] heap = new Event[8];
    private int size;
    private long now;
    private long seq;
    private long nextEvent = Long.MAX_VALUE;

    /** Retired instructions so far. */
    public long now() { return now; }

    /** Set by the core as instructions retire. */
    public void advanceTo(long ticks) { now = ticks; }

    /** The earliest count at which an event is due, or {@code Long.MAX_VALUE}. */
    public long nextEvent() { return nextEvent; }

    /** Events scheduled and neither run nor cancelled. */
    public int pending() { return size; }

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
        if (event.index < 0) {
            if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
            event.index = size++;
            heap[event.index] = event;
        }
        siftUp(event.index);
        siftDown(event.index);
        nextEvent = heap[0].at;
        return event;
    }

    /**
     * The earliest count at which an event that is not an observer is due, or {@code Long.MAX_VALUE}:
     * the event that may wake a CPU idling in WAIT. A search of the queue, for the idle path and dumps.
     */
    public long nextDeviceEvent() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) if (!heap[i].observer && heap[i].at < next) next = heap[i].at;
        return next;
    }

    /** Removes a scheduled event that has not run yet; a no-op for {@code null} or a past event. */
    public void cancel(Event event) {
        if (event == null) return;
        mine(event);
        if (event.index < 0) return;
        remove(event.index);
    }

    /** Runs every event due at or before now. */
    public void runDue() {
        while (size > 0 && heap[0].at <= now) {
            Event e = heap[0];
            remove(0);
            e.action.run();
        }
    }

    private void mine(Event event) {
        if (event.clock != this) throw new IllegalArgumentException("an event of another clock");
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
        nextEvent = size == 0 ? Long.MAX_VALUE : heap[0].at;
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
