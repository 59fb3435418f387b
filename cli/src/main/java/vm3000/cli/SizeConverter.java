package vm3000.cli;

import java.math.BigInteger;

import picocli.CommandLine;

/**
 * Parses a RAM size: bytes, or a number with K or M (binary units), e.g. {@code 512K}, {@code 16M}.
 * The arithmetic is exact: a size that only fits after wrapping around 64 bits is too large, not
 * the remainder.
 */
final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    private static final BigInteger PAGE = BigInteger.valueOf(4096);
    private static final BigInteger MAX = BigInteger.valueOf(0x1fc00000L);

    @Override
    public Integer convert(String value) {
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        if (v.endsWith("K")) { unit = 1 << 10; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("M")) { unit = 1 << 20; v = v.substring(0, v.length() - 1); }
        BigInteger n;
        try {
            n = new BigInteger(v).multiply(BigInteger.valueOf(unit));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 16M, 512K)");
        }
        if (n.compareTo(PAGE) < 0 || n.compareTo(MAX) > 0 || n.mod(PAGE).signum() != 0) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "': RAM must be a multiple of 4K, from 4K to 508M (it ends where the boot ROM begins)");
        }
        return n.intValueExact();
    }
}
