package vm3000.cpu.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.InputFiles;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.elf.ElfFile;

/**
 * Turns a file named on the command line into an ELF image: read it, or assemble a {@code .s}
 * ({@code .include} relative to the file's directory).
 */
public final class Images {
    private Images() {}

    /** Largest file accepted as an image: larger than any RAM the machine can have. */
    public static final int MAX_FILE = 512 << 20;

    public static ElfFile read(Path path) throws BadInputException {
        String name = path.toString();
        byte[] bytes;
        if (name.endsWith(".s") || name.endsWith(".S")) {
            String source = readSource(path);
            Assembler.Options options = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
            bytes = Assembler.assembleElf(source, name, options);
        } else {
            bytes = readBytes(path);
        }
        return ElfFile.parse(bytes, name);
    }

    /** The whole file, at most {@link #MAX_FILE} bytes, or a one-line error naming it. */
    public static byte[] readBytes(Path path) throws BadInputException {
        return readBytes(path, MAX_FILE);
    }

    /** Assembly source: at most {@link Assembler#MAX_SOURCE_BYTES}, read as UTF-8. */
    public static String readSource(Path path) throws BadInputException {
        return new String(readBytes(path, Assembler.MAX_SOURCE_BYTES), StandardCharsets.UTF_8);
    }

    /**
     * The whole file, which must be a regular file of at most {@code limit} bytes, or a one-line
     * error naming it. Reads at most {@code limit + 1} bytes whatever the file is.
     */
    public static byte[] readBytes(Path path, int limit) throws BadInputException {
        return readBytes(path, limit, null);
    }

    /** As {@link #readBytes(Path, int)}, with {@code tooLarge} (if not null) the message for a file over the limit. */
    public static byte[] readBytes(Path path, int limit, String tooLarge) throws BadInputException {
        String name = path.toString();
        try {
            return InputFiles.read(path, limit);
        } catch (InputFiles.TooLarge e) {
            throw BadInputException.in(name, tooLarge != null ? tooLarge : e.getMessage());
        } catch (NoSuchFileException e) {
            throw BadInputException.in(name, "no such file");
        } catch (InputFiles.Refused e) {
            throw BadInputException.in(name, e.getMessage());
        } catch (IOException e) {
            throw BadInputException.in(name, "cannot read: " + e.getMessage());
        }
    }
}
