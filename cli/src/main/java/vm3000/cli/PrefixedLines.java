package vm3000.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A VM's console on a shared stream: each complete line goes out at once with the VM's prefix,
 * so lines of different VMs never mix; a last unterminated line goes out on {@link #flush}.
 */
final class PrefixedLines extends OutputStream {
    private final PrintStream out;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PrefixedLines(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') emit();
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
        line.reset();
    }
}
