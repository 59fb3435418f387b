package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

import vm3000.cpu.bus.LamebusDevice;

/**
 * The emulator pass-through file system (System/161 doc/devices.html, "Emulator passthrough
 * filesystem"; VID 1, DID 7, DRL 1): a host directory, the card's root, that the guest opens,
 * reads, lists and writes through five registers and a 16 KiB buffer. OS/161 mounts it as
 * {@code emu0:}.
 *
 * <p>Writing OPER starts an operation. It acts on the host at once, as System/161's does, and its
 * result code reaches RESULT (raising the card's interrupt line) {@link #OP_TICKS} ticks later.
 * Writing RESULT sets it; writing 0 acknowledges and lowers the line. Starting an operation while
 * one is in progress wedges the machine, as on System/161.
 *
 * <p>Names stay inside the root ({@link EmufsNames}), looked up only relative to directories the
 * card holds open; handles are limited to System/161's 64 ({@link EmufsHandles}); every transfer
 * is limited to the buffer. {@link #close} closes the host files and directories.
 */
public final class Emufs implements LamebusDevice {
    public static final int HANDLE = 0;
    public static final int OFFSET = 4;
    public static final int IOLEN = 8;
    public static final int OPER = 12;
    public static final int RESULT = 16;
    /** The I/O buffer: {@link #BUFFER_SIZE} bytes from this offset. */
    public static final int BUFFER = 0x8000;
    public static final int BUFFER_SIZE = 0x4000;

    public static final int OP_OPEN = 1;
    public static final int OP_CREATE = 2;
    public static final int OP_EXCLCREATE = 3;
    public static final int OP_CLOSE = 4;
    public static final int OP_READ = 5;
    public static final int OP_READDIR = 6;
    public static final int OP_WRITE = 7;
    public static final int OP_GETSIZE = 8;
    public static final int OP_TRUNC = 9;

    public static final int RES_SUCCESS = 1;
    public static final int RES_BADHANDLE = 2;
    public static final int RES_BADOP = 3;
    public static final int RES_BADPATH = 4;
    public static final int RES_BADSIZE = 5;
    public static final int RES_EXISTS = 6;
    public static final int RES_ISDIR = 7;
    public static final int RES_MEDIA = 8;
    public static final int RES_NOHANDLES = 9;
    public static final int RES_NOSPACE = 10;
    public static final int RES_NOTDIR = 11;
    public static final int RES_UNKNOWN = 12;
    public static final int RES_UNSUPP = 13;

    /** Ticks an operation takes: System/161's EMUFS_NSECS, 5 ms, at 40 ns a tick. */
    public static final long OP_TICKS = 125_000;

    /** Why a directory cannot be a card's root: one line, without the directory's name. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        Refused(String why) { super(why); }
    }

    private final DeviceContext ctx;
    private final Path root;
    private final EmufsHandles handles;
    final EmufsOps ops;
    private final EmufsOps.Registers regs = new EmufsOps.Registers();
    private int result;
    private boolean busy;
    private boolean closed;
    private long operations;

    /**
     * A card whose root is the directory {@code dir} (relative names from the current directory,
     * System/161's default being "."). A {@code dir} that cannot be the root is an
     * IllegalArgumentException: the configuration parser has checked it already ({@link #open}
     * reports it instead).
     */
    public Emufs(DeviceContext ctx, Path dir) {
        this(ctx, rootOrFail(dir));
    }

    /** A card on the directory {@code dir}; refused, with why, if that cannot be its root. */
    static Emufs open(DeviceContext ctx, Path dir) throws Refused {
        return new Emufs(ctx, Root.open(dir, Files::newDirectoryStream));
    }

    /** How the root is opened: {@link Files#newDirectoryStream(Path)}, or a test's stand-in for another host's. */
    @FunctionalInterface
    interface DirOpener {
        DirectoryStream<Path> open(Path dir) throws IOException;
    }

    static Emufs open(DeviceContext ctx, Path dir, DirOpener opener) throws Refused {
        return new Emufs(ctx, Root.open(dir, opener));
    }

    private Emufs(DeviceContext ctx, Root r) {
        this.ctx = ctx;
        this.root = r.path();
        handles = new EmufsHandles(EmufsHandles.Entry.directory(r.key(), r.dir(), List.of()));
        ops = new EmufsOps(new EmufsNames(root, r.dir()), handles);
    }

