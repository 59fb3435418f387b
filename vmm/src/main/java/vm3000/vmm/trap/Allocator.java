package vm3000.vmm.trap;

import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.common.Partition;
import vm3000.vmm.common.Partitions;

/**
 * Popek and Goldberg's allocator: owns the level's real resources and hands out virtual ones.
 * Physical partitions are carved upward from {@link #RESERVED} (the low 64 KiB stay the VMM's:
 * a Java monitor needs no exception vectors, so nothing there is used, and a guest cannot reach
 * it); host ASIDs and the real TLB's entries through the level's {@link ShadowPaging} (its ASID
 * map); time slices of {@link #sliceCycles} cycles on the real Count/Compare. Virtual devices are
 * built with each {@link VirtualMachine}.
 */
public final class Allocator {
    public static final int RESERVED = Partitions.RESERVED;
    public static final long DEFAULT_SLICE = 20_000;

    private final Partitions partitions;
    private final long sliceCycles;
    private final ShadowPaging paging;

    Allocator(int ramSize, long sliceCycles, ShadowPaging paging) {
        this.partitions = new Partitions(ramSize);
        this.sliceCycles = sliceCycles;
        this.paging = paging;
    }

    /** A new partition of {@code size} bytes (rounded up to pages), or an exception if RAM is short. */
    Partition partition(int size) { return partitions.allocate(size); }

    /** Bytes still free for partitions. */
    int free() { return partitions.free(); }

    long sliceCycles() { return sliceCycles; }

    ShadowPaging paging() { return paging; }
}
