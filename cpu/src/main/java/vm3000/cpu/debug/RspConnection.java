package vm3000.cpu.debug;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One debugger's connection, framed as gdb's remote serial protocol: packets {@code $payload#cs}
 * with a two-digit modulo-256 checksum, each acknowledged with {@code +} (or {@code -}, asking
 * for it again), and the lone byte 0x03 for an interrupt while the machine runs. Payloads are
 * ISO-8859-1 strings, so that binary data ({@code X} packets) passes through unchanged.
 *
 * <p>It reads the channel itself, through a buffer of its own, rather than through a stream: a
 * Unix-domain channel has no {@code socket()}, and a stream over a channel cannot tell how much
 * is waiting ({@code available()} is always 0), so the interrupt is polled by reading the channel
 * in non-blocking mode, and whatever that read brings past the interrupt stays in the buffer for
 * the packet reader. The same code serves TCP and Unix-domain connections.
 */
public final class RspConnection implements Closeable {
    /** The interrupt byte gdb sends when the user types Ctrl-C. */
    public static final int INTERRUPT = 0x03;
    /** The longest packet taken; a longer one is refused ({@code -}) and dropped. */
    public static final int MAX_PACKET = 0x4000;

    private final SocketChannel channel;
    /** Bytes read from the channel and not yet taken: between position and limit. */
    private final ByteBuffer in = ByteBuffer.allocate(4096).flip();
    private byte[] lastSent = new byte[0];
    private boolean interrupted;

    /** A connection over {@code channel} (TCP or Unix-domain), which is put in blocking mode. */
    public RspConnection(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(true);
    }

    /**
     * The next packet's payload, acknowledged; a packet with a bad checksum is refused and the
     * next one read. Acknowledgements of our own packets are skipped ({@code -} sends the last one
     * again), and so are interrupts: the machine is stopped already. Throws EOFException when the
     * debugger has gone.
     */
    public String readPacket() throws IOException {
        for (;;) {
            int c = read();
            if (c < 0) throw new EOFException("the debugger closed the connection");
            if (c == '-') {
                writeRaw(lastSent);
                continue;
            }
            if (c != '$') continue; // '+', 0x03, noise between packets
            StringBuilder payload = new StringBuilder();
            int sum = 0;
            boolean tooLong = false;
            while ((c = read()) != '#') {
                if (c < 0) throw new EOFException("the debugger closed the connection");
                sum += c;
                if (payload.length() < MAX_PACKET) payload.append((char) c);
                else tooLong = true;
            }
            int hi = read();
            int lo = read();
            if (lo < 0) throw new EOFException("the debugger closed the connection");
            int given = Hex.digit(hi) << 4 | Hex.digit(lo);
            if (tooLong || Hex.digit(hi) < 0 || Hex.digit(lo) < 0 || given != (sum & 0xFF)) {
                writeRaw(new byte[] {'-'});
                continue;
            }
            writeRaw(new byte[] {'+'});
            return payload.toString();
        }
    }

    /** Sends one packet with {@code payload} (ISO-8859-1); {@code $ # } *} in it are escaped. */
    public void send(String payload) throws IOException {
        StringBuilder body = new StringBuilder(payload.length() + 4);
        for (int i = 0; i < payload.length(); i++) {
            char ch = payload.charAt(i);
            if (ch == '$' || ch == '#' || ch == '}' || ch == '*') body.append('}').append((char) (ch ^ 0x20));
            else body.append(ch);
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) sum += body.charAt(i);
        String framed = "$" + body + "#" + Hex.byteHex(sum & 0xFF);
        lastSent = framed.getBytes(StandardCharsets.ISO_8859_1);
        writeRaw(lastSent);
    }

    /**
     * While the machine runs: true once the debugger has sent an interrupt (0x03), checked without
     * waiting. Anything else it sends meanwhile is dropped (gdb sends nothing else then).
     */
    public boolean interruptArrived() throws IOException {
        while (!interrupted) {
            if (!in.hasRemaining() && fill(false) == 0) break;
            if ((in.get() & 0xFF) == INTERRUPT) interrupted = true;
        }
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /**
     * Waits, at most {@code millis}, for the debugger to acknowledge the last packet sent: for
     * the last packet of all, before the connection closes. A Unix-domain socket closed with the
     * acknowledgement still to come fails gdb's write of it (EPIPE: "Remote communication error"),
     * where TCP takes it silently.
     */
    public void awaitAcknowledgement(long millis) throws IOException {
        long giveUp = System.nanoTime() + millis * 1_000_000;
        for (;;) {
            while (in.hasRemaining()) {
                int c = in.get() & 0xFF;
                if (c == '+' || c == '-') return;
            }
            if (fill(false) == 0) {
                if (System.nanoTime() > giveUp) return;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The next byte, waiting for it; -1 once the debugger has closed the connection. */
    private int read() throws IOException {
        if (!in.hasRemaining() && fill(true) < 0) return -1;
        return in.get() & 0xFF;
    }

    /**
     * Refills the (empty) buffer from the channel: waiting for at least one byte if {@code wait},
     * else taking only what has arrived. The number of bytes read, 0 if none had arrived; throws
     * EOFException when the debugger has gone without {@code wait}, returns -1 with it.
     */
    private int fill(boolean wait) throws IOException {
        in.clear();
        int n;
        if (wait) {
            n = channel.read(in);
        } else {
            channel.configureBlocking(false);
            try {
                n = channel.read(in);
            } finally {
                channel.configureBlocking(true);
            }
        }
        in.flip();
        if (n < 0 && !wait) throw new EOFException("the debugger closed the connection");
        return n;
    }

    private void writeRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) channel.write(b);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
