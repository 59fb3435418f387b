package vm3000.cpu.mmu;

/** The kind of memory access being translated. A fetch faults as a load does (TLBL, AdEL). */
public enum Access {
    FETCH, LOAD, STORE;

    public boolean isStore() { return this == STORE; }
}
