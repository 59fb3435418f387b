package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * A disk image file in System/161's format (its {@code disk161} tool and {@code bus/dev_disk.c}):
 * a 512-byte header sector holding the NUL-terminated string {@code "System/161 Disk Image"},
 * then the disk's sectors in order. The disk has as many sectors as whole 512-byte sectors follow
 * the header (at most 2^23, 4 GiB). The file is opened for reading and writing and locked for the
 * life of the image: an fcntl record lock, the only kind Java takes, which excludes other vm3000
 * processes but not System/161, whose flock(2) does not conflict with it on Linux. A sector
 * written is handed to the host when the write completes, and with {@code paranoid} forced to
 * stable storage as well.
 */
final class DiskImage implements AutoCloseable {
    static final int SECTOR_SIZE = 512;
    static final String MAGIC = "System/161 Disk Image";
    /** The most sectors a disk uses: System/161 uses only the first 4 GiB of an image. */
    static final long MAX_SECTORS = (1L << 32) / SECTOR_SIZE;

    /** Why an image cannot be used: one line, without the file's name. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        Refused(String why) { super(why); }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final long sectors;
    private final boolean paranoid;
    private final String note;

    private DiskImage(FileChannel channel, FileLock lock, long sectors, boolean paranoid, String note) {
        this.channel = channel;
        this.lock = lock;
        this.sectors = sectors;
        this.paranoid = paranoid;
        this.note = note;
    }

    /** Writes a new image's header and sizes the file: {@link #writeHeader}, or a test's stand-in. */
    @FunctionalInterface
    interface HeaderWriter {
        void write(FileChannel ch, long sectors, boolean paranoid) throws IOException;
    }

    /**
     * Opens the image at {@code path}. A file that does not exist is created with
     * {@code createSectors} sectors (all zero) if that is nonzero; {@code createSectors} is
     * otherwise only compared with the image's size ({@link #note()}). A file this call created is
     * deleted again if the image cannot be used, so a failed run leaves nothing behind for the next
     * one to mistake for an image.
     */
    static DiskImage open(Path path, long createSectors, boolean paranoid) throws Refused {
        return open(path, createSectors, paranoid, DiskImage::writeHeader);
    }

    static DiskImage open(Path path, long createSectors, boolean paranoid, HeaderWriter header) throws Refused {
        FileChannel ch = null;
        boolean created = false;
        boolean done = false;
        try {
            if (Files.exists(path) && readOnly(path)) throw new Refused("read-only (the image must be writable)");
            try {
                ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                if (createSectors == 0) throw new Refused("no such file, and no size= or sectors= to create it with");
                ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                created = true;
            }
            FileLock lock = lock(ch);
            if (created) header.write(ch, createSectors, paranoid);
            else checkHeader(ch);
            long data = ch.size() - SECTOR_SIZE;
            long sectors = Math.min(data / SECTOR_SIZE, MAX_SECTORS);
            String note = null;
            if (data / SECTOR_SIZE > MAX_SECTORS) {
                note = "image too large; using the first 4 GiB";
            } else if (createSectors != 0 && createSectors != sectors) {
                note = "configured size " + createSectors + " sectors differs from the image's; using the image's "
                        + sectors + " sectors";
            }
            DiskImage image = new DiskImage(ch, lock, sectors, paranoid, note);
            done = true;
            return image;
        } catch (AccessDeniedException e) {
            throw new Refused("permission denied (the image must be readable and writable)");
        } catch (FileAlreadyExistsException e) {
            throw new Refused("appeared while being created");
        } catch (IOException e) {
            throw new Refused(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (!done) {
                closeQuietly(ch);  // releases the lock too
                if (created) deleteQuietly(path);
            }
        }
    }

    /**
     * True if the file is not writable, or if no one may write it by its permission bits: even
     * for a user (root) whom the host would let write it anyway.
     */
    private static boolean readOnly(Path path) throws IOException {
        if (!Files.isWritable(path)) return true;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static FileLock lock(FileChannel ch) throws IOException, Refused {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) throw new Refused("locked by another disk or another process");
        return lock;
    }

    private static void writeHeader(FileChannel ch, long sectors, boolean paranoid) throws IOException {
        byte[] header = new byte[SECTOR_SIZE];
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, header, 0, magic.length);
        writeFully(ch, ByteBuffer.wrap(header), 0);
        // The sectors are a hole in the file: they read as zeros.
        writeFully(ch, ByteBuffer.allocate(1), (sectors + 1) * SECTOR_SIZE - 1);
        if (paranoid) ch.force(true);
    }

    private static void checkHeader(FileChannel ch) throws IOException, Refused {
        byte[] header = new byte[SECTOR_SIZE];
        readFully(ch, header, 0);
        header[SECTOR_SIZE - 1] = 0;
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (!Arrays.equals(header, 0, magic.length, magic, 0, magic.length) || header[magic.length] != 0) {
            throw new Refused("not a disk image (no \"" + MAGIC + "\" header)");
        }
        if (ch.size() < SECTOR_SIZE) throw new Refused("no header block (the file is shorter than 512 bytes)");
    }

    /** Sectors on the disk. */
    long sectors() { return sectors; }

    /** A warning about the image's size for the machine's messages, or null. */
    String note() { return note; }

    /** Reads sector {@code n} into {@code buf}; beyond the end of the file it reads zeros. */
    void read(long n, byte[] buf) throws IOException {
        readFully(channel, buf, (n + 1) * SECTOR_SIZE);
    }

    /** Writes {@code buf} to sector {@code n}, to the host before this returns. */
    void write(long n, byte[] buf) throws IOException {
        writeFully(channel, ByteBuffer.wrap(buf, 0, SECTOR_SIZE), (n + 1) * SECTOR_SIZE);
        if (paranoid) channel.force(true);
    }

    /** Unlocks and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }

    private static void readFully(FileChannel ch, byte[] buf, long at) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, SECTOR_SIZE);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                Arrays.fill(buf, b.position(), SECTOR_SIZE, (byte) 0);  // a file cut short reads as zeros
                return;
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long done = 0;
        while (b.hasRemaining()) done += ch.write(b, at + done);
    }

    /** Removes a half-made image; if even that fails, the first error is still the one reported. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | SecurityException e) {
            // the refusal already names the image; a file left behind is refused by the next run
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            // already failing: the first error is the one reported
        }
    }
}
