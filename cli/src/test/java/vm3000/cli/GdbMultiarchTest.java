package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;

/**
 * gdb itself (gdb-multiarch, in batch mode) debugging tinyos through the stub, on the bare machine,
 * on a VM of two stacked trap-and-emulate VMMs and on a VM of two stacked RMR VMMs: connect, break at a kernel symbol, continue,
 * registers and memory, a step over a branch and its delay slot, a watchpoint that fires, on to
 * power-off. Skipped, with a message saying so, where gdb-multiarch is not installed.
 */
class GdbMultiarchTest {
    private static final String GDB = "gdb-multiarch";

    @TempDir
    Path dir;

    /** Skips visibly without gdb-multiarch, as docs/testing.md says (VM3000_NO_HOST_TOOLS=1 pretends it is absent). */
    @BeforeAll
    static void gdbInstalled() {
        boolean disabled = "1".equals(System.getenv("VM3000_NO_HOST_TOOLS"));
        boolean present = !disabled && ChildCli.available(GDB);
        if (!present) {
            String why = GDB + (disabled ? " not used (VM3000_NO_HOST_TOOLS=1)" : " not found (install gdb-multiarch)");
            System.err.println("SKIPPED GdbMultiarchTest: " + why);
            assumeTrue(false, why);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--vmm trap --depth 2", "--vmm rmr --depth 2"})
    void gdbDebugsTinyos(String machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        Path kernel = dir.resolve("tinyos.elf");
        Files.write(kernel, Kernels.bytes("tinyos"));
        List<String> args = new ArrayList<>(List.of("run"));
        if (!machine.isEmpty()) args.addAll(List.of(machine.split(" ")));
        args.addAll(List.of("--gdb", "0", "--gdb-wait", "tinyos"));
        Cli plain = Cli.run("run", "tinyos");
        RspClient.Running run = RspClient.start(args.toArray(new String[0]));
        int port = run.port(machine.isEmpty() ? "" : "vm0");
        String script = String.join("\n",
                "set confirm off",
                "set pagination off",
                "target remote :" + port,
                "break spawn",
                "continue",
                "info registers",
                "x/1wx &progs",
                "x/1i $pc",
                "p/x $sp",
                "stepi",
                "p/x $pc",
                "p/x $sp",
                "delete",
                "watch *(int *)&n_syscalls",
                "continue",
                "delete",
                "continue",
                "");
        Path commands = Files.writeString(dir.resolve("commands.gdb"), script);
        Process gdb = new ProcessBuilder(GDB, "-nx", "-batch", "-x", commands.toString(), kernel.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String said;
        try (InputStream in = gdb.getInputStream()) {
            said = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(gdb.waitFor(RspClient.GUARD_SECONDS, TimeUnit.SECONDS), "gdb did not end");
        Cli c = run.ended();

        int spawn = elf.symbol("spawn");
        int frameEnter = elf.symbol("frame_enter");
        assertTrue(said.contains(String.format("Breakpoint 1, 0x%08x in spawn ()", spawn + 4)), said);
        assertTrue(Pattern.compile("sr +lo +hi +bad +cause +pc").matcher(said).find(), said);
        assertTrue(said.contains(String.format("%08x", spawn + 4)), "pc in info registers: " + said);
        assertTrue(said.contains(String.format("0x%08x:\t0x%08x", elf.symbol("progs"), elf.symbol("prog_hello"))), said);
        assertTrue(said.contains(String.format("<spawn+4>:\tjal\t0x%08x <frame_enter>", frameEnter)), said);
        // stepi over the jal: gdb's MIPS target steps the branch and its delay slot (addiu sp,sp,-40) as one
        List<Long> values = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\d+ = 0x([0-9a-f]+)").matcher(said);
        while (m.find()) values.add(Long.parseLong(m.group(1), 16));
        assertEquals(3, values.size(), said);
        assertEquals(frameEnter & 0xFFFFFFFFL, values.get(1), said);
        assertEquals(values.get(0) - 40, values.get(2), "the delay slot ran: " + said);
        assertTrue(said.contains("Hardware watchpoint 2: *(int *)&n_syscalls"), said);
        assertTrue(said.contains("Old value = 0\nNew value = 1"), said);
        assertTrue(said.contains("[Inferior 1 (Remote target) exited normally]"), said);

        assertEquals(0, c.code(), c.err());
        assertEquals(plain.out(), c.out(), "the guest's transcript");
    }

    /**
     * gdb over the Unix-domain socket of {@code --gdb unix:.sockets/gdb}, run in the directory
     * where vm3000 listens: break, continue, on to power-off. A stock gdb takes the socket's path
     * itself ({@code target remote .sockets/gdb}, from gdb 9 on); the {@code unix:} prefix of
     * OS/161's .gdbinit is the OS/161 toolchain's gdb's, which stock gdb reads as a host name.
     * Older gdbs skip this, saying so.
     */
    @org.junit.jupiter.api.Test
    void gdbConnectsOverTheUnixSocket() throws Exception {
        int major = gdbMajorVersion();
        if (major < 9) {
            System.err.println("SKIPPED GdbMultiarchTest.gdbConnectsOverTheUnixSocket: " + GDB + " " + major
                    + " does not connect to a Unix-domain socket (9 and later do)");
            assumeTrue(false, GDB + " older than 9");
        }
        ElfFile elf = Kernels.load("tinyos");
        Path kernel = dir.resolve("tinyos.elf");
        Files.write(kernel, Kernels.bytes("tinyos"));
        Path socket = dir.resolve(".sockets").resolve("gdb");
        RspClient.Running run = RspClient.start("run", "--gdb", "unix:" + socket, "--gdb-wait", "tinyos");
        run.listening("", socket);
        String script = String.join("\n",
                "set confirm off",
                "set pagination off",
                "target remote .sockets/gdb",
                "break spawn",
                "continue",
                "p/x $pc",
                "delete",
                "continue",
                "");
        Path commands = Files.writeString(dir.resolve("commands.gdb"), script);
        Process gdb = new ProcessBuilder(GDB, "-nx", "-batch", "-x", commands.toString(), kernel.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String said;
        try (InputStream in = gdb.getInputStream()) {
            said = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(gdb.waitFor(RspClient.GUARD_SECONDS, TimeUnit.SECONDS), "gdb did not end");
        Cli c = run.ended();
        int spawn = elf.symbol("spawn");
        assertTrue(said.contains(String.format("Breakpoint 1, 0x%08x in spawn ()", spawn + 4)), said);
        assertTrue(said.contains("[Inferior 1 (Remote target) exited normally]"), said);
        assertEquals(0, c.code(), c.err());
        assertTrue(!Files.exists(socket), "the socket file is removed at the end");
    }

    /** gdb-multiarch's major version: "GNU gdb (Debian 13.1-3) 13.1" is 13; 0 if it cannot be told. */
    private static int gdbMajorVersion() throws Exception {
        Process p = new ProcessBuilder(GDB, "--version").redirectErrorStream(true).start();
        String first;
        try (InputStream in = p.getInputStream()) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        p.waitFor(RspClient.GUARD_SECONDS, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(\\d+)\\.\\d+[^ ]*$").matcher(first.trim());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
