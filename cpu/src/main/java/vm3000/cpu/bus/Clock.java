package vm3000.cpu.bus;

import java.util.PriorityQueue;

/**
 * Machine time: the retired-instruction count, and nothing else. Devices schedule events at a
 * future count; the core runs them when the count reaches {@link #nextEvent()}. Events at the
 * same count run in the order they were scheduled, so runs are reproducible.
 *
 * <p>Cancelling is cheap whatever the guest does: a cancelled event is only marked, and left in
 * the queue until it reaches the head or until cancelled events outnumber the live ones, when
 * the queue is rebuilt without them. So the queue holds at most about twice the live events
 * (one per timer, one per busy card: a number fixed by the machine's configuration), and a
 * guest that reprograms a timer on every cycle costs amortised constant time per write. The
 * order in which events run, by time and then by scheduling sequence, is a total order, so
 * neither the marks nor the rebuilding change it.
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

    /** Cancelled events tolerated in the queue beyond the number of live ones. */
    private static final int SLACK = 16;

    /** A scheduled event; the handle {@link #cancel} takes. */
    public static final class Event {
        private final long at;
        private final long seq;
        private final Runnable action;
        private final boolean observer;
        /** Cancelled, or taken from the queue to run: either way no longer pending. */
        private boolean over;

        private Event(long at, long seq, Runnable action, boolean observer) {
            this.at = at;
            this.seq = seq;
            this.action = action;
            this.observer = observer;
        }

        /** The count at which it runs. */
        public long at() { return at; }

        /** Its place among the events scheduled on its clock. */
        public long seq() { return seq; }

        /** Scheduled with {@link #observe}: it only looks at the machine. */
        public boolean observer() { return observer; }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private long nextEvent = Long.MAX_VALUE;
    /** Cancelled events still in the queue. */
    private int cancelled;

    /** Retired instructions so far. */
    public long now() { return now; }

    /** Set by the core as instructions retire. */
    public void advanceTo(long ticks) { now = ticks; }

    /** The earliest count at which an event is due, or {@code Long.MAX_VALUE}. */
    public long nextEvent() { return nextEvent; }

    /** Events scheduled and neither run nor cancelled. */
    public int pending() { return queue.size() - cancelled; }

    /** Entries in the queue, cancelled ones included: what the clock holds in memory. */
    public int queued() { return queue.size(); }

    /** Runs {@code action} once the count reaches {@code at} (at least one tick from now). */
    public Event schedule(long at, Runnable action) {
        return add(at, action, false);
    }

    /**
     * Runs {@code action}, which must change nothing the machine can see, once the count reaches
     * {@code at} (at least one tick from now): an observer event (see the class comment).
     */
    public Event observe(long at, Runnable action) {
        return add(at, action, true);
    }

    private Event add(long at, Runnable action, boolean observer) {
        Event e = new Event(Math.max(at, now + 1), seq++, action, observer);
        queue.add(e);
        settle();
        return e;
    }

    /**
     * The earliest count at which an event that is not an observer is due, or {@code Long.MAX_VALUE}:
     * the event that may wake a CPU idling in WAIT. A search of the queue, for the idle path and dumps.
     */
    public long nextDeviceEvent() {
        long next = Long.MAX_VALUE;
        for (Event e : queue) if (!e.over && !e.observer && e.at < next) next = e.at;
        return next;
    }

    /** Removes a scheduled event that has not run yet; a no-op for {@code null} or a past event. */
    public void cancel(Event event) {
        if (event == null || event.over) return;
        event.over = true;
        cancelled++;
        if (cancelled > queue.size() - cancelled + SLACK) {
            queue.removeIf(e -> e.over);
            cancelled = 0;
        }
        settle();
    }

    /** Runs every event due at or before now. */
    public void runDue() {
        settle();
        while (!queue.isEmpty() && queue.peek().at <= now) {
            Event e = queue.poll();
            e.over = true;
            e.action.run();
            settle();
        }
    }

    /** Drops cancelled events from the head, so that the head is the next live event. */
    private void settle() {
        while (!queue.isEmpty() && queue.peek().over) {
            queue.poll();
            cancelled--;
        }
        nextEvent = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at;
    }

    /** Virtual nanoseconds since power-on, from the instruction count at the nominal clock. */
    public long nanos() { return now * NANOS_PER_TICK; }
}
