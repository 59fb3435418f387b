package vm3000.cpu.asm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vm3000.cpu.InputFiles;

/**
 * Finds the file that an {@code .include "name"} directive names. As in GNU as, a relative name is
 * looked up first relative to the directory of the including file, then in each include
 * directory ({@code -I}) in order. A file found there must be a regular file (not a device or FIFO)
 * of at most {@link Assembler#MAX_SOURCE_BYTES}.
 */
@FunctionalInterface
public interface IncludeResolver {
    /** An included file: its name, as error messages will show it, and its text. */
    record Source(String file, String text) {}

    /**
     * The file that {@code .include "name"} in the file called {@code from} names, or empty if
     * there is none. An I/O error other than a missing file is thrown and reported as
     * {@code cannot include 'name': message}.
     */
    Optional<Source> resolve(String from, String name) throws IOException;

    /** Resolves nothing: every {@code .include} is an error. */
    IncludeResolver NONE = (from, name) -> Optional.empty();

    /** Files on disk, relative to the including file's directory, then to each of {@code includeDirs}. */
    static IncludeResolver files(List<Path> includeDirs) {
        List<Path> dirs = List.copyOf(includeDirs);
        return (from, name) -> {
            Path own = Path.of(from).getParent();
            List<Path> candidates = new ArrayList<>();
            candidates.add(own == null ? Path.of(name) : own.resolve(name));
            for (Path d : dirs) candidates.add(d.resolve(name));
            for (Path p : candidates) {
                if (!Files.exists(p) || Files.isDirectory(p)) continue;
                try {
                    byte[] text = InputFiles.read(p, Lexer.MAX_CHARS);
                    return Optional.of(new Source(p.normalize().toString(), new String(text, StandardCharsets.UTF_8)));
                } catch (NoSuchFileException e) {
                    // Removed since the check: try the next place.
                }
            }
            return Optional.empty();
        };
    }

    /**
     * Class-path resources: {@code from} is a resource path such as {@code kernels/tinyos.s}, and
     * a relative name is looked up in its directory, then under each of {@code roots}.
     */
    static IncludeResolver classpath(ClassLoader loader, List<String> roots) {
        List<String> dirs = List.copyOf(roots);
        return (from, name) -> {
            List<String> candidates = new ArrayList<>();
            int slash = from.lastIndexOf('/');
            candidates.add(slash < 0 ? name : from.substring(0, slash + 1) + name);
            for (String d : dirs) candidates.add(d.endsWith("/") ? d + name : d + "/" + name);
            for (String c : candidates) {
                String path = Path.of(c).normalize().toString().replace('\\', '/');
                try (var in = loader.getResourceAsStream(path)) {
                    if (in != null) return Optional.of(new Source(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return Optional.empty();
        };
    }
}
