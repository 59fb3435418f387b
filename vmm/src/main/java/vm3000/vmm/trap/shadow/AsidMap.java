package vm3000.vmm.trap.shadow;

import java.util.Arrays;

/**
 * The ASID map (seed 001's "virtual TLB with an ASID map table"): (VM, guest ASID) -> host ASID,
 * host ASIDs 1..63. Shadow entries are tagged with the host ASID, so neither a guest's process
 * switch nor a VM switch needs a flush. When the host ASIDs run out the real TLB is flushed and
 * every mapping forgotten.
 */
public final class AsidMap {
    public static final int HOST_ASIDS = 63;

    private final ShadowTlb shadow;
    /** Per VM id, per guest ASID: the host ASID, or 0. */
    private int[][] map = new int[4][];
    private int nextHost = 1;
    private long recycles;

    public AsidMap(ShadowTlb shadow) { this.shadow = shadow; }

    /** The host ASID of {@code guestAsid} (0..63) in VM {@code vm}, allocating one (and recycling all if none is left). */
    public int hostAsid(int vm, int guestAsid) {
        int[] row = row(vm);
        if (row[guestAsid] != 0) return row[guestAsid];
        if (nextHost > HOST_ASIDS) {
            shadow.flush();
            for (int[] r : map) if (r != null) Arrays.fill(r, 0);
            nextHost = 1;
            recycles++;
        }
        row[guestAsid] = nextHost++;
        return row[guestAsid];
    }

    /** The host ASID already mapped to {@code guestAsid} in {@code vm}, or 0. */
    public int mapped(int vm, int guestAsid) {
        return vm < map.length && map[vm] != null ? map[vm][guestAsid] : 0;
    }

    /** Every host ASID currently mapped for {@code vm}. */
    public int[] hostAsidsOf(int vm) {
        if (vm >= map.length || map[vm] == null) return new int[0];
        return Arrays.stream(map[vm]).filter(h -> h != 0).toArray();
    }

    /** How many times the host ASIDs ran out (each time the real TLB was flushed). */
    public long recycles() { return recycles; }

    private int[] row(int vm) {
        if (vm >= map.length) map = Arrays.copyOf(map, Math.max(vm + 1, map.length * 2));
        if (map[vm] == null) map[vm] = new int[64];
        return map[vm];
    }
}
