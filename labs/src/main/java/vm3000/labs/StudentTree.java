package vm3000.labs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vm3000.cpu.BadInputException;

/**
 * The student tree: a copy of the repository with the reference solutions of some exercises
 * removed (docs/labs/README.md, "For teachers"). In a Java file, the lines between
 * {@code // lab N begin: WHAT} and {@code // lab N end} (a whole method body) become
 * {@code throw new UnsupportedOperationException("exercise N: WHAT");}, which the graders
 * report as "not written yet". In a Markdown file, the lines between {@code <!-- lab N begin:
 * WHAT -->} and {@code <!-- lab N end -->} (an answer the documentation gives) become one line
 * saying that exercise N asks for it. A Java file with a line {@code // lab N answers: WHY} (a
 * test that states the reference's answers) is left out of the tree when exercise N's solutions
 * are removed.
 */
public final class StudentTree {
    private StudentTree() {}

    static final Pattern BEGIN = Pattern.compile("^(\\s*)// lab (\\d+) begin: (.+)$");
    static final Pattern END = Pattern.compile("^\\s*// lab (\\d+) end\\s*$");
    static final Pattern ANSWERS = Pattern.compile("^// lab (\\d+) answers: .+$", Pattern.MULTILINE);
    static final Pattern MD_BEGIN = Pattern.compile("^(\\s*)<!-- lab (\\d+) begin: (.+?) -->\\s*$");
    static final Pattern MD_END = Pattern.compile("^\\s*<!-- lab (\\d+) end -->\\s*$");

    /** How a kind of file marks a solution, and what stands for it once removed. */
    private record Markers(Pattern begin, Pattern end, String endText) {
        String replacement(String indent, int exercise, String what) {
            if (begin == BEGIN) {
                return indent + "throw new UnsupportedOperationException(\"exercise " + exercise + ": "
                        + what.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\");";
            }
            return indent + "*Removed from the student tree: exercise " + exercise + " asks you to work this out ("
                    + what.strip() + ").*";
        }
    }

    private static final Markers JAVA = new Markers(BEGIN, END, "// lab %s end");
    private static final Markers MARKDOWN = new Markers(MD_BEGIN, MD_END, "<!-- lab %s end -->");

    /** The markers of {@code file}'s kind, or null for a file that has none. */
    private static Markers markers(String file) {
        if (file.endsWith(".java")) return JAVA;
        if (file.endsWith(".md")) return MARKDOWN;
        return null;
    }
    /** The note written at the top of the tree. */
    static final String NOTE = "STUDENT-TREE.md";

