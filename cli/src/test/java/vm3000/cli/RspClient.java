package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small gdb for tests: the client side of gdb's remote serial protocol, talking to the stub of
 * a {@code vm3000 run --gdb PORT} that runs in-process on a thread of its own.
 */
final class RspClient implements AutoCloseable {
    /** Hang guard for every wait; never an assertion on time. */
    static final int GUARD_SECONDS = 120;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RspClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(GUARD_SECONDS * 1000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A TCP port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code vm3000 args} in-process on another thread. */
    static CompletableFuture<Cli> start(String... args) {
        return CompletableFuture.supplyAsync(() -> Cli.run(args));
    }

    /** The run's result, once it has ended. */
    static Cli ended(CompletableFuture<Cli> run) throws Exception {
        return run.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /** Connects to the stub on {@code port}, retrying while the run is still starting to listen. */
    static RspClient connect(int port, CompletableFuture<Cli> run) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        for (;;) {
            try {
                return new RspClient(new Socket(InetAddress.getLoopbackAddress(), port));
            } catch (ConnectException e) {
                if (run.isDone()) fail("vm3000 ended before the debugger connected: " + run.get().err());
                if (System.nanoTime() > giveUp) throw e;
                Thread.sleep(20);
            }
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
