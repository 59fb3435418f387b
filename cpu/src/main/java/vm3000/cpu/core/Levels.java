package vm3000.cpu.core;

import vm3000.cpu.mmu.Access;

/**
 * What the CPU asks of the RMR-stack hardware (vm3000.cpu.rmr) when the machine has it: the
 * cases where control leaves the live level. The CPU knows only that levels exist; the stack
 * decides where a trap goes, saves and restores the levels' state and tells the CPU which level
 * is live ({@link Cpu#setLive}).
 */
public interface Levels {
    /** The access at the live level's physical {@code levelPa} lies outside its window. */
    void memoryTrap(int levelPa, Access access, int size, int data);

    /** A level below the live one has an interrupt its Status unmasks: route it there. */
    void routeInterrupt();

    /** True if some level below the live one has an interrupt its Status.IM unmasks. */
    boolean interruptBelow();

    /** A machine check at a nested level: that level stops, and its owner is told why. */
    void machineCheck(String diagnostic);

    /** The live level is not level 0. */
    boolean nested();

    /** A WAIT retired at a nested level with no hardware line active: its owner decides. */
    void waitTrap();

    /**
     * LRMR at the live level with the block at the live level's physical {@code blockPa} (already
     * checked to be RAM), after the instruction retired. May switch the live level.
     */
    void loadRmr(int blockPa);
}
