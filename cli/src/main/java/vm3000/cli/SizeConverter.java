package vm3000.cli;

import picocli.CommandLine;

/** Parses a RAM size: bytes, or a number with K or M (binary units), e.g. {@code 512K}, {@code 16M}. */
final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String v = value.trim().toUpperCase();
        long unit = 1;
        if (v.endsWith("K")) { unit = 1 << 10; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("M")) { unit = 1 << 20; v = v.substring(0, v.length() - 1); }
        long n;
        try {
            n = Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 16M, 512K)");
        }
        if (n < 4096 || n % 4096 != 0 || n > 0x1fc00000L) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "': RAM must be a multiple of 4K, from 4K to 508M (it ends where the boot ROM begins)");
        }
        return (int) n;
    }
}
