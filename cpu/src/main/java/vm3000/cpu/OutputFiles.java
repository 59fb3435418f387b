package vm3000.cpu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file the user named ({@code vm3000 asm -o OUT}, the files of {@code vm3000 bench
 * --out DIR}) the way {@code -o} is expected to behave:
 *
 * <ul>
 *   <li>OUT does not exist: it is created as any new file is, with mode 0666 less the umask;</li>
 *   <li>OUT is a regular file: it is replaced and keeps its permission bits;</li>
 *   <li>either way the bytes go to a temporary file in OUT's directory first, renamed over OUT
 *       when complete, so OUT is never half-written;</li>
 *   <li>OUT is a symbolic link: the file it points to is written as above (created if the link
 *       dangles) and the link stays; a link through {@code /proc}, such as {@code /dev/stdout},
 *       is opened and written like a FIFO, as {@code cat > /dev/stdout} would;</li>
 *   <li>OUT is a FIFO or a character device ({@code /dev/null}, a terminal): the bytes are
 *       written into it; it is not replaced by a file;</li>
 *   <li>OUT is a directory, a block device or a socket: refused.</li>
 * </ul>
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** An output refused for what it is; the message says why, without the file's name. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** How many symbolic links are followed, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;

    /** Writes {@code bytes} to {@code out} as described above. */
    public static void write(Path out, byte[] bytes) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(out, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            a = null;
        }
        if (a != null && a.isDirectory()) throw new Refused("is a directory");
        if (a != null && a.isOther()) {
            String kind = kind(out);
            if (!kind.equals("FIFO") && !kind.equals("character device")) {
                throw new Refused("is a " + kind + " (only a file, a FIFO or a character device is written)");
            }
            writeInto(out, bytes);
            return;
        }
        Path target = out;
        for (int i = 0; Files.isSymbolicLink(target); i++) {
            if (i == MAX_LINKS) throw new Refused("too many levels of symbolic links");
            Path parent = target.toAbsolutePath().getParent();
            if (parent.startsWith("/proc")) {
                // A "magic" link to an open file (/dev/stdout -> /proc/self/fd/1): its text is no path.
                writeInto(out, bytes);
                return;
            }
            target = parent.resolve(Files.readSymbolicLink(target));
        }
        replace(target, a != null, bytes);
    }

    /** Opens {@code out} (following links) and writes into it, truncating it if it is a file. */
    private static void writeInto(Path out, byte[] bytes) throws IOException {
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            o.write(bytes);
        }
    }

    /** Writes a temporary file next to {@code target} and renames it over {@code target}. */
    private static void replace(Path target, boolean exists, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path tmp;
        FileChannel ch;
        while (true) {
            tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                // No file attributes: the system's default mode, 0666 less the umask (Files.createTempFile
                // would make it 0600 whatever the umask).
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // Another name.
            }
        }
        try {
            try (FileChannel c = ch) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) c.write(b);
                c.force(true);
            }
            if (exists) keepPermissions(target, tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) return;
        PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
        view.setPermissions(old.permissions());
    }

    /** What kind of special file {@code p} is, from its mode where the system tells it. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "FIFO";
                case 0020000: return "character device";
                case 0060000: return "block device";
                case 0140000: return "socket";
                default: return "special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "special file";
        }
    }
}
