package vm3000.cpu.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import vm3000.cpu.BadInputException;
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
    public static final long MAX_FILE = 512L << 20;

    public static ElfFile read(Path path) throws BadInputException {
        String name = path.toString();
        byte[] bytes = readBytes(path);
        if (name.endsWith(".s") || name.endsWith(".S")) {
            String source = new String(bytes, StandardCharsets.UTF_8);
            Assembler.Options options = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
            bytes = Assembler.assembleElf(source, name, options);
        }
        return ElfFile.parse(bytes, name);
    }

    /** The whole file, or a one-line error naming it. */
    public static byte[] readBytes(Path path) throws BadInputException {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) throw BadInputException.in(name, "is a directory");
            if (Files.size(path) > MAX_FILE) throw BadInputException.in(name, "file is larger than 512 MiB");
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw BadInputException.in(name, "no such file");
        } catch (IOException e) {
            throw BadInputException.in(name, "cannot read: " + e.getMessage());
        }
    }
}
