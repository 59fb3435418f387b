package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PowerState;

/**
 * The disk card through its registers. Images are 5 MiB (10240 sectors, System/161's sample
 * size), sparse; System/161's geometry refuses disks below about 8000 sectors. Completion ticks
 * were worked out from the formulas in docs/devices.md, following System/161's chain of events
 * step by step without its 1 % jitter, not recorded from a run.
 */
class DiskTest {
    private static final int SLOT = 2;
    private static final long SECTORS = 10240;

    @TempDir Path dir;
    private final TestBoard b = new TestBoard();
    private Disk disk;

    @AfterEach
    void closeDisk() {
        if (disk != null) disk.close();
    }

    private Path img() { return dir.resolve("LHD0.img"); }

    private Disk attach(Disk.Options o) throws DiskImage.Refused {
        disk = Disk.open(b.slot(SLOT), o);
        b.bus.attach(SLOT, disk);
        return disk;
    }

    private Disk created() throws DiskImage.Refused { return attach(new Disk.Options(img(), SECTORS, 3600, false)); }

    private boolean irq() { return (b.bus.irqLines() & (1 << SLOT)) != 0; }

    private static byte[] sector(Path f, long n) throws IOException {
        byte[] all = Files.readAllBytes(f);
        return Arrays.copyOfRange(all, (int) (n + 1) * 512, (int) (n + 2) * 512);
    }

