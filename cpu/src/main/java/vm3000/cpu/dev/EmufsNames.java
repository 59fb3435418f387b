package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves an emufs name inside the card's root directory, so that no name reaches anything
 * outside it (docs/devices.md, "Emulator file system"). The walk goes one component at a time
 * from the directory of the handle, reading each component without following links:
 * <ul>
 *   <li>{@code ..} goes to the physical parent, and is refused at the root;</li>
 *   <li>a symbolic link is followed by walking its target in its place: a relative target from
 *       the link's directory, an absolute one only if it names a path under the root's real
 *       path, and then from the root; so a link anywhere in the tree that leads outside is refused,
 *       however it is reached;</li>
 *   <li>absolute names are refused.</li>
 * </ul>
 * The result is a path with no link in it, at the time of the walk; the caller opens it without
 * following links and checks it again afterwards (a host process could still change the tree in
 * between; the guest itself cannot make links).
 */
final class EmufsNames {
    /** Links followed in one name before it is refused, as Linux's ELOOP limit. */
    static final int MAX_LINKS = 40;

    /** A name the card refuses, with the result code it reports. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String why) {
            super(why, null, false, false);
            this.code = code;
        }
    }

    /**
     * Where a name led: {@code path} has no symbolic link in it; {@code attrs} are its attributes,
     * or null if nothing is there yet (only the last component may be missing).
     */
    record Found(Path path, BasicFileAttributes attrs) {}

    private final Path root;

    /** {@code root} must be a real path (no links, absolute, normalised). */
    EmufsNames(Path root) { this.root = root; }

    Path root() { return root; }

    /** True if {@code p} is the root or under it. */
    boolean inside(Path p) { return p.startsWith(root); }

    /** Resolves {@code name} from the directory {@code dir} (a real path under the root). */
    Found resolve(Path dir, String name) throws Refused, IOException {
        if (name.isEmpty()) throw new Refused(Emufs.RES_BADPATH, "empty name");
        if (name.startsWith("/")) throw new Refused(Emufs.RES_BADPATH, "absolute name");
        boolean mustBeDir = name.endsWith("/");
        Deque<String> todo = new ArrayDeque<>();
        push(todo, name);
        Path cur = dir;
        BasicFileAttributes attrs = Files.readAttributes(cur, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isDirectory()) throw new Refused(Emufs.RES_BADPATH, "the handle's directory was replaced");
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.equals(".")) continue;
            if (c.equals("..")) {
                if (cur.equals(root)) throw new Refused(Emufs.RES_BADPATH, "'..' leaves the root");
                cur = cur.getParent();
                attrs = Files.readAttributes(cur, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                continue;
            }
            Path next = child(cur, c);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (todo.isEmpty() && !mustBeDir) return new Found(next, null);
                throw new Refused(Emufs.RES_BADPATH, "no such file");
            }
            if (a.isSymbolicLink()) {
                if (++links > MAX_LINKS) throw new Refused(Emufs.RES_BADPATH, "too many links");
                Path target = Files.readSymbolicLink(next);
                if (target.isAbsolute()) {
                    if (!target.startsWith(root)) throw new Refused(Emufs.RES_BADPATH, "link leads outside the root");
                    cur = root;
                    target = root.relativize(target);
                }
                push(todo, target.toString());
                continue;
            }
            if (!a.isDirectory() && !todo.isEmpty()) throw new Refused(Emufs.RES_NOTDIR, "not a directory");
            cur = next;
            attrs = a;
        }
        if (mustBeDir && !attrs.isDirectory()) throw new Refused(Emufs.RES_NOTDIR, "not a directory");
        return new Found(cur, attrs);
    }

    /** Puts the components of {@code name} at the front of {@code todo}, in order. */
    private static void push(Deque<String> todo, String name) {
        String[] parts = name.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) todo.addFirst(parts[i]);
        }
    }

    private static Path child(Path dir, String component) throws Refused {
        try {
            return dir.resolve(component);
        } catch (InvalidPathException e) {
            throw new Refused(Emufs.RES_BADPATH, "invalid name");
        }
    }
}
