package vm3000.cpu.trace;

import java.util.EnumSet;
import java.util.Set;

/**
 * System/161's trace categories, by their flag letters ({@code trace161 -t kujtxi}), in its order.
 * d, n and e are accepted, as trace161 accepts them, and print nothing: vm3000 traces no device.
 */
public enum TraceFlags {
    KERNEL('k', "kinsn", "instructions in kernel mode"),
    USER('u', "uinsn", "instructions in user mode"),
    JUMPS('j', "jump", "jumps and taken branches"),
    TLB('t', "tlb", "TLB instructions"),
    EXCEPTIONS('x', "exn", "exceptions"),
    INTERRUPTS('i', "irq", "interrupts"),
    DISK('d', "disk", "disk activity (nothing is printed)"),
    NET('n', "net", "network activity (nothing is printed)"),
    EMUFS('e', "emufs", "emufs activity (nothing is printed)");

    private final char letter;
    private final String sys161Name;
    private final String meaning;

    TraceFlags(char letter, String sys161Name, String meaning) {
        this.letter = letter;
        this.sys161Name = sys161Name;
        this.meaning = meaning;
    }

    public char letter() { return letter; }
    /** The name System/161's "Tracing enabled:" line gives the category. */
    public String sys161Name() { return sys161Name; }
    public String meaning() { return meaning; }

    /** The category of flag letter {@code c}, or null. */
    public static TraceFlags of(int c) {
        for (TraceFlags t : values()) if (t.letter == c) return t;
        return null;
    }

    /**
     * Parses a string of flag letters, e.g. {@code "kx"}.
     *
     * @throws IllegalArgumentException naming the first letter that is not a flag
     */
    public static Set<TraceFlags> parse(String letters) {
        Set<TraceFlags> set = EnumSet.noneOf(TraceFlags.class);
        for (char c : letters.toCharArray()) {
            TraceFlags f = of(c);
            if (f == null) {
                throw new IllegalArgumentException("unknown trace flag '" + c + "' (flags are k u j t x i d n e)");
            }
            set.add(f);
        }
        return set;
    }
}
