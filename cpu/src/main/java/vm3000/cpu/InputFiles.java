package vm3000.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file the user named: only a regular file (after symbolic links), and never more than a
 * limit, whatever size the file system reports. Devices, FIFOs and many {@code /proc} files report
 * size 0 and never end, so the size is checked before reading and the read itself stops one byte
 * past the limit.
 */
public final class InputFiles {
    private InputFiles() {}

    /** A file that is not read: the message says why, without the file's name. */
    public static class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A regular file larger than the limit. */
    public static final class TooLarge extends Refused {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * The bytes of {@code path}, at most {@code limit} of them.
     *
     * @throws Refused for a directory, a device, FIFO or socket; {@link TooLarge} for a file larger than {@code limit}
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    public static byte[] read(Path path, int limit) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (a.isDirectory()) throw new Refused("is a directory");
        if (!a.isRegularFile()) throw new Refused("not a regular file (a device, FIFO or socket is not read)");
        if (a.size() > limit) throw new TooLarge("larger than " + size(limit));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
        }
        if (bytes.length > limit) throw new TooLarge("larger than " + size(limit));
        return bytes;
    }

    /** {@code n} bytes for a message: in MiB or KiB where it is a whole number of them. */
    public static String size(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) return (n >> 20) + " MiB";
        if (n >= 1 << 10 && n % (1 << 10) == 0) return (n >> 10) + " KiB";
        return n + " bytes";
    }
}
