package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.LamebusDevice;

/**
 * The fixed disk (System/161 doc/devices.html, "Fixed disk"; VID 1, DID 3, DRL 2), OS/161's
 * {@code lhd}. One operation at a time: the guest puts a sector number in SECT and writes
 * {@link #READING} or {@link #WRITING} to STAT; when the operation ends STAT holds its outcome
 * with the COMPLETE bit and the interrupt line is up until STAT is written again. Data moves
 * through the 512-byte transfer buffer at {@link #BUFFER}, whose bytes are in address order.
 *
 * <p>An operation's length follows System/161's disk model ({@link DiskGeometry}): seek, rotation
 * and a 500 ns copy through the disk's cache, computed when it starts from the sector numbers and
 * machine time alone, so runs repeat exactly. A sector written reaches the image file when the
 * write completes, before the guest can see it complete.
 */
public final class Disk implements LamebusDevice {
    public static final int NSECT = 0x0;
    public static final int STAT = 0x4;
    public static final int SECT = 0x8;
    public static final int RPM = 0xc;
    /** The sector transfer buffer: {@link #SECTOR_SIZE} bytes from this offset. */
    public static final int BUFFER = 0x8000;
    public static final int SECTOR_SIZE = DiskImage.SECTOR_SIZE;

    /** Status register bits. */
    public static final int IN_PROGRESS = 1;
    public static final int IS_WRITE = 2;
    public static final int COMPLETE = 4;
    public static final int INVALID_SECTOR = 8;
    public static final int MEDIA_ERROR = 16;

    /** Status values a driver writes. */
    public static final int IDLE = 0;
    public static final int READING = IN_PROGRESS;
    public static final int WRITING = IN_PROGRESS | IS_WRITE;

    public static final long DEFAULT_RPM = 3600;
    /** The fewest sectors System/161 accepts (64 KiB); its geometry also needs about 8000 (4 MB). */
    public static final long MIN_SECTORS = 128;
    /** Copying a sector between the buffer and the disk's cache. */
    static final long CACHE_NANOS = 500;

    /**
     * A disk's configuration line.
     *
     * @param file     the image file (a relative name is relative to the current directory)
     * @param sectors  the configured size, used to create a missing image; 0 if none was given
     * @param rpm      rotation speed, a multiple of 60
     * @param paranoid force each written sector to stable storage before the write completes
     */
    public record Options(Path file, long sectors, long rpm, boolean paranoid) {}

    private final DeviceContext ctx;
    private final String name;
    private final DiskImage image;
    private final DiskGeometry geometry;
    private final long rpm;
    private final long revNanos;
    private final byte[] buffer = new byte[SECTOR_SIZE];
    private int status;
    private int sector;
    private int track;
    private long trackArrival;
    private Clock.Event pending;
    private long reads;
    private long writes;

    private Disk(DeviceContext ctx, Options o, DiskImage image, DiskGeometry geometry) {
        this.ctx = ctx;
        this.name = o.file().toString();
        this.image = image;
        this.geometry = geometry;
        this.rpm = o.rpm();
        this.revNanos = DiskGeometry.revolutionNanos(o.rpm());
        this.trackArrival = ctx.clock().nanos();
    }

    /**
     * Opens (or creates, if missing and {@code o.sectors()} is given) the image and builds the
     * card. Refused with a one-line reason, and nothing created, when the image cannot be used.
     */
    static Disk open(DeviceContext ctx, Options o) throws DiskImage.Refused {
        if (o.sectors() != 0 && !Files.exists(o.file())) checkSize(o.sectors());
        DiskImage image = DiskImage.open(o.file(), o.sectors(), o.paranoid());
        try {
            checkSize(image.sectors());
        } catch (DiskImage.Refused e) {
            try {
                image.close();
            } catch (IOException ignored) {
                // refused already; that is the error to report
            }
            throw e;
        }
        if (image.note() != null) ctx.messages().println("disk: slot " + ctx.slot() + ": " + o.file() + ": " + image.note());
        return new Disk(ctx, o, image, DiskGeometry.of(image.sectors()));
    }

