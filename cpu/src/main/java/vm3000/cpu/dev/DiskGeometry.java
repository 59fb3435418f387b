package vm3000.cpu.dev;

/**
 * The mechanical model of System/161's disk: 320 tracks on a platter between 20 and 80 units
 * in diameter, each track holding sectors in proportion to its area, with 6 % more sectors on
 * the platter than the disk reports (spares) and one reserved per track. Sector 0 is the first
 * sector of the outermost track. The model is a pure function of the sector count; every time
 * here is in nanoseconds. docs/devices.md gives the formulas.
 */
final class DiskGeometry {
    static final int TRACKS = 320;
    private static final double SPARE_FACTOR = 1.06;
    private static final int OUTER_DIAMETER = 80;
    private static final int INNER_DIAMETER = 20;
    /** System/161's value of pi; its geometry depends on it. */
    private static final double PI = 3.14159;
    private static final double PLATTER_AREA =
            (OUTER_DIAMETER * OUTER_DIAMETER - INNER_DIAMETER * INNER_DIAMETER) * PI / 4;
    private static final double TRACK_WIDTH = ((OUTER_DIAMETER - INNER_DIAMETER) / 2) / (double) TRACKS;

    /** Where a sector lies: its track, and its position along the track (0 = first). */
    record Place(int track, int offset) {}

    private final long[] sectorsPerTrack;
    /** The first sector of each track: track 319 starts at 0, track 0 ends at the last. */
    private final long[] firstSector;

    private DiskGeometry(long[] sectorsPerTrack) {
        this.sectorsPerTrack = sectorsPerTrack;
        this.firstSector = new long[TRACKS];
        long start = 0;
        for (int t = TRACKS - 1; t >= 0; t--) {
            firstSector[t] = start;
            start += sectorsPerTrack[t];
        }
    }

    /**
     * The geometry of a disk of {@code sectors} sectors, or null when the model cannot lay it out
     * (a track would get fewer than two sectors, or the spares do not make up for the sector each track reserves: disks below about 8000 sectors, 4 MB), as System/161
     * refuses it.
     */
    static DiskGeometry of(long sectors) {
        long physical = (long) (sectors * SPARE_FACTOR);
        double perArea = physical / PLATTER_AREA;
        long[] perTrack = new long[TRACKS];
        long total = 0;
        for (int t = 0; t < TRACKS; t++) {
            double inside = INNER_DIAMETER / 2.0 + t * TRACK_WIDTH;
            double outside = inside + TRACK_WIDTH;
            double onTrack = perArea * ((outside + inside) * TRACK_WIDTH * PI);
            if (onTrack < 2.0) return null;
            perTrack[t] = (long) onTrack - 1;
            total += perTrack[t];
        }
        return total < sectors ? null : new DiskGeometry(perTrack);
    }

    long sectorsOnTrack(int track) { return sectorsPerTrack[track]; }

    /** The track and offset of {@code sector}, which is below the disk's size. */
    Place locate(long sector) {
        for (int t = TRACKS - 1; t > 0; t--) {
            if (sector < firstSector[t] + sectorsPerTrack[t]) return new Place(t, (int) (sector - firstSector[t]));
        }
        return new Place(0, (int) (sector - firstSector[0]));
    }

    /** Seek time over {@code distance} tracks: 5 ms a track up to 3, else 10 ms + 3·√distance ms. */
    static long seekNanos(int distance) {
        if (distance > 3) return (long) (1_000_000 * (10 + 3 * Math.sqrt(distance)));
        return 5_000_000L * distance;
    }

    /** One revolution at {@code rpm} (a multiple of 60): 10⁹ / (rpm / 60) ns, rounded down. */
    static long revolutionNanos(long rpm) { return 1_000_000_000L / (rpm / 60); }

    /**
     * How long a read of {@code place} waits at time {@code now} for its sector to pass under the
     * head, which reached the track at {@code arrival}. The platter is at angle 0 at each whole
     * second; sector k of a track of n sectors has passed when position (k + 1) mod n, at
     * (k + 1) mod n · (rev / n) ns into a revolution, comes round. The first such moment at or
     * after the arrival in the arrival's second counts: if it is already past, the sector is in
     * the track buffer and the wait is 0.
     */
    long readWait(Place place, long revNanos, long arrival, long now) {
        long n = sectorsPerTrack[place.track()];
        long perSector = revNanos / n;
        long target = ((place.offset() + 1) % n) * perSector;
        long second = arrival - arrival % 1_000_000_000L;
        long inSecond = arrival % 1_000_000_000L;
        target = atOrAfter(target, inSecond, revNanos);
        long at = second + target;
        return at <= now ? 0 : at - now;
    }

    /**
     * How long a write of {@code place} starting at {@code now} takes to reach its sector and
     * write it: to the first moment, counted within the current second, at which the sector's
     * start (offset · rev / n ns into a revolution) comes round, plus one sector's time.
     */
    long writeWait(Place place, long revNanos, long now) {
        long n = sectorsPerTrack[place.track()];
        long perSector = revNanos / n;
        long inSecond = now % 1_000_000_000L;
        return atOrAfter(place.offset() * perSector, inSecond, revNanos) + perSector - inSecond;
    }

    /** {@code t} plus the fewest whole revolutions that bring it to {@code from} or later. */
    private static long atOrAfter(long t, long from, long rev) {
        return t >= from ? t : t + (from - t + rev - 1) / rev * rev;
    }
}
