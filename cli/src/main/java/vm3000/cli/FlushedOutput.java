package vm3000.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The guest's console on a host stream, flushed at every byte: what the guest has written is on
 * the terminal (or in the pipe) at once, a prompt without a newline included. The serial card
 * sends one byte per 521 cycles at most, so this costs little.
 */
final class FlushedOutput extends FilterOutputStream {
    FlushedOutput(OutputStream out) { super(out); }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        out.flush();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
    }
}
