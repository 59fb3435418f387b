package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small gdb for tests: the client side of gdb's remote serial protocol, talking to the stub of
 * a {@code vm3000 run --gdb PORT} (or {@code --gdb unix:PATH}) that runs in-process on a thread
 * of its own.
 */
final class RspClient implements AutoCloseable {
    /** Hang guard for every wait; never an assertion on time. */
    static final int GUARD_SECONDS = 120;

    /** Closes Unix-domain connections still open after the hang guard (they have no read timeout). */
    private static final ScheduledExecutorService GUARD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rsp client hang guard");
        t.setDaemon(true);
        return t;
    });

    private final Closeable socket;
    private final InputStream in;
    private final OutputStream out;

    private RspClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(GUARD_SECONDS * 1000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    private RspClient(SocketChannel channel) {
        this.socket = channel;
        GUARD.schedule(() -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed already
            }
        }, GUARD_SECONDS, TimeUnit.SECONDS);
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /**
     * A {@code vm3000 run} in-process on a thread of its own, its output kept: started with
     * {@code --gdb 0}, so that each stub listens on a free port of its own, which it names on
     * standard error ({@link #port}).
     */
    static final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> code;

        private Running(String... args) {
            code = CompletableFuture.supplyAsync(() -> {
                try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                     PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                    return Main.execute(o, e, args);
                }
            });
        }

        /** What the run has printed on standard error so far. */
        String messages() { return err.toString(StandardCharsets.UTF_8); }

        /** The port the stub named {@code name} ("" on the bare machine, "vm1", ...) listens on, once it does. */
        int port(String name) throws Exception {
            Pattern p = Pattern.compile("vm3000: gdb" + (name.isEmpty() ? "" : " \\(" + name + "\\)")
                    + ": listening on port (\\d+)");
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            for (;;) {
                Matcher m = p.matcher(messages());
                if (m.find()) return Integer.parseInt(m.group(1));
                if (code.isDone()) fail("vm3000 ended before its stub listened: " + messages());
                if (System.nanoTime() > giveUp) fail("no stub listened: " + messages());
                Thread.sleep(10);
            }
        }

        /** Waits until the stub named {@code name} listens on the Unix-domain socket {@code socket}. */
        void listening(String name, Path socket) throws Exception {
            String line = "vm3000: gdb" + (name.isEmpty() ? "" : " (" + name + ")") + ": listening on unix:" + socket + "\n";
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (!messages().contains(line)) {
                if (code.isDone()) fail("vm3000 ended before its stub listened: " + messages());
                if (System.nanoTime() > giveUp) fail("no stub listened on " + socket + ": " + messages());
                Thread.sleep(10);
            }
        }

        /** The run's result, once it has ended. */
        Cli ended() throws Exception {
            int c = code.get(GUARD_SECONDS, TimeUnit.SECONDS);
            return new Cli(c, out.toString(StandardCharsets.UTF_8), messages());
        }

        boolean isDone() { return code.isDone(); }
    }

    /** A TCP port that was free a moment ago (for the tests of an explicit --gdb PORT). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code vm3000 args} in-process on another thread (give it --gdb 0). */
    static Running start(String... args) {
        return new Running(args);
    }

    /** Connects to the stub named {@code name} of {@code run}. */
    static RspClient connect(Running run, String name) throws Exception {
        return new RspClient(new Socket(InetAddress.getLoopbackAddress(), run.port(name)));
    }

    /** Connects to the stub listening on loopback port {@code port} (a stub of an in-process machine). */
    static RspClient connect(int port) throws IOException {
        return new RspClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects to the stub named {@code name} of {@code run} that listens on the Unix-domain socket {@code socket}. */
    static RspClient connect(Running run, String name, Path socket) throws Exception {
        run.listening(name, socket);
        return connect(socket);
    }

    /** Connects to the stub listening on the Unix-domain socket {@code socket}. */
    static RspClient connect(Path socket) throws IOException {
        return new RspClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    }

    /** Connects to the bare machine's stub, or vm0's. */
    static RspClient connect(Running run) throws Exception {
        return connect(run, isVmm(run) ? "vm0" : "");
    }

    private static boolean isVmm(Running run) throws Exception {
        // The first stub's message says which: wait for any.
        Pattern any = Pattern.compile("vm3000: gdb( \\((vm\\d+)\\))?: listening on port");
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        for (;;) {
            Matcher m = any.matcher(run.messages());
            if (m.find()) return m.group(2) != null;
            if (run.isDone()) fail("vm3000 ended before its stub listened: " + run.messages());
            if (System.nanoTime() > giveUp) fail("no stub listened: " + run.messages());
            Thread.sleep(10);
        }
    }

    /** Sends one packet and checks that the stub acknowledged it. */
    void send(String payload) throws IOException {
        sendRaw(frame(payload));
        assertEquals('+', in.read(), "acknowledgement of " + payload);
    }

    static String frame(String payload) {
        int sum = 0;
        for (byte b : payload.getBytes(StandardCharsets.ISO_8859_1)) sum += b & 0xFF;
        return "$" + payload + "#" + String.format("%02x", sum & 0xFF);
    }

    void sendRaw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next byte from the stub, as it is. */
    int readByte() throws IOException {
        return in.read();
    }

    /** The next packet from the stub (checksum checked, acknowledged), unescaped. */
    String reply() throws IOException {
        int c;
        while ((c = in.read()) != '$') {
            assertTrue(c >= 0, "the stub closed the connection");
        }
        StringBuilder sb = new StringBuilder();
        int sum = 0;
        while ((c = in.read()) != '#') {
            assertTrue(c >= 0, "the stub closed the connection in a packet");
            sum += c;
            if (c == '}') {
                int e = in.read();
                sum += e;
                sb.append((char) (e ^ 0x20));
            } else {
                sb.append((char) c);
            }
        }
        String cs = "" + (char) in.read() + (char) in.read();
        assertEquals(String.format("%02x", sum & 0xFF), cs, "checksum of " + sb);
        sendRaw("+");
        return sb.toString();
    }

    /** Sends {@code payload} and returns the stub's reply. */
    String ask(String payload) throws IOException {
        send(payload);
        return reply();
    }

    /** Register {@code n} (big-endian machine). */
    int register(int n) throws IOException {
        return (int) Long.parseLong(ask("p" + Integer.toHexString(n)), 16);
    }

    /** The word at {@code address} (big-endian machine). */
    int word(int address) throws IOException {
        return (int) Long.parseLong(ask("m" + Integer.toHexString(address) + ",4"), 16);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
