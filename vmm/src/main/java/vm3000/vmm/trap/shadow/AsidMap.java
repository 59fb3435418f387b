package vm3000.vmm.trap.shadow;

import java.util.Arrays;

/**
 * The ASID map table (the "virtual TLB with an ASID map table" of the system-VM
 * lecture notes the project started from): (VM, guest ASID) -> host
 * ASID, host ASIDs 1..63, 0 for none. Shadow entries are tagged with the host ASID, so neither a
 * guest's process switch nor a VM switch needs a flush. Only the table: which host ASID a pair
 * gets, and when the map is recycled, is {@link ShadowPaging#hostAsid}'s.
 */
public final class AsidMap {
    /** Host ASIDs 1..63 are handed out; 0 is none. */
    public static final int HOST_ASIDS = 63;

    /** Per VM id, per guest ASID: the host ASID, or 0. */
    private int[][] map = new int[4][];

    /** The host ASID mapped to {@code guestAsid} (0..63) in VM {@code vm}, or 0. */
    public int mapped(int vm, int guestAsid) {
        return vm < map.length && map[vm] != null ? map[vm][guestAsid] : 0;
    }

    /** Maps {@code guestAsid} (0..63) in VM {@code vm} to {@code hostAsid}. */
    public void map(int vm, int guestAsid, int hostAsid) {
        row(vm)[guestAsid] = hostAsid;
    }

    /** Every host ASID currently mapped for {@code vm}. */
    public int[] hostAsidsOf(int vm) {
        if (vm >= map.length || map[vm] == null) return new int[0];
        return Arrays.stream(map[vm]).filter(h -> h != 0).toArray();
    }

    /** Forgets every mapping, of every VM. */
    public void clear() {
        for (int[] r : map) if (r != null) Arrays.fill(r, 0);
    }

    private int[] row(int vm) {
        if (vm >= map.length) map = Arrays.copyOf(map, Math.max(vm + 1, map.length * 2));
        if (map[vm] == null) map[vm] = new int[64];
        return map[vm];
    }
}
