package vm3000.cpu.debug;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One debugger's connection, framed as gdb's remote serial protocol: packets {@code $payload#cs}
 * with a two-digit modulo-256 checksum, each acknowledged with {@code +} (or {@code -}, asking
 * for it again), and the lone byte 0x03 for an interrupt while the machine runs. Payloads are
 * ISO-8859-1 strings, so that binary data ({@code X} packets) passes through unchanged.
 */
public final class RspConnection implements Closeable {
    /** The interrupt byte gdb sends when the user types Ctrl-C. */
    public static final int INTERRUPT = 0x03;
    /** The longest packet taken; a longer one is refused ({@code -}) and dropped. */
    public static final int MAX_PACKET = 0x4000;

    private final InputStream in;
    private final OutputStream out;
    private final Closeable underlying;
    private byte[] lastSent = new byte[0];
    private boolean interrupted;

    public RspConnection(InputStream in, OutputStream out, Closeable underlying) {
        this.in = in;
        this.out = new BufferedOutputStream(out);
        this.underlying = underlying;
    }

    /**
     * The next packet's payload, acknowledged; a packet with a bad checksum is refused and the
     * next one read. Acknowledgements of our own packets are skipped ({@code -} sends the last one
     * again), and so are interrupts: the machine is stopped already. Throws EOFException when the
     * debugger has gone.
     */
    public String readPacket() throws IOException {
        for (;;) {
            int c = in.read();
            if (c < 0) throw new EOFException("the debugger closed the connection");
            if (c == '-') {
                writeRaw(lastSent);
                continue;
            }
            if (c != '$') continue; // '+', 0x03, noise between packets
            StringBuilder payload = new StringBuilder();
            int sum = 0;
            boolean tooLong = false;
            while ((c = in.read()) != '#') {
                if (c < 0) throw new EOFException("the debugger closed the connection");
                sum += c;
                if (payload.length() < MAX_PACKET) payload.append((char) c);
                else tooLong = true;
            }
            int hi = in.read();
            int lo = in.read();
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
        while (!interrupted && in.available() > 0) {
            int c = in.read();
            if (c < 0) throw new EOFException("the debugger closed the connection");
            if (c == INTERRUPT) interrupted = true;
        }
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    private void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        underlying.close();
    }
}
