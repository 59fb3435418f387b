package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Resolves an emufs name inside the card's root directory, so that no name reaches anything
 * outside it (docs/devices.md, "Emulator file system"). The walk starts from the open directory
 * of a handle and goes one component at a time, each looked up in the open directory before it
 * ({@link SecureDirectoryStream}: {@code fstatat} and {@code openat} with {@code O_NOFOLLOW}), so
 * no name is ever resolved through the host's namespace, and what a host process does to the
 * directories above cannot redirect it:
 * <ul>
 *   <li>{@code ..} goes back along the walk's stack of components, and is refused at the root;
 *       above the handle's own directory the parent is opened again from the root by those
 *       components, so it is always inside the root;</li>
 *   <li>a symbolic link is followed by walking its target in its place: a relative target from
 *       the link's directory, an absolute one only if it names a path under the root's real
 *       path, and then from the root; so a link anywhere in the tree that leads outside is refused,
 *       however it is reached;</li>
 *   <li>absolute names are refused.</li>
 * </ul>
 * A link's text is the one thing read by a host path (Java cannot read a link relative to an open
 * directory), and checked to be the link the walk found; whatever text it is, it is then walked
 * inside the root like any other name, so a host process changing the tree meanwhile can at worst
 * make it name another object inside the root.
 */
final class EmufsNames {
    /** Links followed in one name before it is refused, as Linux's ELOOP limit. */
    static final int MAX_LINKS = 40;

    private static final Path DOT = Path.of(".");

    /** A name the card refuses, with the result code it reports. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String why) {
            super(why, null, false, false);
            this.code = code;
        }
    }

    private final Path root;
    private final SecureDirectoryStream<Path> rootDir;

    /** {@code root} is the root's real path, {@code rootDir} the root held open. */
    EmufsNames(Path root, SecureDirectoryStream<Path> rootDir) {
        this.root = root;
        this.rootDir = rootDir;
    }

    /** A directory on the walk, and whether the walk opened it (and must close it). */
    private record Frame(SecureDirectoryStream<Path> dir, boolean owned) {}

    /**
     * Where a name led: the open directory {@link #dir()} and its components from the root
     * {@link #names()}; {@link #last()} is the final component, a file in that directory (or a
     * name not there yet), or null when the name is that directory itself. {@link #attrs()} are
     * the object's attributes, or null if nothing is there yet (only the last component may be
     * missing). Closing it closes the directories the walk opened and the caller has not taken.
     */
    static final class Found implements AutoCloseable {
        private final Deque<Frame> frames;
        private final List<String> names;
        private final String last;
        private final BasicFileAttributes attrs;

        private Found(Deque<Frame> frames, List<String> names, String last, BasicFileAttributes attrs) {
            this.frames = frames;
            this.names = names;
            this.last = last;
            this.attrs = attrs;
        }

        SecureDirectoryStream<Path> dir() { return frames.peek().dir(); }
        List<String> names() { return names; }
        String last() { return last; }
        BasicFileAttributes attrs() { return attrs; }

        /** The directory the name led to, open, for the caller to keep (and close). */
        SecureDirectoryStream<Path> takeDir() throws IOException {
            Frame f = frames.pop();
            frames.push(new Frame(f.dir(), false));
            return f.owned() ? f.dir() : f.dir().newDirectoryStream(DOT, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public void close() {
            for (Frame f : frames) if (f.owned()) EmufsHandles.quietClose(f.dir());
            frames.clear();
        }
    }

    /** Resolves {@code name} from the open directory {@code dir}, whose components are {@code dirNames}. */
    Found resolve(SecureDirectoryStream<Path> dir, List<String> dirNames, String name) throws Refused, IOException {
        if (name.isEmpty()) throw new Refused(Emufs.RES_BADPATH, "empty name");
        if (name.startsWith("/")) throw new Refused(Emufs.RES_BADPATH, "absolute name");
        boolean mustBeDir = name.endsWith("/");
        Deque<String> todo = new ArrayDeque<>();
        push(todo, name);
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(dir, false));
        List<String> names = new ArrayList<>(dirNames);
        boolean ok = false;
        try {
            int links = 0;
            while (!todo.isEmpty()) {
                String c = todo.pollFirst();
                if (c.equals(".")) continue;
                if (c.equals("..")) {
                    up(frames, names);
                    continue;
                }
                Path cp = component(c);
                BasicFileAttributes a;
                try {
                    a = attributes(frames.peek().dir(), cp);
                } catch (NoSuchFileException e) {
                    if (todo.isEmpty() && !mustBeDir) {
                        ok = true;
                        return new Found(frames, names, c, null);
                    }
                    throw new Refused(Emufs.RES_BADPATH, "no such file");
                }
                if (a.isSymbolicLink()) {
                    if (++links > MAX_LINKS) throw new Refused(Emufs.RES_BADPATH, "too many links");
                    Path target = linkTarget(names, c, a);
                    if (target.isAbsolute()) {
                        if (!target.startsWith(root)) throw new Refused(Emufs.RES_BADPATH, "link leads outside the root");
                        toRoot(frames, names);
                        target = root.relativize(target);
                    }
                    push(todo, target.toString());
                    continue;
                }
                if (a.isDirectory()) {
                    down(frames, names, c, cp);
                    continue;
                }
                if (!todo.isEmpty() || mustBeDir) throw new Refused(Emufs.RES_NOTDIR, "not a directory");
                ok = true;
                return new Found(frames, names, c, a);
            }
            BasicFileAttributes a = frames.peek().dir().getFileAttributeView(BasicFileAttributeView.class).readAttributes();
            ok = true;
            return new Found(frames, names, null, a);
        } finally {
            if (!ok) new Found(frames, names, null, null).close();
        }
    }