    private static void putSector(Path f, long n, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(data), (n + 1) * 512);
        }
    }

    private static byte[] pattern(int seed) {
        byte[] d = new byte[512];
        for (int i = 0; i < d.length; i++) d[i] = (byte) (i * 7 + seed);
        return d;
    }

    private void fillBuffer(byte[] data) {
        for (int i = 0; i < 512; i += 4) {
            disk.write(Disk.BUFFER + i, ByteBuffer.wrap(data, i, 4).getInt());
        }
    }

    private byte[] buffer() {
        ByteBuffer out = ByteBuffer.allocate(512);
        for (int i = 0; i < 512; i += 4) out.putInt((int) disk.read(Disk.BUFFER + i));
        return out.array();
    }

    /** Runs the machine until the operation in progress has ended; returns the tick it ended at. */
    private long runToCompletion() {
        long at = b.clock.nextEvent();
        b.runTo(at - 1);
        assertEquals(Disk.IN_PROGRESS, disk.read(Disk.STAT) & Disk.IN_PROGRESS, "still in progress one tick early");
        b.runTo(at);
        return at;
    }

    @Test
    void ids_areDocumented() throws Exception {
        created();
        assertEquals(1, disk.vendorId());
        assertEquals(3, disk.deviceId());
        assertEquals(2, disk.revision());
    }

    @Test
    void missingImage_withSize_isCreatedWithHeaderAndZeroSectors() throws Exception {
        created();
        assertEquals(SECTORS, disk.read(Disk.NSECT));
        assertEquals(3600, disk.read(Disk.RPM));
        assertEquals(Disk.IDLE, disk.read(Disk.STAT));
        byte[] all = Files.readAllBytes(img());
        assertEquals((SECTORS + 1) * 512, all.length);
        String magic = "System/161 Disk Image";
        assertEquals(magic, new String(all, 0, magic.length(), StandardCharsets.US_ASCII));
        for (int i = magic.length(); i < all.length; i++) assertEquals(0, all[i], "byte " + i);
    }

    @Test
    void existingImage_sizeComesFromTheFile_configuredSizeOnlyWarns() throws Exception {
        created();
        disk.close();
        b.bus.attach(SLOT + 1, disk = Disk.open(b.slot(SLOT + 1), new Disk.Options(img(), 20000, 7200, false)));
        assertEquals(SECTORS, disk.read(Disk.NSECT));
        assertEquals(7200, disk.read(Disk.RPM));
        assertEquals((SECTORS + 1) * 512, Files.size(img()), "the image is not resized");
        assertTrue(b.messageText().contains("disk: slot 3: " + img() + ": configured size 20000 sectors differs from the"
                + " image's; using the image's 10240 sectors"), b.messageText());
    }

    @Test
    void registers_readOnlyOnesAndUndecodedOffsets_areBusErrors() throws Exception {
        created();
        assertTrue(disk.write(Disk.SECT, 0xdeadbeef));
        assertEquals(0xdeadbeefL, disk.read(Disk.SECT));
        assertFalse(disk.write(Disk.NSECT, 5));
        assertFalse(disk.write(Disk.RPM, 60));
        for (int off : new int[] {0x10, 0x7ffc, Disk.BUFFER + 512, 0xfffc}) {
            assertEquals(LamebusDevice.BUS_ERROR, disk.read(off), "read 0x" + Integer.toHexString(off));
            assertFalse(disk.write(off, 1), "write 0x" + Integer.toHexString(off));
        }
        assertTrue(disk.write(Disk.BUFFER + 508, 0x01020304));
        assertEquals(0x01020304, disk.read(Disk.BUFFER + 508));
    }

    @Test
    void write_reachesTheFileWhenItCompletes_atTheModelledTick() throws Exception {
        created();
        fillBuffer(pattern(1));
        disk.write(Disk.SECT, 0);
        disk.write(Disk.STAT, Disk.WRITING);
        assertEquals(Disk.WRITING, disk.read(Disk.STAT));
        assertFalse(irq());
        // Head from track 0 to sector 0's track 319: 10 ms + 3·sqrt(319) ms = 63581929 ns; 500 ns into
        // the cache; then to the next pass of sector 0 (53 sectors on the track, 314465 ns each, a
        // revolution of 16666666 ns): 4 revolutions from 0, 66666664 ns, plus a sector: 66981129 ns.
        assertEquals(1674529, runToCompletion());  // ceil(66981129 / 40)
        assertEquals(Disk.WRITING & ~Disk.IN_PROGRESS | Disk.COMPLETE, disk.read(Disk.STAT));
        assertEquals(6, disk.read(Disk.STAT));
        assertTrue(irq());
        assertArrayEquals(pattern(1), sector(img(), 0));
        assertEquals(1, disk.writes());
    }

    @Test
    void write_fileUnchangedUntilCompletion() throws Exception {
        created();
        fillBuffer(pattern(2));
        disk.write(Disk.SECT, 7);
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent() - 1);
        assertArrayEquals(new byte[512], sector(img(), 7));
        b.runTo(b.clock.nextEvent());
        assertArrayEquals(pattern(2), sector(img(), 7));
    }

    @Test
    void read_fillsTheBuffer_trackBufferMakesARereadCheap() throws Exception {
        created();
        putSector(img(), 1, pattern(3));
        disk.write(Disk.SECT, 1);
        disk.write(Disk.STAT, Disk.READING);
        // Seek to track 319 (63581929 ns); sector 1 has passed once position 2 (628930 ns into a
        // revolution) comes round after the arrival: 67295594 ns; then 500 ns from the cache.
        assertEquals(1682403, runToCompletion());  // ceil(67296094 / 40)
        assertEquals(4, disk.read(Disk.STAT));
        assertTrue(irq());
        assertArrayEquals(pattern(3), buffer());
        long now = b.clock.now();
        disk.write(Disk.STAT, Disk.IDLE);
        disk.write(Disk.STAT, Disk.READING);
        assertFalse(irq(), "starting an operation lowers the line");
        // Same track, and the sector passed long ago: only the cache copy, 500 ns = 13 ticks.
        assertEquals(now + 13, runToCompletion());
        assertEquals(4, disk.read(Disk.STAT));
    }

    @Test
    void sequence_timesFollowTheModel() throws Exception {
        created();
        disk.write(Disk.STAT, Disk.WRITING);
        assertEquals(1674529, runToCompletion());
        disk.write(Disk.SECT, 1);
        disk.write(Disk.STAT, Disk.WRITING);  // same track: cache, then the next pass of sector 1
        assertEquals(2099057, runToCompletion());
        disk.write(Disk.SECT, 2047);          // track 279, 40 tracks in: a seek of 10 + 3·sqrt(40) ms
        disk.write(Disk.STAT, Disk.READING);
        assertEquals(2829874, runToCompletion());
        disk.write(Disk.SECT, 5);
        disk.write(Disk.STAT, Disk.READING);
        assertEquals(3797183, runToCompletion());
    }

    @Test
    void idle_clearsTheCompletionAndTheLine() throws Exception {
        created();
        disk.write(Disk.STAT, Disk.READING);
        runToCompletion();
        assertTrue(irq());
        disk.write(Disk.STAT, Disk.IDLE);
        assertEquals(0, disk.read(Disk.STAT));
        assertFalse(irq());
    }

    @Test
    void idle_abortsAnOperationInProgress() throws Exception {
        created();
        fillBuffer(pattern(4));
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(1000);
        disk.write(Disk.STAT, Disk.IDLE);
        b.runTo(10_000_000);
        assertEquals(0, disk.read(Disk.STAT));
        assertFalse(irq());
        assertArrayEquals(new byte[512], sector(img(), 0), "an aborted write writes nothing");
        assertEquals(0, disk.writes());
    }

    @Test
    void abortedSeek_stillEnds_beforeTheNextOperationMovesTheHead() throws Exception {
        created();
        disk.write(Disk.STAT, Disk.READING);     // seeks to track 319, arriving at 63581929 ns
        b.runTo(1000);
        disk.write(Disk.STAT, Disk.IDLE);
        disk.write(Disk.STAT, Disk.READING);     // the head is still on its way: no second seek
        // From the arrival, sector 0 has passed once position 1 comes round: 314465 ns + 4 revolutions
        // = 66981129 ns; + 500 ns.
        assertEquals(1674541, runToCompletion());
    }

    @ParameterizedTest(name = "sector {0}")
    @ValueSource(longs = {SECTORS, SECTORS + 1, 0xffffffffL})
    void invalidSector_endsAtOnce_withStatusAndInterrupt(long s) throws Exception {
        created();
        disk.write(Disk.SECT, (int) s);
        disk.write(Disk.STAT, Disk.READING);
        assertEquals(12, disk.read(Disk.STAT));
        assertTrue(irq());
        disk.write(Disk.STAT, Disk.WRITING);
        assertEquals(14, disk.read(Disk.STAT));
        assertTrue(irq());
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent(), "nothing scheduled");
        assertEquals((SECTORS + 1) * 512, Files.size(img()));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {2, 4, 6, 12, 16, -1})
    void otherStatusValues_wedge(int v) throws Exception {
        created();
        disk.write(Disk.STAT, v);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
        assertTrue(b.power.message().contains("disk: slot 2: invalid write 0x" + Integer.toHexString(v)
                + " to the status register"), b.power.message());
    }

    @Test
    void hostFailure_isAMediaError_withAMessage() throws Exception {
        created();
        disk.close();  // the host file is gone from under the card
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent());
        assertEquals(22, disk.read(Disk.STAT));
        assertTrue(irq());
        disk.write(Disk.STAT, Disk.READING);
        b.runTo(b.clock.nextEvent());
        assertEquals(20, disk.read(Disk.STAT));
        assertTrue(b.messageText().contains("disk: slot 2: " + img() + ": sector 0: media error"), b.messageText());
        assertTrue(b.power.isRunning());
        disk = null;
    }

    @Test
    void littleEndianMachine_bufferBytesInAddressOrder() throws Exception {
        disk = Disk.open(b.slot(SLOT).withEndian(Endian.LITTLE), new Disk.Options(img(), SECTORS, 3600, false));
        disk.write(Disk.BUFFER, 0x04030201);
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOf(sector(img(), 0), 4));
    }

    @Test
    void bigEndianMachine_bufferBytesInAddressOrder() throws Exception {
        created();
        disk.write(Disk.BUFFER, 0x01020304);
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOf(sector(img(), 0), 4));
    }

    private String refused(Disk.Options o) {
        return assertThrows(DiskImage.Refused.class, () -> Disk.open(b.slot(SLOT), o)).getMessage();
    }

    @Test
    void missingImage_withoutSize_refused_andNotCreated() {
        assertEquals("no such file, and no size= or sectors= to create it with", refused(new Disk.Options(img(), 0, 3600, false)));
        assertFalse(Files.exists(img()));
    }

    @ParameterizedTest(name = "{0} sectors")
    @ValueSource(longs = {127, 2048, 8040})
    void missingImage_sizeTheModelRefuses_notCreated(long sectors) {
        String why = refused(new Disk.Options(img(), sectors, 3600, false));
        assertTrue(why.startsWith(sectors < 128 ? "too small: 127 sectors (at least 128)" : "System/161's disk geometry cannot lay out"), why);
        assertFalse(Files.exists(img()));
    }

    @Test
    void creationFailing_deletesTheHalfMadeImage_soTheNextRunCreatesItAfresh() throws Exception {
        DiskImage.HeaderWriter tooLarge = (ch, sectors, paranoid) -> {
            ch.write(ByteBuffer.wrap(new byte[512]), 0);  // the header is there, the size is not: as under ulimit -f
            throw new IOException("File too large");
        };
        DiskImage.Refused e = assertThrows(DiskImage.Refused.class, () -> DiskImage.open(img(), SECTORS, false, tooLarge));
        assertEquals("File too large", e.getMessage());
        assertFalse(Files.exists(img()), "a file this run created is not left behind");
        assertThrows(IllegalStateException.class, () -> DiskImage.open(img(), SECTORS, false, (ch, sectors, paranoid) -> {
            throw new IllegalStateException("a bug while writing the header");
        }));
        assertFalse(Files.exists(img()), "whatever the failure");
        assertEquals(SECTORS, created().sectors(), "the next run creates the image");
    }

    @Test
    void refusedExistingImage_isLeftAsItWas() throws Exception {
        Files.write(img(), "System/161 Disk Image\0".getBytes(StandardCharsets.US_ASCII));
        refused(new Disk.Options(img(), SECTORS, 3600, false));
        assertEquals(22, Files.size(img()), "only a file the run created is deleted");
    }

    @Test
    void badHeader_refused() throws Exception {
        byte[] bytes = new byte[(int) (SECTORS + 1) * 512];
        System.arraycopy("System/161 Disk Imagf".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 21);
        Files.write(img(), bytes);
        assertEquals("not a disk image (no \"System/161 Disk Image\" header)", refused(new Disk.Options(img(), 0, 3600, false)));
    }

    @Test
    void headerWithTrailingText_refused() throws Exception {
        byte[] bytes = new byte[(int) (SECTORS + 1) * 512];
        System.arraycopy("System/161 Disk Image2".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 22);
        Files.write(img(), bytes);
        assertTrue(refused(new Disk.Options(img(), 0, 3600, false)).startsWith("not a disk image"));
    }

    @Test
    void shortFile_noHeaderBlock() throws Exception {
        Files.write(img(), "System/161 Disk Image\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("no header block (the file is shorter than 512 bytes)", refused(new Disk.Options(img(), 0, 3600, false)));
    }

    @Test
    void imageTooSmall_refused() throws Exception {
        created();
        disk.close();
        disk = null;
        try (FileChannel ch = FileChannel.open(img(), StandardOpenOption.WRITE)) {
            ch.truncate(101 * 512 + 100);  // 100 whole sectors and a part
        }
        assertEquals("too small: 100 sectors (at least 128)", refused(new Disk.Options(img(), 0, 3600, false)));
    }

    @Test
    void readOnlyImage_refused() throws Exception {
        created();
        disk.close();
        disk = null;
        Files.setPosixFilePermissions(img(), PosixFilePermissions.fromString("r--r--r--"));
        assertEquals("read-only (the image must be writable)", refused(new Disk.Options(img(), 0, 3600, false)));
    }

    @Test
    void directoryAsImage_refused() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d.img"));
        String why = refused(new Disk.Options(d, 0, 3600, false));
        assertFalse(why.isEmpty());
    }

    @Test
    void imageInUse_refused_untilClosed() throws Exception {
        created();
        assertEquals("locked by another disk or another process", refused(new Disk.Options(img(), 0, 3600, false)));
        disk.close();
        Disk again = Disk.open(b.slot(SLOT), new Disk.Options(img(), 0, 3600, false));
        assertEquals(SECTORS, again.sectors());
        again.close();
        disk = null;
    }

    /** Starts {@code command}, waits for its first line, and returns it running. */
    private static Process holding(List<String> command, String ready) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals(ready, line, "the other process holds the image");
        return p;
    }

    @Test
    void imageInUseByAnotherVm3000Process_refused_untilItLetsGo() throws Exception {
        created();
        disk.close();
        disk = null;
        Process other = holding(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DiskLockHolder.class.getName(), img().toString()), "open");
        try {
            assertEquals("locked by another disk or another process", refused(new Disk.Options(img(), 0, 3600, false)));
        } finally {
            other.getOutputStream().close();
            assertEquals(0, other.waitFor());
        }
        try (DiskImage again = DiskImage.open(img(), 0, false)) {
            assertEquals(SECTORS, again.sectors(), "free once the other process has let go");
        }
    }

    /**
     * System/161 locks its images with flock(2), Java with fcntl record locks, and on Linux the two
     * do not conflict: docs/devices.md says so, and that the two must not share an image at once.
     */
    @Test
    void imageFlockedLikeSys161Does_isNotSeenAsLocked() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "util-linux flock(1)");
        created();
        disk.close();
        disk = null;
        Process other = holding(List.of("/usr/bin/flock", "--exclusive", img().toString(), "sh", "-c", "echo flocked; cat >/dev/null"),
                "flocked");
        try {
            try (DiskImage image = DiskImage.open(img(), 0, false)) {
                assertEquals(SECTORS, image.sectors(), "the lock does not exclude System/161");
            }
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
    }

    @Test
    void paranoid_writesReachTheFileAsWell() throws Exception {
        attach(new Disk.Options(img(), SECTORS, 3600, true));
        fillBuffer(pattern(5));
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent());
        assertEquals(6, disk.read(Disk.STAT));
        assertArrayEquals(pattern(5), sector(img(), 0));
    }

    @Test
    void close_leavesCompletedWritesInTheFile_andDropsOneInProgress() throws Exception {
        created();
        fillBuffer(pattern(6));
        disk.write(Disk.STAT, Disk.WRITING);
        b.runTo(b.clock.nextEvent());
        disk.write(Disk.SECT, 1);
        disk.write(Disk.STAT, Disk.WRITING);
        disk.close();
        disk = null;
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent());
        assertArrayEquals(pattern(6), sector(img(), 0));
        assertArrayEquals(new byte[512], sector(img(), 1));
    }
}
