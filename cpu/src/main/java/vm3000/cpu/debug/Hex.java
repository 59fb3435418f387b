package vm3000.cpu.debug;

/** The hexadecimal of gdb's remote protocol: lower-case digits, unsigned numbers without a sign. */
final class Hex {
    private Hex() {}

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** The value of hex digit {@code c}, or -1. */
    static int digit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static String byteHex(int b) {
        return new String(new char[] {DIGITS[(b >>> 4) & 15], DIGITS[b & 15]});
    }

    /**
     * The unsigned number in {@code s}, at most 32 bits; -1 if it is empty, has a non-hex
     * character or is too large.
     */
    static long number(String s) {
        if (s.isEmpty() || s.length() > 8) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) return -1;
            v = v << 4 | d;
        }
        return v;
    }

    /** The bytes of {@code s} (two digits each), or null if it is not whole hex bytes. */
    static byte[] bytes(String s) {
        if ((s.length() & 1) != 0) return null;
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = digit(s.charAt(2 * i));
            int lo = digit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) return null;
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }
}
