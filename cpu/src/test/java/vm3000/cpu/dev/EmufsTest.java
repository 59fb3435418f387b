package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm3000.cpu.dev.Emufs.*;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PowerState;

/** The emufs card driven through its registers, on a temporary host directory. */
class EmufsTest {
    private static final int SLOT = 2;

    @TempDir Path tmp;
    private Path root;
    private Path outside;
    private final TestBoard b = new TestBoard();
    private Emufs card;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.writeString(tmp.resolve("secret"), "outside");
        card = attach(b.slot(SLOT));
    }

    private Emufs attach(DeviceContext ctx) {
        Emufs e = new Emufs(ctx, root);
        b.bus.attach(SLOT, e);
        return e;
    }

    private boolean irq() { return (b.bus.irqLines() & (1 << SLOT)) != 0; }

    /** Starts {@code op}, lets it complete, acknowledges it; the result code. */
    private int op(int op) {
        assertTrue(card.write(OPER, op));
        b.runTo(b.clock.now() + OP_TICKS);
        int res = (int) card.read(RESULT);
        assertTrue(irq(), "completion raises the line");
        card.write(RESULT, 0);
        assertFalse(irq(), "writing 0 to RESULT lowers it");
        return res;
    }

    private void putBytes(byte[] bytes) {
        byte[] padded = new byte[(bytes.length + 3) & ~3];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        for (int i = 0; i < padded.length; i += 4) {
            int w = (padded[i] & 0xff) << 24 | (padded[i + 1] & 0xff) << 16
                    | (padded[i + 2] & 0xff) << 8 | (padded[i + 3] & 0xff);
            card.write(BUFFER + i, w);
        }
    }

    private byte[] getBytes(int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) out[i] = (byte) (card.read(BUFFER + (i & ~3)) >>> ((3 - (i & 3)) * 8));
        return out;
    }

    /** OPEN/CREATE/EXCLCREATE of {@code name} from handle {@code dir}; the result code. */
    private int open(int how, int dir, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        putBytes(n);
        card.write(HANDLE, dir);
        card.write(IOLEN, n.length);
        return op(how);
    }

    /** Opens {@code name} from handle {@code dir}, expecting success; the handle. */
    private int openHandle(int how, int dir, String name) {
        assertEquals(RES_SUCCESS, open(how, dir, name), name);
        return (int) card.read(HANDLE);
    }

    /** Opens {@code name} from the root, expecting success; the handle. */
    private int openOk(int how, String name) {
        assertEquals(RES_SUCCESS, open(how, 0, name), name);
        return (int) card.read(HANDLE);
    }

    private int io(int op, int h, int offset, int len) {
        card.write(HANDLE, h);
        card.write(OFFSET, offset);
        card.write(IOLEN, len);
        return op(op);
    }

    private String readAll(int h) {
        assertEquals(RES_SUCCESS, io(OP_READ, h, 0, BUFFER_SIZE));
        return new String(getBytes((int) card.read(IOLEN)), StandardCharsets.UTF_8);
    }

    private List<String> listing(int h) {
        List<String> names = new ArrayList<>();
        card.write(HANDLE, h);
        card.write(OFFSET, 0);
        while (true) {
            card.write(IOLEN, 255);
            assertEquals(RES_SUCCESS, op(OP_READDIR));
            int len = (int) card.read(IOLEN);
            if (len == 0) return names;
            names.add(new String(getBytes(len), StandardCharsets.UTF_8));
        }
    }

    @Test
    void ids_areSys161Emufs() {
        assertEquals(1, card.vendorId());
        assertEquals(7, card.deviceId());
        assertEquals(1, card.revision());
    }

    @Test
    void operation_completesAfterOpTicks_withInterrupt() throws IOException {
        Files.writeString(root.resolve("f"), "x");
        putBytes("f".getBytes(StandardCharsets.UTF_8));
        card.write(IOLEN, 1);
        card.write(OPER, OP_OPEN);
        assertEquals(0, card.read(OPER), "OPER reads 0");
        b.runTo(OP_TICKS - 1);
        assertEquals(0, card.read(RESULT));
        assertFalse(irq());
        b.runTo(OP_TICKS);
        assertEquals(RES_SUCCESS, card.read(RESULT));
        assertTrue(irq());
        card.write(RESULT, 0);
        assertFalse(irq());
    }

    @Test
    void reservedRegisters_areBusErrors() {
        assertEquals(LamebusDevice.BUS_ERROR, card.read(20));
        assertEquals(LamebusDevice.BUS_ERROR, card.read(BUFFER - 4));
        assertEquals(LamebusDevice.BUS_ERROR, card.read(BUFFER + BUFFER_SIZE));
        assertFalse(card.write(28, 1));
    }

    @Test
    void operationWhileBusy_wedges() {
        card.write(OPER, OP_GETSIZE);
        card.write(OPER, OP_GETSIZE);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
        assertTrue(b.power.message().contains("emufs"));
    }

    @Test
    void open_readsAFile_andUpdatesOffsetAndLength() throws IOException {
        Files.writeString(root.resolve("hello.txt"), "hello, world");
        int h = openOk(OP_OPEN, "hello.txt");
        assertNotEquals(0, h);
        assertEquals(0, card.read(IOLEN), "RLEN 0: a file");
        assertEquals(RES_SUCCESS, io(OP_READ, h, 7, 100));
        assertEquals(5, card.read(IOLEN));
        assertEquals(12, card.read(OFFSET));
        assertEquals("world", new String(getBytes(5), StandardCharsets.UTF_8));
        assertEquals(RES_SUCCESS, io(OP_READ, h, 12, 100));
        assertEquals(0, card.read(IOLEN), "end of file");
    }

    @Test
    void open_sameFileTwice_givesTheSameHandle_andDotIsTheRoot() throws IOException {
        Files.writeString(root.resolve("a"), "");
        Files.createDirectory(root.resolve("d"));
        int h = openOk(OP_OPEN, "a");
        assertEquals(h, openOk(OP_OPEN, "./d/../a"));
        assertEquals(0, openOk(OP_OPEN, "."));
        assertEquals(1, card.read(IOLEN), "RLEN 1: a directory");
        assertEquals(2, card.handlesInUse());
    }

    @Test
    void open_nameEndsAtNul() throws IOException {
        Files.writeString(root.resolve("a"), "A");
        putBytes("a\0junk".getBytes(StandardCharsets.UTF_8));
        card.write(HANDLE, 0);
        card.write(IOLEN, 6);
        assertEquals(RES_SUCCESS, op(OP_OPEN));
        assertEquals("A", readAll((int) card.read(HANDLE)));
    }

    @Test
    void write_createsHostContent_atTheOffset() throws IOException {
        int h = openOk(OP_CREATE, "out");
        putBytes("abcd".getBytes(StandardCharsets.UTF_8));
        assertEquals(RES_SUCCESS, io(OP_WRITE, h, 0, 4));
        assertEquals(4, card.read(IOLEN));
        assertEquals(4, card.read(OFFSET));
        putBytes("XY".getBytes(StandardCharsets.UTF_8));
        assertEquals(RES_SUCCESS, io(OP_WRITE, h, 1, 2));
        assertEquals("aXYd", Files.readString(root.resolve("out")));
    }

    @Test
    void readdir_listsDotDotDotThenNamesInByteOrder_oneAtATime() throws IOException {
        Files.writeString(root.resolve("b"), "");
        Files.writeString(root.resolve("a"), "");
        Files.createDirectory(root.resolve("C"));
        assertEquals(List.of(".", "..", "C", "a", "b"), listing(0));
        assertEquals(5, card.read(OFFSET), "ROFF counts entries; unchanged at the end");
    }

    @Test
    void readdir_namesInTheByteOrderOfTheirUtf8_notJavasUtf16Order() throws IOException {
        String fullwidthZ = "\uFF5A";        // UTF-8 ef bd 9a; UTF-16 ff5a
        String emoji = "\uD83D\uDE00";       // UTF-8 f0 9f 98 80; UTF-16 d83d de00, before ff5a
        for (String n : List.of(emoji, "a", fullwidthZ, "\u00E9")) Files.writeString(root.resolve(n), "");
        assertEquals(List.of(".", "..", "a", "\u00E9", fullwidthZ, emoji), listing(0));
    }

    /**
     * Under a locale whose encoding is not UTF-8 (here C, ASCII), Java cannot name a non-ASCII file:
     * opening one is result 4, and a host name it cannot decode lists with U+FFFD for each byte.
     */
    @Test
    void nonUtf8Locale_nonAsciiNames_listAsReplacementCharacters_andOpenAsBadPath() throws Exception {
        Files.writeString(root.resolve("\u00E9"), "");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmufsEncodingChild.class.getName(), root.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor());
        assertNotEquals("UTF-8", out.get(0), "the child's file name encoding");
        assertEquals("efbfbdefbfbd", out.get(1), "c3 a9, each byte undecodable");
        assertEquals(String.valueOf(RES_BADPATH), out.get(2));
    }

    @Test
    void readdir_truncatesTheNameToRlen() throws IOException {
        Files.writeString(root.resolve("longname"), "");
        assertEquals(RES_SUCCESS, io(OP_READDIR, 0, 2, 4));
        assertEquals(4, card.read(IOLEN));
        assertEquals("long", new String(getBytes(4), StandardCharsets.UTF_8));
        assertEquals(3, card.read(OFFSET));
    }

    @Test
    void readdir_ofASubdirectoryHandle() throws IOException {
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/x"), "");
        int h = openOk(OP_OPEN, "sub");
        assertEquals(1, card.read(IOLEN));
        assertEquals(List.of(".", "..", "x"), listing(h));
    }

    @Test
    void getsize_ofFileAndDirectory() throws IOException {
        Files.write(root.resolve("f"), new byte[1234]);
        int h = openOk(OP_OPEN, "f");
        assertEquals(RES_SUCCESS, io(OP_GETSIZE, h, 0, 0));
        assertEquals(1234, card.read(IOLEN));
        assertEquals(RES_SUCCESS, io(OP_GETSIZE, 0, 0, 0));
        assertEquals(Files.size(root), card.read(IOLEN));
    }

    @Test
    void truncate_shortensAndLengthensWithZeros() throws IOException {
        Files.writeString(root.resolve("f"), "0123456789");
        int h = openOk(OP_OPEN, "f");
        assertEquals(RES_SUCCESS, io(OP_TRUNC, h, 0, 4));
        assertEquals("0123", Files.readString(root.resolve("f")));
        assertEquals(RES_SUCCESS, io(OP_TRUNC, h, 0, 6));
        assertArrayEquals(new byte[] {'0', '1', '2', '3', 0, 0}, Files.readAllBytes(root.resolve("f")));
    }

    @Test
    void close_freesTheHandle_thenItIsBad() throws IOException {
        Files.writeString(root.resolve("f"), "");
        int h = openOk(OP_OPEN, "f");
        assertEquals(RES_SUCCESS, io(OP_CLOSE, h, 0, 0));
        assertEquals(1, card.handlesInUse());
        assertEquals(RES_BADHANDLE, io(OP_READ, h, 0, 1));
        assertEquals(RES_BADHANDLE, io(OP_CLOSE, h, 0, 0));
    }

    @Test
    void closingTheRoot_keepsIt() {
        assertEquals(RES_SUCCESS, io(OP_CLOSE, 0, 0, 0));
        assertEquals(List.of(".", ".."), listing(0));
    }

    @Test
    void badHandles() {
        assertEquals(RES_BADHANDLE, io(OP_READ, 5, 0, 1));
        assertEquals(RES_BADHANDLE, io(OP_GETSIZE, 64, 0, 0));
        assertEquals(RES_BADHANDLE, io(OP_TRUNC, -1, 0, 0));
        assertEquals(RES_BADHANDLE, open(OP_OPEN, 9, "x"));
    }

    @Test
    void badOperation() {
        assertEquals(RES_BADOP, io(0, 0, 0, 0));
        assertEquals(RES_BADOP, io(10, 0, 0, 0));
        assertEquals(RES_BADHANDLE, io(10, 33, 0, 0), "the handle is checked first, as System/161 does");
    }

    @Test
    void sizesBeyondTheBuffer_areBadSize() throws IOException {
        Files.writeString(root.resolve("f"), "");
        int h = openOk(OP_OPEN, "f");
        assertEquals(RES_BADSIZE, io(OP_READ, h, 0, BUFFER_SIZE + 1));
        assertEquals(RES_BADSIZE, io(OP_WRITE, h, 0, -1));
        assertEquals(RES_BADSIZE, io(OP_READDIR, 0, 0, BUFFER_SIZE + 1));
        card.write(HANDLE, 0);
        card.write(IOLEN, BUFFER_SIZE);
        assertEquals(RES_BADSIZE, op(OP_OPEN), "a name must leave room for its NUL");
        assertEquals(0, Files.size(root.resolve("f")));
    }

    @Test
    void tooManyHandles_outOfHandles_andCloseReleasesThemAll() throws IOException {
        for (int i = 1; i < 64; i++) assertEquals(i, openOk(OP_CREATE, "f" + i));
        assertEquals(RES_NOHANDLES, open(OP_CREATE, 0, "one-more"));
        assertFalse(Files.exists(root.resolve("one-more")), "nothing is created without a handle for it");
        assertEquals(RES_SUCCESS, open(OP_OPEN, 0, "f7"), "an open object keeps its handle");
        assertEquals(7, card.read(HANDLE));
        assertEquals(64, card.handlesInUse());
        card.close();
        assertEquals(1, card.handlesInUse());
        assertEquals(RES_MEDIA, open(OP_OPEN, 0, "f1"), "no operation after the machine is closed");
    }

    @Test
    void createAndExclusiveCreate() throws IOException {
        Files.writeString(root.resolve("old"), "kept");
        Files.createDirectory(root.resolve("dir"));
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "new"));
        assertEquals(RES_SUCCESS, open(OP_CREATE, 0, "new"));
        assertTrue(Files.isRegularFile(root.resolve("new")));
        int h = openOk(OP_CREATE, "old");
        assertEquals("kept", readAll(h), "CREATE of an existing file does not truncate it");
        assertEquals(RES_EXISTS, open(OP_EXCLCREATE, 0, "old"));
        assertEquals(RES_EXISTS, open(OP_EXCLCREATE, 0, "dir"));
        assertEquals(RES_SUCCESS, open(OP_EXCLCREATE, 0, "fresh"));
        assertTrue(Files.exists(root.resolve("fresh")));
        assertEquals(RES_ISDIR, open(OP_CREATE, 0, "dir"));
        assertEquals(RES_BADPATH, open(OP_CREATE, 0, "nodir/x"));
    }

    @Test
    void wrongKindOfHandle() throws IOException {
        Files.writeString(root.resolve("f"), "");
        int f = openOk(OP_OPEN, "f");
        assertEquals(RES_ISDIR, io(OP_READ, 0, 0, 1));
        assertEquals(RES_ISDIR, io(OP_WRITE, 0, 0, 1));
        assertEquals(RES_ISDIR, io(OP_TRUNC, 0, 0, 0));
        assertEquals(RES_NOTDIR, io(OP_READDIR, f, 0, 10));
        assertEquals(RES_NOTDIR, open(OP_OPEN, f, "x"));
        assertEquals(RES_NOTDIR, open(OP_OPEN, 0, "f/x"));
        assertEquals(RES_NOTDIR, open(OP_OPEN, 0, "f/"));
    }

    @Test
    void dotDot_cannotLeaveTheRoot() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("in"), "in");
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "../secret"));
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "sub/../../secret"));
        assertEquals(RES_BADPATH, open(OP_CREATE, 0, "../made"));
        assertFalse(Files.exists(tmp.resolve("made")));
        int sub = openOk(OP_OPEN, "sub");
        assertEquals(RES_BADPATH, open(OP_OPEN, sub, "../../secret"));
        assertEquals(RES_SUCCESS, open(OP_OPEN, sub, "../in"), "'..' inside the root is fine");
        assertEquals("in", readAll((int) card.read(HANDLE)));
    }

    @Test
    void absoluteNames_areRefused() throws IOException {
        Files.writeString(root.resolve("in"), "in");
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, outside.toString()));
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, root.resolve("in").toString()));
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "/"));
    }

    @Test
    void symlinkOutside_isRefused_directlyAndThroughASubdirectory() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("abs"), outside);
        Files.createSymbolicLink(root.resolve("rel"), Path.of("../secret"));
        Files.createSymbolicLink(root.resolve("sub/rel"), Path.of("../../secret"));
        Files.createSymbolicLink(root.resolve("sub/abs"), outside);
        Files.createSymbolicLink(root.resolve("outdir"), tmp);
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));
        for (String name : List.of("abs", "rel", "sub/rel", "sub/abs", "outdir/secret", "outdir", "sub/up/rel",
                "sub/up/sub/abs", "sub/up/../secret")) {
            assertEquals(RES_BADPATH, open(OP_OPEN, 0, name), name);
        }
        int sub = openOk(OP_OPEN, "sub");
        assertEquals(RES_BADPATH, open(OP_OPEN, sub, "rel"));
        assertEquals(RES_BADPATH, open(OP_OPEN, sub, "abs"));
        assertEquals(RES_BADPATH, open(OP_CREATE, 0, "outdir/made"));
        assertFalse(Files.exists(tmp.resolve("made")));
        assertEquals("outside", Files.readString(outside));
    }

    @Test
    void danglingSymlinkOutside_cannotCreate() throws IOException {
        Files.createSymbolicLink(root.resolve("dangle"), tmp.resolve("made"));
        assertEquals(RES_BADPATH, open(OP_CREATE, 0, "dangle"));
        assertFalse(Files.exists(tmp.resolve("made")));
    }

    @Test
    void symlinkInside_isFollowed() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("target"), "T");
        Files.createSymbolicLink(root.resolve("sub/rel"), Path.of("../target"));
        Files.createSymbolicLink(root.resolve("abs"), card.root().resolve("target"));
        Files.createSymbolicLink(root.resolve("subdir"), Path.of("sub"));
        int h = openOk(OP_OPEN, "target");
        assertEquals(h, openOk(OP_OPEN, "sub/rel"));
        assertEquals(h, openOk(OP_OPEN, "abs"));
        assertEquals(h, openOk(OP_OPEN, "subdir/rel"));
        assertEquals("T", readAll(h));
    }

    @Test
    void directoryHandle_replacedByALinkOutside_isRefused() throws IOException {
        Path sub = Files.createDirectory(root.resolve("sub"));
        int h = openOk(OP_OPEN, "sub");
        Files.delete(sub);
        Files.createSymbolicLink(sub, tmp);
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "secret"));
        assertEquals(RES_BADPATH, io(OP_READDIR, h, 0, 255));
    }

    @Test
    void ancestorReplacedByALinkOutside_afterAHandleIsOpen_readdirAndOpenStayInside() throws IOException {
        Files.createDirectories(root.resolve("sub/inner"));
        Files.writeString(root.resolve("sub/inner/mine"), "mine");
        Path away = Files.createDirectories(tmp.resolve("away/inner/deeper"));
        Files.writeString(away.resolveSibling("theirs"), "theirs");
        int h = openOk(OP_OPEN, "sub/inner");
        Files.move(root.resolve("sub"), root.resolve("moved"));
        Files.createSymbolicLink(root.resolve("sub"), tmp.resolve("away"));
        assertEquals(List.of(".", "..", "mine"), listing(h), "the handle names the directory it opened");
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "theirs"));
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "deeper"));
        assertEquals(RES_BADPATH, open(OP_CREATE, h, "deeper/made"));
        assertFalse(Files.exists(away.resolve("made")));
        assertEquals("mine", readAll(openHandle(OP_OPEN, h, "mine")));
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "../inner/theirs"), "'..' above the handle is walked from the root");
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "../../moved/inner/mine"), "where 'sub' is now a link");
    }

    @Test
    void ancestorRemovedAfterAHandleIsOpen_nothingIsFound() throws IOException {
        Files.createDirectories(root.resolve("sub/inner"));
        int h = openOk(OP_OPEN, "sub/inner");
        Files.delete(root.resolve("sub/inner"));
        Files.delete(root.resolve("sub"));
        Files.createDirectories(root.resolve("sub/inner"));
        Files.writeString(root.resolve("sub/inner/new"), "a new directory of the same name");
        assertEquals(RES_BADPATH, open(OP_OPEN, h, "new"), "the handle holds the removed directory, not its name");
        assertEquals(RES_BADPATH, io(OP_READDIR, h, 0, 255));
        assertEquals(RES_SUCCESS, open(OP_OPEN, 0, "sub/inner"));
        assertNotEquals(h, card.read(HANDLE), "the new directory is another object, with a handle of its own");
    }

    /** Makes the card's next file open happen just after a host process has run {@code swap}. */
    private void racing(HostAction swap) {
        card.ops.beforeOpen = () -> {
            try {
                swap.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private interface HostAction {
        void run() throws IOException;
    }

    @Test
    void fileOpen_racingASwapOfItsDirectoryForALinkOutside_opensTheFileWalkedTo() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub/f"), "inside");
        Path away = Files.createDirectory(tmp.resolve("away"));
        Files.writeString(away.resolve("f"), "outside");
        racing(() -> {
            Files.move(root.resolve("sub"), root.resolve("moved"));
            Files.createSymbolicLink(root.resolve("sub"), away);
        });
        assertEquals("inside", readAll(openOk(OP_OPEN, "sub/f")));
    }

    @Test
    void fileCreate_racingASwapOfItsDirectoryForALinkOutside_createsNothingOutside() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Path away = Files.createDirectory(tmp.resolve("away"));
        racing(() -> {
            Files.move(root.resolve("sub"), root.resolve("moved"));
            Files.createSymbolicLink(root.resolve("sub"), away);
        });
        assertEquals(RES_SUCCESS, open(OP_CREATE, 0, "sub/new"));
        assertFalse(Files.exists(away.resolve("new")), "nothing is created outside the root");
        assertTrue(Files.isRegularFile(root.resolve("moved/new")), "the file is made in the directory walked to");
    }

    @Test
    void fileOpen_racingItsReplacementByALinkOutside_isABadPath() throws IOException {
        Files.writeString(root.resolve("f"), "inside");
        racing(() -> {
            Files.delete(root.resolve("f"));
            Files.createSymbolicLink(root.resolve("f"), outside);
        });
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "f"));
        assertEquals(RES_BADPATH, open(OP_CREATE, 0, "f"));
        assertEquals(1, card.handlesInUse());
        assertEquals("outside", Files.readString(outside));
    }

    @Test
    void fileOpen_racingItsReplacementByADirectory_isADirectory() throws IOException {
        Files.writeString(root.resolve("f"), "");
        racing(() -> {
            Files.delete(root.resolve("f"));
            Files.createDirectory(root.resolve("f"));
        });
        assertEquals(RES_ISDIR, open(OP_OPEN, 0, "f"));
        assertEquals(1, card.handlesInUse());
    }

    @Test
    void fileOpen_racingItsReplacementByAnotherFile_isABadPath() throws IOException {
        Files.writeString(root.resolve("f"), "first");
        Files.createLink(root.resolve("kept"), root.resolve("f"));  // so that the new file cannot reuse its inode
        racing(() -> {
            Files.delete(root.resolve("f"));
            Files.writeString(root.resolve("f"), "second");
        });
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "f"), "the object checked is not the one opened");
        assertEquals(1, card.handlesInUse());
    }

    @Test
    void neitherFileNorDirectory_isUnsupported() throws IOException {
        Path sock = root.resolve("sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            assertEquals(RES_UNSUPP, open(OP_OPEN, 0, "sock"));
            assertEquals(RES_EXISTS, open(OP_EXCLCREATE, 0, "sock"));
        }
        assertEquals(1, card.handlesInUse());
    }

    @Test
    void symlinkLoop_isABadPath() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        assertEquals(RES_BADPATH, open(OP_OPEN, 0, "a"));
    }

    @Test
    void hostFailure_isAResultCode() throws IOException {
        Path sub = Files.createDirectory(root.resolve("sub"));
        int h = openOk(OP_OPEN, "sub");
        Files.delete(sub);
        assertEquals(RES_BADPATH, io(OP_READDIR, h, 0, 10));
        assertEquals(RES_BADPATH, io(OP_GETSIZE, h, 0, 0));
    }

    @Test
    void errorMapping_followsSys161Errno() {
        assertEquals(RES_NOSPACE, EmufsErrors.code(new IOException("No space left on device")));
        assertEquals(RES_MEDIA, EmufsErrors.code(new IOException("Input/output error")));
        assertEquals(RES_UNKNOWN, EmufsErrors.code(new java.nio.file.AccessDeniedException("f")));
        assertEquals(RES_EXISTS, EmufsErrors.code(new java.nio.file.FileAlreadyExistsException("f")));
        assertEquals(RES_UNKNOWN, EmufsErrors.code(new IOException((String) null)));
        assertEquals(RES_MEDIA, EmufsErrors.code(new java.nio.file.DirectoryIteratorException(new IOException("Input/output error"))));
        assertEquals(RES_BADPATH, EmufsErrors.code(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("d"))));
    }

    @Test
    void failedOpen_isJudgedByWhatIsThereNow_notByTheHostsMessage() throws IOException {
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createDirectory(root.resolve("dir"));
        Files.writeString(root.resolve("file"), "");
        try (java.nio.file.SecureDirectoryStream<Path> ds =
                (java.nio.file.SecureDirectoryStream<Path>) Files.newDirectoryStream(root)) {
            // ELOOP and EISDIR as a French host reports them
            IOException eloop = new IOException("Trop de niveaux de liens symboliques (NOFOLLOW_LINKS specified)");
            assertEquals(RES_BADPATH, EmufsOps.failedOpen(ds, Path.of("link"), eloop).code);
            FileSystemException eisdir = new FileSystemException("dir", null, "Est un dossier");
            assertEquals(RES_ISDIR, EmufsOps.failedOpen(ds, Path.of("dir"), eisdir).code);
            FileSystemException other = new FileSystemException("file", null, "Erreur d'entr\u00E9e/sortie");
            assertEquals(other, assertThrows(FileSystemException.class, () -> EmufsOps.failedOpen(ds, Path.of("file"), other)),
                    "a regular file still there: the host's error stands");
        }
    }

    @Test
    void errorMapping_byType_whateverTheMessage() {
        assertEquals(RES_BADPATH, EmufsErrors.code(new java.nio.file.NoSuchFileException("f", null, "Input/output error")));
        assertEquals(RES_NOTDIR, EmufsErrors.code(new java.nio.file.NotDirectoryException("d")));
        assertEquals(RES_UNKNOWN, EmufsErrors.code(new java.nio.file.DirectoryNotEmptyException("d")));
        assertEquals(RES_EXISTS, EmufsErrors.code(new java.nio.file.FileAlreadyExistsException("f", null, "No space left on device")));
        assertEquals(RES_UNKNOWN, EmufsErrors.code(new FileSystemException("f", null, "Is a directory")),
                "EISDIR is decided from the host's objects, never from the text");
        assertEquals(RES_UNKNOWN, EmufsErrors.code(new IOException("Aucun espace disponible sur le p\u00E9riph\u00E9rique")),
                "ENOSPC in another language: Java names it by message alone (docs/devices.md)");
    }

    @Test
    void buffer_holdsBytesInTheMachinesByteOrder() throws IOException {
        Files.writeString(root.resolve("abcd"), "");
        assertEquals(RES_SUCCESS, io(OP_READDIR, 0, 2, 4));
        assertEquals(0x61626364L, card.read(BUFFER));
        TestBoard le = new TestBoard();
        Emufs little = new Emufs(le.base.withSlot(SLOT).withEndian(Endian.LITTLE), root);
        little.write(BUFFER, 0x64636261);
        little.write(IOLEN, 4);
        little.write(OPER, OP_CREATE);
        assertTrue(Files.exists(root.resolve("abcd")));
        assertEquals(1, little.read(HANDLE));
    }

    @Test
    void aHostWithoutSecureDirectoryStream_refusesTheCard_andClosesWhatItOpened() {
        boolean[] closed = {false};
        Emufs.DirOpener plain = dir -> {
            java.nio.file.DirectoryStream<Path> real = Files.newDirectoryStream(dir);
            return new java.nio.file.DirectoryStream<>() {
                @Override public java.util.Iterator<Path> iterator() { return real.iterator(); }
                @Override public void close() throws IOException {
                    closed[0] = true;
                    real.close();
                }
            };
        };
        Emufs.Refused e = assertThrows(Emufs.Refused.class, () -> Emufs.open(b.slot(3), root, plain));
        assertEquals("this host's Java cannot hold a directory open (no SecureDirectoryStream), which the card needs to"
                + " keep the guest inside its root", e.getMessage());
        assertTrue(closed[0]);
    }

    @Test
    void rootMustBeADirectory() {
        assertThrows(IllegalArgumentException.class, () -> new Emufs(b.slot(3), outside));
        assertThrows(IllegalArgumentException.class, () -> new Emufs(b.slot(3), tmp.resolve("none")));
    }
}
