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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    private final EmufsNames names;
    private final EmufsHandles handles;

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
                r.iolen = (int) (e.isDir() ? attributes(e.path()).size() : e.channel().size());
                return RES_SUCCESS;
            case Emufs.OP_TRUNC: return truncate(e, r);
            default: return RES_BADOP;
        }
    }

    /** OPEN, CREATE, EXCLCREATE: the name in the buffer, from directory handle RFH. */
    private int open(int op, EmufsHandles.Entry dir, Registers r) throws IOException, EmufsNames.Refused {
        if ((r.iolen & 0xFFFFFFFFL) >= Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (!dir.isDir()) return RES_NOTDIR;
        EmufsNames.Found f = names.resolve(dir.path(), name(r.buf, r.iolen));
        BasicFileAttributes a = f.attrs();
        if (a == null && op == Emufs.OP_OPEN) return RES_BADPATH;
        if (a != null && op == Emufs.OP_EXCLCREATE) return RES_EXISTS;
        if (a != null && a.isDirectory() && op == Emufs.OP_CREATE) return RES_ISDIR;
        if (a != null && !a.isDirectory() && !a.isRegularFile()) return RES_UNSUPP;
        int h = a == null ? -1 : handles.find(key(f.path(), a));
        if (h < 0) {
            h = handles.free();
            if (h < 0) return RES_NOHANDLES;
            EmufsHandles.Entry opened = a != null && a.isDirectory() ? new EmufsHandles.Entry(f.path(), key(f.path(), a), null)
                    : openFile(f.path(), a != null ? null
                            : op == Emufs.OP_EXCLCREATE ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            int again = handles.find(opened.key());
            if (again >= 0) {
                EmufsHandles.quietClose(opened.channel());
                h = again;
            } else {
                handles.put(h, opened);
            }
        }
        r.handle = h;
        r.iolen = handles.get(h).isDir() ? 1 : 0;
        return RES_SUCCESS;
    }

    /**
     * Opens a regular file for reading and writing (creating it with {@code create}, if not null),
     * without following a link in its last component, and checks afterwards that it is still a
     * regular file under the root.
     */
    private EmufsHandles.Entry openFile(Path p, StandardOpenOption create) throws IOException, EmufsNames.Refused {
        FileChannel ch = create != null
                ? FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, create, LinkOption.NOFOLLOW_LINKS)
                : FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            BasicFileAttributes a = attributes(p);
            if (!a.isRegularFile() || !names.inside(p.toRealPath())) {
                throw new EmufsNames.Refused(RES_BADPATH, "changed while it was opened");
            }
            return new EmufsHandles.Entry(p, key(p, a), ch);
        } catch (IOException | EmufsNames.Refused | RuntimeException e) {
            EmufsHandles.quietClose(ch);  // not left open whatever went wrong
            throw e;
        }
    }

    private static int read(EmufsHandles.Entry e, Registers r) throws IOException {
        if ((r.iolen & 0xFFFFFFFFL) > Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (e.isDir()) return RES_ISDIR;
        ByteBuffer bb = ByteBuffer.wrap(r.buf, 0, r.iolen);
        long pos = r.offset & 0xFFFFFFFFL;
        while (bb.hasRemaining()) {
            int n = e.channel().read(bb, pos);
            if (n < 0) break;
            pos += n;
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
        while (bb.hasRemaining()) pos += e.channel().write(bb, pos);
        r.offset += bb.position();
        r.iolen = bb.position();
        return RES_SUCCESS;
    }

    /** READDIR: entry number ROFF of ".", "..", then the names in the directory in byte order. */
    private static int readdir(EmufsHandles.Entry e, Registers r) throws IOException {
        if ((r.iolen & 0xFFFFFFFFL) > Emufs.BUFFER_SIZE) return RES_BADSIZE;
        if (!e.isDir()) return RES_NOTDIR;
        long index = r.offset & 0xFFFFFFFFL;
        List<String> entries = list(e.path());
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

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(dir.toString());
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) names.add(p.getFileName().toString());
        }
        Collections.sort(names);
        names.add(0, "..");
        names.add(0, ".");
        return names;
    }

    /** TRUNCATE to RLEN bytes: shortens, or lengthens with zeros, as ftruncate does. */
    private static int truncate(EmufsHandles.Entry e, Registers r) throws IOException {
        if (e.isDir()) return RES_ISDIR;
        long size = r.iolen & 0xFFFFFFFFL;
        FileChannel ch = e.channel();
        if (size < ch.size()) ch.truncate(size);
        else if (size > ch.size()) ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        return RES_SUCCESS;
    }

    /** The name in the buffer: its first {@code len} bytes, up to a NUL, as UTF-8. */
    private static String name(byte[] buf, int len) {
        int n = 0;
        while (n < len && buf[n] != 0) n++;
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** What identifies an object on the host: its file key, else its real path. */
    private static Object key(Path p, BasicFileAttributes a) {
        Object k = a.fileKey();
        return k != null ? k : p;
    }
}