    private static Root rootOrFail(Path dir) {
        try {
            return Root.open(dir, Files::newDirectoryStream);
        } catch (Refused e) {
            throw new IllegalArgumentException("emufs: dir=" + dir + ": " + e.getMessage(), e);
        }
    }

    /** The root: its real path, held open, and its file key. */
    private record Root(Path path, SecureDirectoryStream<Path> dir, Object key) {
        /**
         * Opens {@code dir} as a root. It must be a directory, and this Java must be able to hold it
         * open as a {@link SecureDirectoryStream} (Linux's can): names are then looked up only
         * relative to open directories, never by host path, which is what keeps the guest inside.
         */
        static Root open(Path dir, DirOpener opener) throws Refused {
            Path real;
            BasicFileAttributes a;
            try {
                real = dir.toRealPath();
                a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new Refused("no such directory");
            } catch (IOException | SecurityException e) {
                throw new Refused(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (!a.isDirectory()) throw new Refused("not a directory");
            DirectoryStream<Path> ds;
            try {
                ds = opener.open(real);
            } catch (IOException | SecurityException e) {
                throw new Refused(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (!(ds instanceof SecureDirectoryStream<Path> sds)) {
                EmufsHandles.quietClose(ds);
                throw new Refused("this host's Java cannot hold a directory open (no SecureDirectoryStream), "
                        + "which the card needs to keep the guest inside its root");
            }
            try {
                Object key = sds.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
                if (!Objects.equals(key, a.fileKey())) throw new Refused("changed while it was opened");
                return new Root(real, sds, key != null ? key : new Object());
            } catch (IOException | Refused e) {
                EmufsHandles.quietClose(sds);
                throw e instanceof Refused r ? r : new Refused(e.getMessage());
            }
        }
    }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.EMUFS; }
    @Override public int revision() { return Sys161Ids.EMUFS_REVISION; }

    /** The host directory the guest sees as its root (a real path). */
    public Path root() { return root; }

    /** Operations started so far. */
    public long operations() { return operations; }

    /** Handles in use, the root's included. */
    public int handlesInUse() { return handles.inUse(); }

    @Override
    public long read(int offset) {
        if (offset >= BUFFER && offset < BUFFER + BUFFER_SIZE) return bufferWord(offset - BUFFER);
        switch (offset) {
            case HANDLE: return regs.handle & 0xFFFFFFFFL;
            case OFFSET: return regs.offset & 0xFFFFFFFFL;
            case IOLEN: return regs.iolen & 0xFFFFFFFFL;
            case OPER: return 0;
            case RESULT: return result & 0xFFFFFFFFL;
            default: return BUS_ERROR;
        }
    }

    @Override
    public boolean write(int offset, int value) {
        if (offset >= BUFFER && offset < BUFFER + BUFFER_SIZE) {
            setBufferWord(offset - BUFFER, value);
            return true;
        }
        switch (offset) {
            case HANDLE: regs.handle = value; return true;
            case OFFSET: regs.offset = value; return true;
            case IOLEN: regs.iolen = value; return true;
            case OPER: start(value); return true;
            case RESULT: setResult(value); return true;
            default: return false;
        }
    }

    /** Closes every host file and directory the card holds; later operations fail with a media error. */
    @Override
    public void close() {
        closed = true;
        handles.closeAll();
    }

    private void start(int op) {
        if (busy) {
            ctx.power().machineCheck("emufs: operation started while an operation was already in progress");
            return;
        }
        busy = true;
        operations++;
        int res = closed ? RES_MEDIA : ops.run(op, regs);
        ctx.clock().schedule(ctx.clock().now() + OP_TICKS, () -> {
            busy = false;
            setResult(res);
        });
    }

    private void setResult(int value) {
        result = value;
        ctx.setIrq(value != 0);
    }

    /** The buffer's bytes lie in its words in the machine's byte order, as in RAM. */
    private long bufferWord(int at) {
        long w = 0;
        for (int i = 0; i < 4; i++) w |= (regs.buf[at + i] & 0xFFL) << ctx.endian().byteShift(at + i);
        return w;
    }

    private void setBufferWord(int at, int value) {
        for (int i = 0; i < 4; i++) regs.buf[at + i] = (byte) (value >>> ctx.endian().byteShift(at + i));
    }
}