    /** The attributes of {@code name} in the open directory {@code dir}, not following a link. */
    static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
    }

    /** Opens the directory {@code c}, just seen to be one, in the directory on top. */
    private static void down(Deque<Frame> frames, List<String> names, String c, Path cp) throws IOException, Refused {
        SecureDirectoryStream<Path> parent = frames.peek().dir();
        SecureDirectoryStream<Path> d;
        try {
            d = parent.newDirectoryStream(cp, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new Refused(Emufs.RES_BADPATH, "a directory changed while it was walked");
        } catch (IOException e) {
            if (!isDirectory(parent, cp)) throw new Refused(Emufs.RES_BADPATH, "a directory changed while it was walked");
            throw e;
        }
        frames.push(new Frame(d, true));
        names.add(c);
    }

    /** True if {@code name} in {@code dir} is a directory now (the host may have changed it since it was seen). */
    static boolean isDirectory(SecureDirectoryStream<Path> dir, Path name) {
        try {
            return attributes(dir, name).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private void up(Deque<Frame> frames, List<String> names) throws Refused, IOException {
        if (names.isEmpty()) throw new Refused(Emufs.RES_BADPATH, "'..' leaves the root");
        if (frames.size() > 1) {
            Frame f = frames.pop();
            if (f.owned()) EmufsHandles.quietClose(f.dir());
            names.remove(names.size() - 1);
            return;
        }
        // Above the handle's own directory: its parent, opened again from the root.
        List<String> parent = new ArrayList<>(names.subList(0, names.size() - 1));
        toRoot(frames, names);
        for (String c : parent) {
            Path cp = component(c);
            BasicFileAttributes a;
            try {
                a = attributes(frames.peek().dir(), cp);
            } catch (NoSuchFileException e) {
                throw new Refused(Emufs.RES_BADPATH, "a directory above the handle's has gone");
            }
            if (!a.isDirectory()) throw new Refused(Emufs.RES_BADPATH, "a directory above the handle's was replaced");
            down(frames, names, c, cp);
        }
    }

    private void toRoot(Deque<Frame> frames, List<String> names) {
        for (Frame f : frames) if (f.owned()) EmufsHandles.quietClose(f.dir());
        frames.clear();
        frames.push(new Frame(rootDir, false));
        names.clear();
    }

    /**
     * The text of the link {@code c} (attributes {@code a}) in the directory whose components are
     * {@code names}: read by its host path, and refused unless that path still leads to the same link.
     */
    private Path linkTarget(List<String> names, String c, BasicFileAttributes a) throws Refused {
        Path p = root;
        for (String n : names) p = p.resolve(n);
        p = p.resolve(c);
        try {
            Path target = Files.readSymbolicLink(p);
            BasicFileAttributes again = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!again.isSymbolicLink() || !Objects.equals(again.fileKey(), a.fileKey())) {
                throw new Refused(Emufs.RES_BADPATH, "the link changed while it was read");
            }
            return target;
        } catch (IOException | InvalidPathException | SecurityException | UnsupportedOperationException e) {
            throw new Refused(Emufs.RES_BADPATH, "the link changed while it was read");
        }
    }

    /** Puts the components of {@code name} at the front of {@code todo}, in order. */
    private static void push(Deque<String> todo, String name) {
        String[] parts = name.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) todo.addFirst(parts[i]);
        }
    }

    private static Path component(String c) throws Refused {
        try {
            return Path.of(c);
        } catch (InvalidPathException e) {
            throw new Refused(Emufs.RES_BADPATH, "invalid name");
        }
    }
}
