package vm3000.cli;

import picocli.CommandLine;

/** A 64-bit number in decimal, or hexadecimal with {@code 0x}, with optional {@code _} separators. */
final class NumberConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Long.decode(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
    }
}
