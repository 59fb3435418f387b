package vm3000.cpu.mmu;

/**
 * A count that grows whenever a translation the host side may have remembered could change: a
 * write to any TLB that shares it, and (on a machine with the RMR stack) every change of the live
 * level or of a window. The block core chains blocks only while it is unchanged. Every TLB of one
 * machine shares one epoch, so that switching levels can never make two different translation
 * states look alike.
 */
public final class TranslationEpoch {
    private long value;

    public long value() { return value; }

    public void bump() { value++; }
}
