package vm3000.vmm.common;

/** A VM's physical memory: {@code size} bytes of its level's RAM from {@code base}, page-aligned. */
public record Partition(int base, int size) {
    /** True if the guest-physical range {@code [pa, pa + len)} lies inside the partition. */
    public boolean contains(int pa, int len) {
        long a = pa & 0xFFFFFFFFL;
        return a + len <= size;
    }
}
