package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vm3000 asm -o OUT} writes what a user expects whatever OUT is: a new or replaced file
 * whole, through a symbolic link to its target, into a FIFO or character device without replacing
 * it, and with the modes a new file gets from the umask.
 */
class AsmOutputTest {
    @TempDir
    Path dir;

    private Path source;
    /** What OUT must hold: the same source assembled to a plain new file. */
    private byte[] elf;

    @BeforeEach
    void assembleOnce() throws IOException {
        source = Files.writeString(dir.resolve("prog.s"), "        .text\n__start: li $t0, 1\n        .data\n        .word 7\n");
        Path plain = dir.resolve("plain.elf");
        Cli c = Cli.run("asm", source.toString(), "-o", plain.toString());
        assertEquals(0, c.code(), c.err());
        elf = Files.readAllBytes(plain);
        Files.delete(plain);
    }

    private Cli asm(Path out) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("asm", source.toString(), "-o", out.toString()));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static int type(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    /** Runs a tool such as mkfifo or mknod; skips the test visibly if it is missing or not allowed. */
    private static void tool(String... command) throws InterruptedException {
        int rc;
        try {
            rc = new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0, "cannot run " + String.join(" ", command) + " here (tool missing or not root)");
    }

    private void assertNoTemporaryFileLeft() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> tmp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "temporary files left: " + tmp);
        }
    }

    @Test
    void newFile_getsTheModeTheUmaskGives() throws Exception {
        for (String[] umaskAndMode : new String[][] {{"027", "rw-r-----"}, {"002", "rw-rw-r--"}}) {
            Path out = dir.resolve("new-" + umaskAndMode[0] + ".elf");
            ChildCli c = ChildCli.run(dir, List.of(), umaskAndMode[0], "asm", source.toString(), "-o", out.toString());
            assertEquals(0, c.code(), c.err());
            assertEquals(umaskAndMode[1], mode(out), "umask " + umaskAndMode[0]);
            assertArrayEquals(elf, Files.readAllBytes(out));
        }
    }

    @Test
    void existingFile_isReplacedWholeAndKeepsItsMode() throws IOException {
        Path out = Files.writeString(dir.resolve("old.elf"), "old contents, longer than nothing");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw----r--"));
        assertEquals(0, asm(out).code());
        assertArrayEquals(elf, Files.readAllBytes(out));
        assertEquals("rw----r--", mode(out));
        assertNoTemporaryFileLeft();
    }

    @Test
    void symbolicLink_writesItsTargetAndStays() throws IOException {
        Files.createDirectories(dir.resolve("build"));
        Path target = Files.writeString(dir.resolve("build/prog.elf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("prog.elf"), Path.of("build/prog.elf"));
        assertEquals(0, asm(link).code());
        assertTrue(Files.isSymbolicLink(link), "the link must stay a link");
        assertEquals(Path.of("build/prog.elf"), Files.readSymbolicLink(link));
        assertArrayEquals(elf, Files.readAllBytes(target));
    }

    @Test
    void danglingSymbolicLink_createsItsTarget() throws IOException {
        Files.createDirectories(dir.resolve("build"));
        Path link = Files.createSymbolicLink(dir.resolve("prog.elf"), dir.resolve("build/new.elf"));
        assertEquals(0, asm(link).code());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(elf, Files.readAllBytes(dir.resolve("build/new.elf")));
    }

    @Test
    void fifo_isWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("out.fifo");
        tool("mkfifo", fifo.toString());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Cli c = asm(fifo);
        assertEquals(0, c.code(), c.err());
        assertArrayEquals(elf, reader.get(30, TimeUnit.SECONDS), "what the reader of the FIFO got");
        assertEquals(0010000, type(fifo), "still a FIFO");
    }

    @Test
    void characterDeviceLikeDevNull_isWrittenIntoNotReplaced() throws Exception {
        // A node of its own for /dev/null's device (1, 3), so the real one is never at stake.
        Path nul = dir.resolve("null");
        tool("mknod", nul.toString(), "c", "1", "3");
        Cli c = asm(nul);
        assertEquals(0, c.code(), c.err());
        assertEquals(0020000, type(nul), "still a character device");
        assertNoTemporaryFileLeft();
    }

    @Test
    void devStdout_isWrittenToStandardOutput() throws Exception {
        // In a JVM of its own: this test JVM's standard output belongs to the test runner.
        ChildCli c = ChildCli.run(dir, List.of(), null, "asm", source.toString(), "-o", "/dev/stdout");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("\u007fELF"), "an ELF on standard output");
        assertEquals(0020000, type(Path.of("/dev/null")), "/dev/null untouched");
    }

    @Test
    void blockDevice_isRefused() throws Exception {
        Path blk = dir.resolve("blk");
        tool("mknod", blk.toString(), "b", "7", "200");
        Cli c = asm(blk);
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().contains("blk: is a block device"), c.err());
        assertEquals(0060000, type(blk), "still a block device");
    }

    @Test
    void directory_isRefused() throws IOException {
        Path d = Files.createDirectory(dir.resolve("out.d"));
        Cli c = asm(d);
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().contains("out.d: is a directory"), c.err());
        assertTrue(Files.isDirectory(d));
        assertNoTemporaryFileLeft();
    }

    @Test
    void missingDirectory_isOneLineError() {
        Cli c = asm(dir.resolve("no/such/dir/out.elf"));
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
