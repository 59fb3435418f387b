package vm3000.cpu.bus;

import java.util.PriorityQueue;

/**
 * Machine time: the retired-instruction count, and nothing else. Devices schedule events at a
 * future count; the core runs them when the count reaches {@link #nextEvent()}. Events at the
 * same count run in the order they were scheduled, so runs are reproducible.
 */
public final class Clock {
    /** Nominal clock of the machine, as System/161's: one instruction per cycle at 25 MHz. */
    public static final long HZ = 25_000_000L;
    public static final long NANOS_PER_TICK = 1_000_000_000L / HZ;

    /** A scheduled event; the handle {@link #cancel} takes. */
    public record Event(long at, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private long nextEvent = Long.MAX_VALUE;

    /** Retired instructions so far. */
    public long now() { return now; }

    /** Set by the core as instructions retire. */
    public void advanceTo(long ticks) { now = ticks; }

    /** The earliest count at which an event is due, or {@code Long.MAX_VALUE}. */
    public long nextEvent() { return nextEvent; }

    /** Runs {@code action} once the count reaches {@code at} (at least one tick from now). */
    public Event schedule(long at, Runnable action) {
        Event e = new Event(Math.max(at, now + 1), seq++, action);
        queue.add(e);
        nextEvent = queue.peek().at;
        return e;
    }

    /** Removes a scheduled event that has not run yet; a no-op for {@code null} or a past event. */
    public void cancel(Event event) {
        if (event != null && queue.remove(event)) {
            nextEvent = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at;
        }
    }

    /** Runs every event due at or before now. */
    public void runDue() {
        while (!queue.isEmpty() && queue.peek().at <= now) {
            queue.poll().action.run();
        }
        nextEvent = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at;
    }

    /** Virtual nanoseconds since power-on, from the instruction count at the nominal clock. */
    public long nanos() { return now * NANOS_PER_TICK; }
}
