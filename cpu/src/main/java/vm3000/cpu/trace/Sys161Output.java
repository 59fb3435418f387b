package vm3000.cpu.trace;

import java.io.PrintStream;

/**
 * System/161's message stream (its main/console.c), so that vm3000's trace and dump text is
 * System/161's byte for byte. Every line carries the tag of its kind: {@code sys161: } for
 * messages, {@code trace: 00 } for the CPU's trace, {@code trace: -- } for a device's trace. A
 * piece of a line (the {@code *l} methods) stays open for more of the same kind; text of another
 * kind ends it first. That is how an instruction's trace, begun before it executes, is finished by
 * its result or by the exception it raised, and cut short by a message the instruction caused.
 */
public final class Sys161Output {
    private enum Kind { MSG, CPU, HW }

    private final PrintStream out;
    private boolean atLineStart = true;
    private Kind last = Kind.MSG;

    public Sys161Output(PrintStream out) {
        this.out = out;
    }

    /** A whole message line, {@code sys161: text}. */
    public void msg(String text) { line(Kind.MSG, text); }

    /** The start or middle of a message line. */
    public void msgl(String text) { part(Kind.MSG, text); }

    /** The end of a line of CPU trace (or all of it), {@code trace: 00 text}. */
    public void cpu(String text) { line(Kind.CPU, text); }

    /** The start or middle of a line of CPU trace. */
    public void cpul(String text) { part(Kind.CPU, text); }

    /** A line of device trace, {@code trace: -- text}. */
    public void hw(String text) { line(Kind.HW, text); }

    /** Ends an open line, as System/161 does before it exits. */
    public void finish() {
        if (!atLineStart) {
            out.print('\n');
            atLineStart = true;
        }
        out.flush();
    }

    private void line(Kind kind, String text) {
        part(kind, text);
        out.print('\n');
        atLineStart = true;
    }

    private void part(Kind kind, String text) {
        if (!atLineStart && kind != last) {
            out.print('\n');
            atLineStart = true;
        }
        if (atLineStart) {
            out.print(switch (kind) {
                case MSG -> "sys161: ";
                case CPU -> "trace: 00 ";
                case HW -> "trace: -- ";
            });
        }
        out.print(text);
        atLineStart = false;
        last = kind;
    }
}
