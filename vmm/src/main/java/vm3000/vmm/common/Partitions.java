package vm3000.vmm.common;

/**
 * The allocator's memory: partitions of a level's RAM carved upward from {@link #RESERVED} (the
 * low 64 KiB stay the VMM's: a Java monitor needs no exception vectors, so nothing there is used,
 * and a guest cannot reach it), page-aligned. The same for both VMMs: a trap-and-emulate VM's
 * partition, an RMR VM's window.
 */
public final class Partitions {
    public static final int RESERVED = 0x10000;

    private final int ramSize;
    private int next = RESERVED;

    public Partitions(int ramSize) { this.ramSize = ramSize; }

    /** A new partition of {@code size} bytes (rounded up to pages), or an exception if RAM is short. */
    public Partition allocate(int size) {
        int bytes = (size + 0xFFF) & ~0xFFF;
        if ((long) next + bytes > ramSize) {
            throw new IllegalArgumentException(String.format("no room for a %d KiB VM: %d KiB of %d KiB in use",
                    bytes >> 10, next >> 10, ramSize >> 10));
        }
        Partition p = new Partition(next, bytes);
        next += bytes;
        return p;
    }

    /** Bytes still free for partitions. */
    public int free() { return ramSize - next; }
}
