package vm3000.cpu.isa;

/** General-purpose register names of the o32 convention, as GNU as accepts them. */
public final class Registers {
    private Registers() {}

    private static final String[] NAMES = {
        "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
        "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
        "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
    };

    /** The conventional name of register {@code n} (0..31), without the {@code $}. */
    public static String name(int n) { return NAMES[n]; }

    /**
     * The number of a register written as {@code $name}, {@code $n} or {@code $fp}, or -1.
     * The leading {@code $} is required, as GNU as requires it.
     */
    public static int parse(String s) {
        if (s.length() < 2 || s.charAt(0) != '$') return -1;
        String body = s.substring(1);
        if (body.chars().allMatch(Character::isDigit) && body.length() <= 2) {
            int n = Integer.parseInt(body);
            return n < 32 ? n : -1;
        }
        if (body.equals("fp")) return 30;
        for (int i = 0; i < 32; i++) if (NAMES[i].equals(body)) return i;
        return -1;
    }
}
