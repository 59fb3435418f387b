package vm3000.cpu.dev;

import static vm3000.cpu.dev.Emufs.RES_BADHANDLE;
import static vm3000.cpu.dev.Emufs.RES_BADOP;
import static vm3000.cpu.dev.Emufs.RES_BADPATH;
import static vm3000.cpu.dev.Emufs.RES_BADSIZE;
import static vm3000.cpu.dev.Emufs.RES_EXISTS;
import static vm3000.cpu.dev.Emufs.RES_ISDIR;
import static vm3000.cpu.dev.Emufs.RES_NOHANDLES;
import static vm3000.cpu.dev.Emufs.RES_NOTDIR;
import static vm3000.cpu.dev.Emufs.RES_SUCCESS;
import static vm3000.cpu.dev.Emufs.RES_UNSUPP;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What each emufs operation does on the host (System/161 bus/dev_emufs.c, restated): every
 * operation reads its arguments from the registers and the buffer, updates them, and returns a
 * result code. Host failures become result codes ({@link EmufsErrors}); nothing is thrown.
 */
final class EmufsOps {
    /** The card's registers and I/O buffer, as the operations see them. */
    static final class Registers {
        int handle;
        int offset;
        int iolen;
        final byte[] buf = new byte[Emufs.BUFFER_SIZE];
    }

    private static final Path DOT = Path.of(".");
    private static final Path DOTDOT = Path.of("..");

    private final EmufsNames names;
    private final EmufsHandles handles;
    /**
     * Run between a name's walk and the opening of its file: a test's stand-in for a host process
     * changing the tree at the worst moment.
     */
    Runnable beforeOpen = () -> {};

    EmufsOps(EmufsNames names, EmufsHandles handles) {
        this.names = names;
        this.handles = handles;
    }

    /** Runs operation {@code op} on {@code r}; the result code. */
    int run(int op, Registers r) {
        try {
            return dispatch(op, r);
        } catch (EmufsNames.Refused e) {
            return e.code;
        } catch (IOException | UncheckedIOException | DirectoryIteratorException | InvalidPathException
                 | SecurityException e) {
            return EmufsErrors.code(e);
        }
    }

    private int dispatch(int op, Registers r) throws IOException, EmufsNames.Refused {
        EmufsHandles.Entry e = handles.get(r.handle & 0xFFFFFFFFL);
        if (e == null) return RES_BADHANDLE;
        switch (op) {
            case Emufs.OP_OPEN:
            case Emufs.OP_CREATE:
            case Emufs.OP_EXCLCREATE: return open(op, e, r);
            case Emufs.OP_CLOSE:
                handles.close(r.handle);
                return RES_SUCCESS;
            case Emufs.OP_READ: return read(e, r);
            case Emufs.OP_READDIR: return readdir(e, r);
            case Emufs.OP_WRITE: return write(e, r);
            case Emufs.OP_GETSIZE:
                r.iolen = (int) (e.isDir() ? directorySize(e) : e.channel().size());
                return RES_SUCCESS;
            case Emufs.OP_TRUNC: return truncate(e, r);
            default: return RES_BADOP;
        }
    }

