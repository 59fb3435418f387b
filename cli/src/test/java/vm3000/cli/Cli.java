package vm3000.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the vm3000 command in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) { return typing("", args); }

    /** The same with {@code typed} on standard input, a stream (as from a pipe). */
    static Cli typing(String typed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(new ByteArrayInputStream(typed.getBytes(StandardCharsets.ISO_8859_1)), o, e, args);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The error output is exactly one line starting with "vm3000: ", with no stack trace. */
    boolean oneLineError() {
        return err.startsWith("vm3000: ") && err.endsWith("\n") && err.lines().count() == 1
                && !err.contains("Exception") && !err.contains("\tat ");
    }
}
