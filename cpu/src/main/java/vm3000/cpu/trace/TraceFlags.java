package vm3000.cpu.trace;

import java.util.EnumSet;
import java.util.Set;

/** System/161's trace categories, by their flag letters ({@code sys161 -t kujtxi}). */
public enum TraceFlags {
    KERNEL('k', "instructions in kernel mode"),
    USER('u', "instructions in user mode"),
    JUMPS('j', "jumps and taken branches"),
    TLB('t', "TLB instructions"),
    EXCEPTIONS('x', "exceptions"),
    INTERRUPTS('i', "interrupts");

    private final char letter;
    private final String meaning;

    TraceFlags(char letter, String meaning) {
        this.letter = letter;
        this.meaning = meaning;
    }

    public char letter() { return letter; }
    public String meaning() { return meaning; }

    /**
     * Parses a string of flag letters, e.g. {@code "kx"}.
     *
     * @throws IllegalArgumentException naming the first letter that is not a flag
     */
    public static Set<TraceFlags> parse(String letters) {
        Set<TraceFlags> set = EnumSet.noneOf(TraceFlags.class);
        for (char c : letters.toCharArray()) {
            TraceFlags f = null;
            for (TraceFlags t : values()) if (t.letter == c) f = t;
            if (f == null) {
                throw new IllegalArgumentException("unknown trace flag '" + c + "' (flags are k u j t x i)");
            }
            set.add(f);
        }
        return set;
    }
}
