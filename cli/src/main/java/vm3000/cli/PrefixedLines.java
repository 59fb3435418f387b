package vm3000.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A VM's console on a stream it shares with other VMs: each complete line goes out at once with
 * the VM's prefix, so lines of different VMs never mix; a last unterminated line goes out on
 * {@link #flush}. A VM cannot forge another's lines: every line it makes starts with its own
 * prefix, and control characters other than tab (a carriage return, a terminal escape that could
 * move the cursor over a prefix) are shown as ^X instead of being sent. A line is held until its
 * newline, but never more than {@link #MAX_LINE} bytes of it: a longer line goes out in pieces,
 * each a line of its own, so a VM that never ends its line cannot make vm3000 buffer without bound.
 */
final class PrefixedLines extends OutputStream {
    /** The most of an unterminated line held back. */
    static final int MAX_LINE = 4096;

    private final PrintStream out;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PrefixedLines(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void write(int b) {
        b &= 0xFF;
        if (b == '\n') {
            line.write(b);
            emit();
        } else if ((b < 0x20 && b != '\t') || b == 0x7F) {
            line.write('^');
            line.write(b == 0x7F ? '?' : b + '@');
        } else {
            line.write(b);
        }
        if (line.size() >= MAX_LINE) {
            line.write('\n');
            emit();
        }
    }

    @Override
    public void flush() {
        if (line.size() > 0) {
            line.write('\n');
            emit();
        }
        out.flush();
    }

    @Override
    public void close() { flush(); }

    private void emit() {
        out.print(prefix);
        out.write(line.toByteArray(), 0, line.size());
        out.flush();
        line.reset();
    }
}
