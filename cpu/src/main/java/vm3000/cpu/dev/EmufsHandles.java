package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The card's handle table: {@link #MAX_HANDLES} slots, as System/161's. Slot 0 is the root
 * directory, open from power-on to {@link #closeAll}. A file handle holds one open host file; a
 * directory handle holds only its real path. One object has at most one handle: opening it again
 * gives the same number (System/161 matches device and inode; here the file key, which is the
 * same pair on Unix hosts).
 */
final class EmufsHandles {
    /** Handles, the root's included: System/161's MAXHANDLES. */
    static final int MAX_HANDLES = 64;
    static final int ROOT = 0;

    /** An open object: {@code channel} is null for a directory. */
    record Entry(Path path, Object key, FileChannel channel) {
        boolean isDir() { return channel == null; }
    }

    private final Entry[] table = new Entry[MAX_HANDLES];

    EmufsHandles(Path root, Object rootKey) {
        table[ROOT] = new Entry(root, rootKey, null);
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

    /** Frees handle {@code h}, closing its host file. The root stays open: handle 0 always names it. */
    void close(int h) {
        if (h == ROOT) return;
        Entry e = table[h];
        table[h] = null;
        if (e != null) quietClose(e.channel());
    }

    /** Closes every host file and frees every handle but the root. */
    void closeAll() {
        for (int i = 1; i < MAX_HANDLES; i++) close(i);
    }

    /** Handles in use, the root's included. */
    int inUse() {
        int n = 0;
        for (Entry e : table) if (e != null) n++;
        return n;
    }

    static void quietClose(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            // the handle is gone either way; what was written has been handed to the host
        }
    }
}
