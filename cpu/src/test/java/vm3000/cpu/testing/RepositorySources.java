package vm3000.cpu.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The assembly sources of the repository, for tests that must cover all of them: every {@code .s}
 * file outside build output and dot-directories. A file that another one includes is a fragment
 * (a library of routines, a kernel's part); it is covered through the files that include it.
 */
public final class RepositorySources {
    private RepositorySources() {}

    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*\\.include\\s+\"([^\"]+)\"");

    /** The repository's root: the parent of the module the tests run in. */
    public static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Every .s file in the repository, sorted. */
    public static List<Path> all() throws IOException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".s") && Files.isRegularFile(p))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String s = part.toString();
                            if (s.equals("target") || s.startsWith(".")) return false;
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }

    /** The .s files that no other file includes: the programs, each assembled on its own. */
    public static List<Path> programs() throws IOException {
        List<Path> all = all();
        Set<Path> included = new HashSet<>();
        for (Path p : all) {
            Matcher m = INCLUDE.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) included.add(p.getParent().resolve(m.group(1)).normalize());
        }
        return all.stream().filter(p -> !included.contains(p.normalize())).toList();
    }
}
