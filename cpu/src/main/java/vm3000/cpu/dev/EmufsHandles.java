package vm3000.cpu.dev;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

/**
 * The card's handle table: {@link #MAX_HANDLES} slots, as System/161's. Slot 0 is the root
 * directory, open from power-on to {@link #closeAll}. Every handle holds its object open on the
 * host, as System/161's holds a file descriptor: a file handle an open file, a directory handle an
 * open directory ({@link SecureDirectoryStream}), through which every later name is looked up. So
 * what a handle names cannot change once it is open, whatever a host process renames, removes or
 * replaces by a link; and while it is open its file key cannot be reused by another object. One
 * object has at most one handle: opening it again gives the same number (System/161 matches
 * device and inode; here the file key, which is the same pair on Unix hosts).
 */
final class EmufsHandles {
    /** Handles, the root's included: System/161's MAXHANDLES. */
    static final int MAX_HANDLES = 64;
    static final int ROOT = 0;

    /**
     * An open object: a directory ({@code dir}, with {@code names}, its components from the root
     * when it was opened) or a file ({@code channel}).
     */
    record Entry(Object key, SecureDirectoryStream<Path> dir, List<String> names, SeekableByteChannel channel) {
        static Entry directory(Object key, SecureDirectoryStream<Path> dir, List<String> names) {
            return new Entry(key, dir, List.copyOf(names), null);
        }

        static Entry file(Object key, SeekableByteChannel channel) {
            return new Entry(key, null, null, channel);
        }

        boolean isDir() { return dir != null; }

        /** Closes the host object; the handle is gone either way. */
        void close() {
            quietClose(dir != null ? dir : channel);
        }
    }

    private final Entry[] table = new Entry[MAX_HANDLES];

    EmufsHandles(Entry root) {
        table[ROOT] = root;
    }

    /** The entry of handle {@code h} (the register's unsigned value), or null if none is open. */
    Entry get(long h) {
        return h >= 0 && h < MAX_HANDLES ? table[(int) h] : null;
    }

    /** The handle already open on the object with {@code key}, or -1. */
    int find(Object key) {
        for (int i = 0; i < MAX_HANDLES; i++) {
            if (table[i] != null && table[i].key().equals(key)) return i;
        }
        return -1;
    }

    /** The lowest free handle, or -1 when all are in use. */
    int free() {
        for (int i = 0; i < MAX_HANDLES; i++) if (table[i] == null) return i;
        return -1;
    }

    void put(int h, Entry e) { table[h] = e; }

    /** Frees handle {@code h}, closing its host object. The root stays open: handle 0 always names it. */
    void close(int h) {
        if (h == ROOT) return;
        Entry e = table[h];
        table[h] = null;
        if (e != null) e.close();
    }

    /**
     * Closes every host object, the root directory's too, and frees every handle but the root's
     * (the card refuses every operation afterwards).
     */
    void closeAll() {
        for (int i = 1; i < MAX_HANDLES; i++) close(i);
        table[ROOT].close();
    }

    /** Handles in use, the root's included. */
    int inUse() {
        int n = 0;
        for (Entry e : table) if (e != null) n++;
        return n;
    }

    static void quietClose(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // the handle is gone either way; what was written has been handed to the host
        }
    }
}
