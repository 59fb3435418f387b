package vm3000.cpu.cp0;

import vm3000.cpu.mmu.TranslationEpoch;

/**
 * The 64-entry fully associative TLB (R3000 manual, "Memory Management"): each entry is an
 * EntryHi (VPN 31..12, ASID 11..6) and an EntryLo (PFN 31..12, N 11, D 10, V 9, G 8) exactly as
 * TLBWI/TLBWR wrote them. An entry matches a VPN and ASID when its VPN is equal and its ASID is
 * equal or its G bit is set; V does not affect matching.
 */
public final class Tlb {
    public static final int ENTRIES = 64;
    public static final int VPN_MASK = 0xFFFFF000;
    public static final int ASID_MASK = 0x00000FC0;
    public static final int PFN_MASK = 0xFFFFF000;
    public static final int N = 1 << 11;
    public static final int D = 1 << 10;
    public static final int V = 1 << 9;
    public static final int G = 1 << 8;
    public static final int HI_WRITABLE = VPN_MASK | ASID_MASK;
    public static final int LO_WRITABLE = PFN_MASK | N | D | V | G;

    /** Returned by {@link #probe} when no entry matches. */
    public static final int NO_MATCH = -1;

    private final int[] hi = new int[ENTRIES];
    private final int[] lo = new int[ENTRIES];

    /**
     * The TLB is undefined at power-on on a real R3000. vm3000 starts it as System/161 does:
     * 64 invalid entries with distinct kseg0 VPNs (0x81000000 + i * 4096, ASID 0), which the MMU
     * never presents for translation, so no two entries can ever match.
     */
    public Tlb(TranslationEpoch epoch) {
        this.epoch = epoch;
        for (int i = 0; i < ENTRIES; i++) hi[i] = RESET_VPN + (i << 12);
    }

    /** A TLB with an epoch of its own. */
    public Tlb() { this(new TranslationEpoch()); }

    /** The VPN of entry 0 at reset. */
    public static final int RESET_VPN = 0x81000000;

    public int hi(int index) { return hi[index]; }
    public int lo(int index) { return lo[index]; }

    public void write(int index, int entryHi, int entryLo) {
        hi[index] = entryHi & HI_WRITABLE;
        lo[index] = entryLo & LO_WRITABLE;
        java.util.Arrays.fill(cacheTag, 0);
        writes++;
        epoch.bump();
    }

    /** Entry writes so far, to this TLB. */
    public long writes() { return writes; }

    /**
     * The epoch this TLB's writes advance: a translation remembered on the host side (the block
     * core's chained successors) stays right for as long as it and the ASID are unchanged.
     */
    public TranslationEpoch epoch() { return epoch; }

    private long writes;
    private final TranslationEpoch epoch;

    // A host-side cache of successful lookups in front of the 64-entry search, invisible to
    // software: direct-mapped by VPN, tagged with VPN, ASID and a valid bit, emptied on every
    // write. It remembers only valid entries, so a hit is always a translation.
    private static final int CACHE = 256;
    private final int[] cacheTag = new int[CACHE];
    private final int[] cacheLo = new int[CACHE];

    /**
     * The EntryLo of the valid entry matching {@code vaddr} under {@code asidBits}, or 0 if there
     * is none or it is not valid (EntryLo of a valid entry always has V set, so is never 0).
     */
    public int lookupValid(int vaddr, int asidBits) {
        int tag = (vaddr & VPN_MASK) | (asidBits & ASID_MASK) | 1;
        int i = (vaddr >>> 12) & (CACHE - 1);
        if (cacheTag[i] == tag) return cacheLo[i];
        int slot = probe(vaddr, asidBits);
        if (slot == NO_MATCH || (lo[slot] & V) == 0) return 0;
        cacheTag[i] = tag;
        cacheLo[i] = lo[slot];
        return lo[slot];
    }

    /** The index of the entry matching {@code vpnBits} (an address's bits 31..12) and ASID, or NO_MATCH. */
    public int probe(int vpnBits, int asidBits) {
        int vpn = vpnBits & VPN_MASK;
        int asid = asidBits & ASID_MASK;
        for (int i = 0; i < ENTRIES; i++) {
            if ((hi[i] & VPN_MASK) == vpn && ((lo[i] & G) != 0 || (hi[i] & ASID_MASK) == asid)) return i;
        }
        return NO_MATCH;
    }

    /**
     * The index of another entry that could match the same address as entry {@code index} under
     * some ASID (same VPN, and same ASID or either global), or NO_MATCH. Two such entries are the
     * condition that shuts a MIPS-161 down.
     */
    public int conflictWith(int index) {
        int vpn = hi[index] & VPN_MASK;
        boolean global = (lo[index] & G) != 0;
        int asid = hi[index] & ASID_MASK;
        for (int i = 0; i < ENTRIES; i++) {
            if (i == index || (hi[i] & VPN_MASK) != vpn) continue;
            if (global || (lo[i] & G) != 0 || (hi[i] & ASID_MASK) == asid) return i;
        }
        return NO_MATCH;
    }
}