    private static void checkSize(long sectors) throws DiskImage.Refused {
        if (sectors < MIN_SECTORS) throw new DiskImage.Refused("too small: " + sectors + " sectors (at least " + MIN_SECTORS + ")");
        if (DiskGeometry.of(sectors) == null) {
            throw new DiskImage.Refused("System/161's disk geometry cannot lay out " + sectors + " sectors (try another size)");
        }
    }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.DISK; }
    @Override public int revision() { return Sys161Ids.DISK_REVISION; }

    /** Sectors on the disk (the NSECT register). */
    public long sectors() { return image.sectors(); }

    /** Sectors read and written so far. */
    public long reads() { return reads; }
    public long writes() { return writes; }

    @Override
    public long read(int offset) {
        if (offset >= BUFFER && offset < BUFFER + SECTOR_SIZE) return bufferWord(offset - BUFFER);
        switch (offset) {
            case NSECT: return image.sectors();
            case STAT: return status;
            case SECT: return sector & 0xFFFFFFFFL;
            case RPM: return rpm;
            default: return BUS_ERROR;
        }
    }

    @Override
    public boolean write(int offset, int value) {
        if (offset >= BUFFER && offset < BUFFER + SECTOR_SIZE) {
            setBufferWord(offset - BUFFER, value);
            return true;
        }
        switch (offset) {
            case STAT:
                setStatus(value);
                return true;
            case SECT:
                sector = value;
                return true;
            default: return false;
        }
    }

    private void setStatus(int value) {
        ctx.clock().cancel(pending);
        pending = null;
        switch (value) {
            case IDLE:
                status = IDLE;
                ctx.setIrq(false);
                return;
            case READING:
            case WRITING:
                start(value);
                return;
            default:
                // System/161 wedges the machine here.
                ctx.power().machineCheck("disk: slot " + ctx.slot() + ": invalid write 0x" + Integer.toHexString(value)
                        + " to the status register");
        }
    }

    /** Starts an operation on the sector in SECT; an invalid sector ends it at once. */
    private void start(int op) {
        long s = sector & 0xFFFFFFFFL;
        if (s >= image.sectors()) {
            finish(op, INVALID_SECTOR);
            return;
        }
        status = op;
        ctx.setIrq(false);
        boolean write = op == WRITING;
        long done = plan(s, write);
        pending = ctx.clock().schedule((done + Clock.NANOS_PER_TICK - 1) / Clock.NANOS_PER_TICK, () -> transfer(s, write));
    }

    /**
     * When an operation on sector {@code s} starting now ends, in ns; moves the head. The head
     * is free once its last seek has ended (an aborted operation's seek still ends).
     */
    private long plan(long s, boolean write) {
        DiskGeometry.Place p = geometry.locate(s);
        long t = Math.max(ctx.clock().nanos(), trackArrival);
        if (p.track() != track) {
            t += DiskGeometry.seekNanos(Math.abs(p.track() - track));
            track = p.track();
            trackArrival = t;
        }
        if (write) {
            t += CACHE_NANOS;
            return t + geometry.writeWait(p, revNanos, t);
        }
        return t + geometry.readWait(p, revNanos, trackArrival, t) + CACHE_NANOS;
    }

    private void transfer(long s, boolean write) {
        pending = null;
        int outcome = 0;
        try {
            if (write) {
                image.write(s, buffer);
                writes++;
            } else {
                image.read(s, buffer);
                reads++;
            }
        } catch (IOException e) {
            ctx.messages().println("disk: slot " + ctx.slot() + ": " + name + ": sector " + s + ": media error: " + e.getMessage());
            outcome = MEDIA_ERROR;
        }
        finish(status, outcome);
    }

    private void finish(int op, int bits) {
        status = (op & ~IN_PROGRESS) | COMPLETE | bits;
        ctx.setIrq(true);
    }

    private long bufferWord(int i) {
        int w;
        if (ctx.endian() == Endian.BIG) {
            w = (buffer[i] & 0xFF) << 24 | (buffer[i + 1] & 0xFF) << 16 | (buffer[i + 2] & 0xFF) << 8 | (buffer[i + 3] & 0xFF);
        } else {
            w = (buffer[i + 3] & 0xFF) << 24 | (buffer[i + 2] & 0xFF) << 16 | (buffer[i + 1] & 0xFF) << 8 | (buffer[i] & 0xFF);
        }
        return w & 0xFFFFFFFFL;
    }

    private void setBufferWord(int i, int w) {
        boolean big = ctx.endian() == Endian.BIG;
        for (int k = 0; k < 4; k++) buffer[i + k] = (byte) (w >>> (big ? 24 - 8 * k : 8 * k));
    }

    /** Closes the image; every completed write is already in it. */
    @Override
    public void close() {
        ctx.clock().cancel(pending);
        pending = null;
        try {
            image.close();
        } catch (IOException e) {
            ctx.messages().println("disk: slot " + ctx.slot() + ": " + name + ": close: " + e.getMessage());
        }
    }
}
