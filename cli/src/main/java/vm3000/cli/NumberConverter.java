package vm3000.cli;

import java.util.regex.Pattern;

import picocli.CommandLine;

/** A 64-bit number in decimal, or hexadecimal with {@code 0x}, with optional {@code _} separators. */
final class NumberConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern WELL_FORMED = Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)");

    @Override
    public Long convert(String value) {
        String v = value.replace("_", "");
        try {
            return Long.decode(v);
        } catch (NumberFormatException e) {
            // Long.decode refuses what does not fit in 64 bits; say so rather than "not a number".
            if (WELL_FORMED.matcher(v).matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is out of range (a 64-bit signed number)");
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
    }
}
