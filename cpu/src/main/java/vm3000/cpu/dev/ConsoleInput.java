package vm3000.cpu.dev;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the serial console's typed characters come from. The card asks at defined points of
 * virtual time (see {@link Serial}); the answer is the next byte, {@link #NONE} when nothing has
 * been typed yet (a terminal: the card asks again later), or {@link #END} when input is over.
 */
public interface ConsoleInput {
    /** Nothing typed yet: ask again later. */
    int NONE = -1;
    /** No more input, ever. */
    int END = -2;

    /** The next byte (0..255), {@link #NONE} or {@link #END}. */
    int poll() throws IOException;

    /**
     * The same, told whether the guest has polled the card since the last ask ({@code polled}: it
     * read CHAR or RIRQ with the read interrupt off), for an input that gives bytes only to a
     * guest ready for them. The default ignores it.
     */
    default int poll(boolean polled) throws IOException { return poll(); }

    /**
     * Input from a stream: a pipe, a file, bytes in a test. Each poll waits for the next byte,
     * so the byte is taken at the same virtual time however slowly the stream delivers it: the
     * same bytes always give the same run. The stream's end is {@link #END}.
     */
    static ConsoleInput of(InputStream in) {
        return () -> {
            int b = in.read();
            return b < 0 ? END : b & 0xFF;
        };
    }
}
