package vm3000.cpu.profile;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.core.Cpu;

/**
 * Takes a sample every {@code interval} cycles of machine time, at cycles interval, 2 interval,
 * ..., as an observer event of the clock ({@link Clock#observe}): the run loops stop for it as
 * for a device's event, so each sample sees the machine between two cycles, with the pc of the
 * instruction (or interrupt) of the next cycle; and it reads state only, so the run is the run
 * without it.
 */
final class Sampler {
    private final Cpu cpu;
    private final Clock clock;
    private final long interval;
    private final Attribution attribution;
    private final Samples samples;
    /** The cycle of the next sample, and its event; the event is null once no sample is due. */
    private long nextAt;
    private Clock.Event next;

    Sampler(Cpu cpu, long interval, Attribution attribution, Samples samples) {
        if (interval < 1) throw new IllegalArgumentException("sampling interval must be at least 1: " + interval);
        this.cpu = cpu;
        this.clock = cpu.clock();
        this.interval = interval;
        this.attribution = attribution;
        this.samples = samples;
        this.nextAt = clock.now();
        scheduleNext();
    }

    /**
     * Takes the sample due at the cycle the run stopped at, if any: a run that stops at its
     * instruction limit stops before the cycle at which that sample's event would have run, and
     * the state there is the state at the end of the run. Then no more samples.
     */
    void finish() {
        if (next == null) return;
        clock.cancel(next);
        next = null;
        if (nextAt <= clock.now()) take();
    }

    private void sampleAndReschedule() {
        take();
        scheduleNext();
    }

    /** Schedules the sample after {@link #nextAt}; none past the end of time. */
    private void scheduleNext() {
        if (nextAt > Long.MAX_VALUE - 1 - interval) {
            next = null;
            return;
        }
        nextAt += interval;
        next = clock.observe(nextAt, this::sampleAndReschedule);
    }

    private void take() {
        boolean user = cpu.cp0().userMode();
        if (cpu.waiting()) samples.addIdle(user);
        else samples.add(attribution.of(cpu.pc(), user));
    }
}