    /**
     * {@code text} (the file {@code file}) with the solutions of {@code exercises} removed; a
     * marker without its partner, or nested, is bad input naming the file and line.
     */
    static String strip(String text, Set<Integer> exercises, String file) throws BadInputException {
        Markers m = markers(file);
        if (m == null) return text;
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        int open = -1, openLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher b = m.begin().matcher(line), e = m.end().matcher(line);
            if (b.matches()) {
                if (open >= 0) throw BadInputException.at(file, i + 1, "lab marker inside the region opened at line " + openLine);
                open = Integer.parseInt(b.group(2));
                openLine = i + 1;
                if (exercises.contains(open)) {
                    out.append(m.replacement(b.group(1), open, b.group(3)));
                } else {
                    out.append(line);
                }
            } else if (e.matches()) {
                if (open < 0 || Integer.parseInt(e.group(1)) != open) {
                    throw BadInputException.at(file, i + 1, "\"" + String.format(m.endText(), e.group(1)) + "\" without its begin");
                }
                boolean removed = exercises.contains(open);
                open = -1;
                if (removed) {
                    // the throw stands for the region; drop the end marker's line break too
                    if (i + 1 < lines.length) continue;
                    break;
                }
                out.append(line);
            } else if (open >= 0 && exercises.contains(open)) {
                continue;
            } else {
                out.append(line);
            }
            if (i + 1 < lines.length) out.append('\n');
        }
        if (open >= 0) throw BadInputException.at(file, openLine, "lab " + open + "'s begin marker without its end");
        return out.toString();
    }

    /**
     * Writes the student tree of the repository at {@code root} into {@code out}, which must not
     * exist or be an empty directory; with {@code exercises}' solutions removed. The tree is
     * written beside {@code out} and moved there whole, so that a failure leaves nothing. Returns
     * the number of marked regions removed.
     */
    public static int write(Path root, Path out, Set<Integer> exercises) throws BadInputException, IOException {
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("labs"))) {
            throw new BadInputException(root + ": not a vm3000 repository (no pom.xml and labs/ there)");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) throw new BadInputException(out + ": exists and is not a directory");
            try (DirectoryStream<Path> d = Files.newDirectoryStream(out)) {
                if (d.iterator().hasNext()) throw new BadInputException(out + ": not empty");
            }
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new BadInputException(out + ": no such directory " + parent);
        Path tmp = Files.createTempDirectory(parent, ".student-tree-");
        try {
            int removed = 0;
            for (Path rel : files(root)) {
                Path from = root.resolve(rel), to = tmp.resolve(rel.toString());
                Files.createDirectories(to.getParent());
                if (markers(rel.toString()) != null) {
                    String text = Files.readString(from, StandardCharsets.UTF_8);
                    if (givesAnswers(text, exercises)) continue;
                    String stripped = strip(text, exercises, rel.toString());
                    if (!stripped.equals(text)) removed += regions(text, exercises, markers(rel.toString()));
                    Files.writeString(to, stripped, StandardCharsets.UTF_8);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
            Files.writeString(tmp.resolve(NOTE), note(exercises), StandardCharsets.UTF_8);
            if (Files.exists(out)) Files.delete(out);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            return removed;
        } catch (BadInputException | IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** True if {@code text} says it states the answers of one of {@code exercises} (ANSWERS). */
    static boolean givesAnswers(String text, Set<Integer> exercises) {
        Matcher a = ANSWERS.matcher(text);
        while (a.find()) {
            if (exercises.contains(Integer.parseInt(a.group(1)))) return true;
        }
        return false;
    }

    private static int regions(String text, Set<Integer> exercises, Markers m) {
        int n = 0;
        for (String line : text.split("\n")) {
            Matcher b = m.begin().matcher(line);
            if (b.matches() && exercises.contains(Integer.parseInt(b.group(2)))) n++;
        }
        return n;
    }

    private static String note(Set<Integer> exercises) {
        return "# vm3000: the student tree of the course labs\n\n"
                + "This copy of vm3000 has the solutions of exercise" + (exercises.size() == 1 ? " " : "s ")
                + exercises.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + " removed: each is a method body that throws `UnsupportedOperationException(\"exercise N: ...\")`.\n"
                + "Build with `make build`, read docs/labs/README.md, and grade an exercise with "
                + "`bin/vm3000 lab check N`.\n\nThe project's own tests exercise the monitor you are writing: "
                + "they are not expected to pass here until every exercise is done.\n";
    }

    /**
     * The repository's files, relative to {@code root}: git's list when it is a git work tree,
     * else every file but build output ({@code target/}) and dot-directories.
     */
    static List<Path> files(Path root) throws IOException {
        if (Files.exists(root.resolve(".git"))) {
            try {
                Process p = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] listing = p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    // a file with a merge conflict is listed once per stage: each file once
                    java.util.Set<Path> out = new java.util.LinkedHashSet<>();
                    for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                        if (!name.isEmpty() && Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                            out.add(Path.of(name));
                        }
                    }
                    return new ArrayList<>(out);
                }
            } catch (IOException e) {
                // no git on this machine: walk the tree instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while listing the repository's files", e);
            }
        }
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.equals("target") || name.startsWith("."))) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) out.add(root.relativize(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: the temporary directory is hidden beside the target
        }
    }
}