    /** OPEN, CREATE, EXCLCREATE: the name in the buffer, from directory handle RFH. */
    private int open(int op, EmufsHandles.Entry dir, Registers r) throws IOException, EmufsNames.Refused {
        if ((r.iolen & 0xFFFFFFFFL) >= Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (!dir.isDir()) return RES_NOTDIR;
        try (EmufsNames.Found f = names.resolve(dir.dir(), dir.names(), name(r.buf, r.iolen))) {
            BasicFileAttributes a = f.attrs();
            if (a == null && op == Emufs.OP_OPEN) return RES_BADPATH;
            if (a != null && op == Emufs.OP_EXCLCREATE) return RES_EXISTS;
            if (a != null && a.isDirectory() && op == Emufs.OP_CREATE) return RES_ISDIR;
            if (a != null && !a.isDirectory() && !a.isRegularFile()) return RES_UNSUPP;
            int h = a == null ? -1 : handles.find(key(a));
            if (h < 0) {
                h = handles.free();
                if (h < 0) return RES_NOHANDLES;
                EmufsHandles.Entry opened = f.last() == null
                        ? EmufsHandles.Entry.directory(key(a), f.takeDir(), f.names())
                        : openFile(f, a != null ? null
                                : op == Emufs.OP_EXCLCREATE ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
                int again = handles.find(opened.key());
                if (again >= 0) {
                    opened.close();
                    h = again;
                } else {
                    handles.put(h, opened);
                }
            }
            r.handle = h;
            r.iolen = handles.get(h).isDir() ? 1 : 0;
            return RES_SUCCESS;
        }
    }

    /**
     * Opens the regular file {@code f.last()} in the open directory {@code f.dir()} for reading and
     * writing (creating it with {@code create}, if not null), without following a link, and checks
     * afterwards that the name is still a regular file and, if it existed, the same one.
     */
    private EmufsHandles.Entry openFile(EmufsNames.Found f, StandardOpenOption create) throws IOException, EmufsNames.Refused {
        beforeOpen.run();
        Path name = Path.of(f.last());
        Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        if (create != null) options.add(create);
        SeekableByteChannel ch;
        try {
            ch = f.dir().newByteChannel(name, options);
        } catch (IOException e) {
            throw failedOpen(f.dir(), name, e);
        }
        try {
            BasicFileAttributes a = EmufsNames.attributes(f.dir(), name);
            if (!a.isRegularFile() || f.attrs() != null && !Objects.equals(a.fileKey(), f.attrs().fileKey())) {
                throw new EmufsNames.Refused(RES_BADPATH, "changed while it was opened");
            }
            return EmufsHandles.Entry.file(key(a), ch);
        } catch (IOException | EmufsNames.Refused | RuntimeException e) {
            EmufsHandles.quietClose(ch);  // not left open whatever went wrong
            throw e;
        }
    }

    /**
     * What a failed open means when its exception's type does not say: judged from what is there
     * now rather than from the host's message (which is in the host's language): a link put in the
     * name's place (the open does not follow it) is a bad path, a directory is one; anything else
     * is the host's error as it stands.
     */
    static EmufsNames.Refused failedOpen(SecureDirectoryStream<Path> dir, Path name, IOException e) throws IOException {
        if (e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException
                || e instanceof AccessDeniedException) throw e;
        BasicFileAttributes now;
        try {
            now = EmufsNames.attributes(dir, name);
        } catch (IOException unknown) {
            throw e;
        }
        if (now.isSymbolicLink()) return new EmufsNames.Refused(RES_BADPATH, "replaced by a link while it was opened");
        if (now.isDirectory()) return new EmufsNames.Refused(RES_ISDIR, "replaced by a directory while it was opened");
        throw e;
    }

    private static int read(EmufsHandles.Entry e, Registers r) throws IOException {
        if ((r.iolen & 0xFFFFFFFFL) > Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (e.isDir()) return RES_ISDIR;
        ByteBuffer bb = ByteBuffer.wrap(r.buf, 0, r.iolen);
        long pos = r.offset & 0xFFFFFFFFL;
        SeekableByteChannel ch = e.channel().position(pos);
        while (bb.hasRemaining()) {
            if (ch.read(bb) < 0) break;
        }
        r.offset += bb.position();
        r.iolen = bb.position();
        return RES_SUCCESS;
    }

    private static int write(EmufsHandles.Entry e, Registers r) throws IOException {
        if ((r.iolen & 0xFFFFFFFFL) > Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (e.isDir()) return RES_ISDIR;
        ByteBuffer bb = ByteBuffer.wrap(r.buf, 0, r.iolen);
        long pos = r.offset & 0xFFFFFFFFL;
        SeekableByteChannel ch = e.channel().position(pos);
        while (bb.hasRemaining()) ch.write(bb);
        r.offset += bb.position();
        r.iolen = bb.position();
        return RES_SUCCESS;
    }

    /** READDIR: entry number ROFF of ".", "..", then the names in the directory in byte order. */
    private static int readdir(EmufsHandles.Entry e, Registers r) throws IOException {
        if ((r.iolen & 0xFFFFFFFFL) > Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (!e.isDir()) return RES_NOTDIR;
        long index = r.offset & 0xFFFFFFFFL;
        checkPresent(e);
        List<String> entries = list(e.dir());
        if (index >= entries.size()) {
            r.iolen = 0;
            return RES_SUCCESS;
        }
        byte[] name = entries.get((int) index).getBytes(StandardCharsets.UTF_8);
        int len = Math.min(name.length, r.iolen);
        System.arraycopy(name, 0, r.buf, 0, len);
        r.iolen = len;
        r.offset++;
        return RES_SUCCESS;
    }

    /** The names in the open directory {@code dir}, read afresh (a stream's entries can be read only once). */
    private static List<String> list(SecureDirectoryStream<Path> dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (SecureDirectoryStream<Path> ds = dir.newDirectoryStream(DOT, LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : ds) names.add(p.getFileName().toString());
        }
        names.sort(EmufsOps::byUtf8Bytes);
        names.add(0, "..");
        names.add(0, ".");
        return names;
    }

    /** Byte order of the names' UTF-8, which is what the guest sees (Java's own order is UTF-16's). */
    static int byUtf8Bytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A directory handle's directory, unless the host has removed it: then it is no such file, as
     * on System/161 where a path names it (Linux lets a process holding a removed directory list
     * it, empty). It is looked for in its parent, under its name, else among all the parent's
     * entries, since it may have been renamed; the root is not looked for.
     */
    private static void checkPresent(EmufsHandles.Entry e) throws IOException {
        List<String> names = e.names();
        if (names.isEmpty()) return;
        try (SecureDirectoryStream<Path> parent = e.dir().newDirectoryStream(DOTDOT, LinkOption.NOFOLLOW_LINKS)) {
            if (isKey(parent, Path.of(names.get(names.size() - 1)), e.key())) return;
            for (Path p : parent) if (isKey(parent, p.getFileName(), e.key())) return;
        }
        throw new NoSuchFileException(String.join("/", names), null, "removed");
    }

    private static boolean isKey(SecureDirectoryStream<Path> dir, Path name, Object key) {
        try {
            return key.equals(EmufsNames.attributes(dir, name).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static long directorySize(EmufsHandles.Entry e) throws IOException {
        checkPresent(e);
        return e.dir().getFileAttributeView(BasicFileAttributeView.class).readAttributes().size();
    }

    /** TRUNCATE to RLEN bytes: shortens, or lengthens with zeros, as ftruncate does. */
    private static int truncate(EmufsHandles.Entry e, Registers r) throws IOException {
        if (e.isDir()) return RES_ISDIR;
        long size = r.iolen & 0xFFFFFFFFL;
        SeekableByteChannel ch = e.channel();
        if (size < ch.size()) ch.truncate(size);
        else if (size > ch.size()) ch.position(size - 1).write(ByteBuffer.wrap(new byte[1]));
        return RES_SUCCESS;
    }

    /** The name in the buffer: its first {@code len} bytes, up to a NUL, as UTF-8. */
    private static String name(byte[] buf, int len) {
        int n = 0;
        while (n < len && buf[n] != 0) n++;
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * What identifies an object on the host: its file key (device and inode), which stays its own
     * while a handle holds it open; on a host without file keys, every open is a new object.
     */
    private static Object key(BasicFileAttributes a) {
        Object k = a.fileKey();
        return k != null ? k : new Object();
    }
}
