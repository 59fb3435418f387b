package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;

/**
 * {@code --gdb unix:PATH}, System/161's convention (OS/161's .gdbinit: {@code target remote
 * unix:.sockets/gdb}): the same sessions as over TCP (break, continue, registers, Ctrl-C while
 * the machine runs, kill), on the bare machine and on a VM of each VMM; the socket's directory
 * made, a stale socket replaced, anything else at PATH refused and left alone, and the socket
 * file gone when the run ends, however it ends.
 */
class GdbUnixSocketTest {
    private static final int PC = 37;

    @TempDir
    Path dir;

    static Stream<Arguments> machines() {
        return Stream.of(Arguments.of(List.of("--core", "block")), Arguments.of(List.of("--core", "interp")),
                Arguments.of(List.of("--vmm", "trap")), Arguments.of(List.of("--vmm", "rmr", "--depth", "2")));
    }

    private static String[] args(List<String> machine, String... rest) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(machine);
        a.addAll(List.of(rest));
        return a.toArray(new String[0]);
    }

    private static String stubName(List<String> machine) {
        return machine.contains("--vmm") ? "vm0" : "";
    }

    private Path socket() {
        return dir.resolve(".sockets").resolve("gdb");
    }

    private Path loop() throws IOException {
        return Files.writeString(dir.resolve("loop.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: b __start\n        nop\n");
    }

    private static String expected(String kernel) throws IOException {
        try (InputStream in = Kernels.class.getClassLoader().getResourceAsStream("kernels/" + kernel + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("machines")
    void breakContinueRegisters_overTheSocket_thenItIsGone(List<String> machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int spawn = elf.symbol("spawn");
        Path socket = socket();
        assertFalse(Files.exists(socket.getParent()), "the test starts without .sockets/");
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "unix:" + socket, "-w", "tinyos"));
        try (RspClient gdb = RspClient.connect(run, stubName(machine), socket)) {
            assertTrue(Files.isDirectory(socket.getParent()), ".sockets/ made, as System/161 makes it");
            assertEquals("S05", gdb.ask("?"));
            assertEquals(elf.entry(), gdb.register(PC));
            assertEquals("OK", gdb.ask("Z1," + Integer.toHexString(spawn) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            String g = gdb.ask("g");
            assertEquals(38 * 8, g.length(), g);
            assertEquals(String.format("%08x", spawn), g.substring(PC * 8, PC * 8 + 8));
            assertEquals("OK", gdb.ask("z1," + Integer.toHexString(spawn) + ",4"));
            assertEquals("W00", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("tinyos"), c.out());
        String name = stubName(machine).isEmpty() ? "" : " (vm0)";
        assertTrue(c.err().contains("gdb" + name + ": listening on unix:" + socket + "\n"), c.err());
        assertTrue(c.err().contains("gdb" + name + ": waiting for a debugger on unix:" + socket
                + " (gdb: target remote unix:" + socket + "; a stock gdb: target remote " + socket + ")"), c.err());
        assertTrue(c.err().contains("gdb" + name + ": debugger connected on unix:" + socket), c.err());
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the socket file is removed at the end");
    }

    @ParameterizedTest
    @MethodSource("machines")
    void ctrlC_stopsARunningGuest_overTheSocket_thenKill(List<String> machine) throws Exception {
        Path socket = socket();
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "unix:" + socket, "-w", loop().toString()));
        try (RspClient gdb = RspClient.connect(run, stubName(machine), socket)) {
            int entry = gdb.register(PC);
            gdb.send("c");
            gdb.sendRaw("\u0003");
            assertEquals("S02", gdb.reply(), "Ctrl-C: SIGINT");
            int pc = gdb.register(PC);
            assertTrue(pc == entry || pc == entry + 4, Integer.toHexString(pc));
            gdb.send("c");
            gdb.sendRaw("\u0003");
            assertEquals("S02", gdb.reply(), "and again");
            gdb.send("k");
        }
        Cli c = run.ended();
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("killed by the debugger"), c.err());
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "removed after a machine check too");
    }

    @Test
    void staleSocket_isReplaced() throws Exception {
        Path socket = dir.resolve("gdb");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "closing leaves the file, as a run killed would");
        RspClient.Running run = RspClient.start("run", "--gdb", "unix:" + socket, "-w", "hello");
        try (RspClient gdb = RspClient.connect(run, "", socket)) {
            assertEquals("W00", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void socketSomeoneListensOn_isRefused() throws Exception {
        Path socket = dir.resolve("gdb");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket));
            Cli c = Cli.run("run", "--gdb", "unix:" + socket, "hello");
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.oneLineError(), c.err());
            assertTrue(c.err().contains("cannot listen on unix:" + socket + ": another process listens on it"), c.err());
            assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "another's socket is left alone");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "directory"})
    void somethingElseAtPath_isRefused_andLeftAlone(String what) throws Exception {
        Path path = dir.resolve("gdb");
        if (what.equals("file")) Files.writeString(path, "keep me\n");
        else Files.createDirectory(path);
        for (String vmm : new String[] {null, "trap", "rmr"}) {
            List<String> a = new ArrayList<>(List.of("run"));
            if (vmm != null) a.addAll(List.of("--vmm", vmm));
            a.addAll(List.of("--gdb", "unix:" + path, "hello"));
            Cli c = Cli.run(a.toArray(new String[0]));
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.oneLineError(), c.err());
            assertTrue(c.err().contains("cannot listen on unix:" + path + ": exists and is not a socket"), c.err());
            if (what.equals("file")) assertEquals("keep me\n", Files.readString(path), "never deleted");
            else assertTrue(Files.isDirectory(path));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap", "rmr"})
    void severalVms_vm0OnPath_vmIOnPathDotVmI(String vmm) throws Exception {
        Path socket = socket();
        Path vm1Socket = dir.resolve(".sockets").resolve("gdb.vm1");
        RspClient.Running run = RspClient.start("run", "--vmm", vmm, "--gdb", "unix:" + socket, "-w", "hello:a", "hello:b");
        try (RspClient vm0 = RspClient.connect(run, "vm0", socket)) {
            vm0.send("c");
            try (RspClient vm1 = RspClient.connect(run, "vm1", vm1Socket)) {
                assertEquals("S05", vm1.ask("?"));
                assertEquals("W00", vm1.ask("c"));
            }
            assertEquals("W00", vm0.reply());
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("[vm1] boot arguments: b\n"), c.out());
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(vm1Socket, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gdb unix: hello", "--gdb abc hello", "--gdb unix:/a\u0000b hello",
            "--vmm trap --gdb unix: hello hello"})
    void badOptions_oneLineExit2(String line) {
        Cli c = Cli.run(("run " + line).split(" "));
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
    }

    /**
     * As an OS/161 user runs it: {@code --gdb unix:.sockets/gdb} relative to the working
     * directory, in a JVM of its own; gdb's Ctrl-C stops the running machine, and a signal that
     * ends vm3000 removes the socket file on its way out. The signal is SIGTERM: SIGINT takes the
     * same way out (the JVM's shutdown hooks), but a test cannot count on delivering it, since a
     * shell that starts jobs in the background starts them with SIGINT ignored.
     */
    @Test
    void relativePath_inItsOwnJvm_aSignalRemovesTheSocket() throws Exception {
        Path loop = loop();
        Path socket = socket();
        Process p = new ProcessBuilder(ChildCli.command(List.of(), "run", "--gdb", "unix:.sockets/gdb", "-w",
                loop.getFileName().toString())).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(RspClient.GUARD_SECONDS);
            while (!Files.readString(dir.resolve("out.txt")).contains("waiting for a debugger")) {
                assertTrue(p.isAlive(), Files.readString(dir.resolve("out.txt")));
                assertTrue(System.nanoTime() < giveUp, "no stub listened");
                Thread.sleep(20);
            }
            try (RspClient gdb = RspClient.connect(socket)) {
                assertEquals("S05", gdb.ask("?"));
                gdb.send("c");
                gdb.sendRaw("\u0003");
                assertEquals("S02", gdb.reply(), "Ctrl-C from gdb");
                gdb.send("c");
                new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                assertTrue(p.waitFor(RspClient.GUARD_SECONDS, TimeUnit.SECONDS), "vm3000 did not end on SIGTERM");
            }
            String said = Files.readString(dir.resolve("out.txt"));
            assertTrue(said.contains("vm3000: gdb: listening on unix:.sockets/gdb\n"), said);
            assertTrue(said.contains("(gdb: target remote unix:.sockets/gdb; a stock gdb: target remote .sockets/gdb)"), said);
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the socket file is removed on SIGTERM: " + said);
        } finally {
            p.destroyForcibly();
        }
    }
}
