package vm3000.cpu.core;

/**
 * The register state of one level of the machine while another level is live: general
 * registers, HI/LO, where it continues (pc, npc, delay slot), the LL bit, and the accesses of
 * its next instruction that a monitor has already carried out ({@link Completion}). The CPU
 * saves the live level's into one and loads another's from one when the live level changes.
 */
public final class CpuContext {
    final int[] r = new int[32];
    int hi;
    int lo;
    int pc;
    int npc;
    boolean inDelaySlot;
    boolean llBit;
    boolean waiting;
    final Completion completion = new Completion();

    public int reg(int n) { return r[n]; }
    public void setReg(int n, int value) { if (n != 0) r[n] = value; }
    public int pc() { return pc; }
    public int npc() { return npc; }
    public boolean inDelaySlot() { return inDelaySlot; }
    public boolean llBit() { return llBit; }
    public int hi() { return hi; }
    public int lo() { return lo; }

    /** Continues at {@code address}, not in a delay slot. */
    public void setPc(int address) {
        pc = address;
        npc = address + 4;
        inDelaySlot = false;
    }

    /** The accesses of the next instruction a monitor has carried out. */
    public Completion completion() { return completion; }
}
