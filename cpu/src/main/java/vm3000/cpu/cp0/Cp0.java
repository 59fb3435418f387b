package vm3000.cpu.cp0;

import vm3000.cpu.bus.Clock;

/**
 * Coprocessor 0 of one level of the machine: the R3000 registers, the MIPS-161 on-chip timer
 * (Count/Compare) and the TLB, as one object. The RMR extension keeps one per level; a monitor
 * may keep one as a guest's shadow CP0.
 *
 * <p>Register numbers and bit layouts are System/161's doc/mips.html (which matches the R3000
 * manual for every R3000 register). Count advances once per machine cycle and is derived from the
 * {@link Clock}; Random likewise counts upward through 8..63, one step per cycle.
 */
public final class Cp0 {
    public static final int INDEX = 0, RANDOM = 1, ENTRYLO = 2, CONTEXT = 4, BADVADDR = 8, COUNT = 9,
            ENTRYHI = 10, COMPARE = 11, STATUS = 12, CAUSE = 13, EPC = 14, PRID = 15;

    /** PRId of the System/161 2.x processor (doc/mips.html, "Identifying the Processor"). */
    public static final int PRID_VALUE = 0xa1;

    // Status bits.
    public static final int SR_CU0 = 1 << 28;
    public static final int SR_CU_MASK = 0xF0000000;
    public static final int SR_BEV = 1 << 22;
    public static final int SR_TS = 1 << 21;
    public static final int SR_SR = 1 << 20;
    public static final int SR_NMI = 1 << 19;
    public static final int SR_SWC = 1 << 17;
    public static final int SR_ISC = 1 << 16;
    public static final int SR_IM_MASK = 0x0000FF00;
    public static final int SR_KUC = 1 << 1;
    public static final int SR_IEC = 1;
    private static final int SR_WRITABLE = SR_CU_MASK | SR_BEV | SR_TS | SR_SR | SR_NMI | SR_IM_MASK | 0x3F;

    // Cause bits.
    public static final int CAUSE_BD = 1 << 31;
    public static final int CAUSE_SW_MASK = 0x300;
    /** Hardware interrupt 0: the LAMEbus. */
    public static final int IP_LAMEBUS = 1 << 10;
    /** Hardware interrupt 5: the on-chip timer. */
    public static final int IP_TIMER = 1 << 15;

    // Index, Context.
    public static final int INDEX_P = 1 << 31;
    private static final int INDEX_SLOT_MASK = 0x3F << 8;
    private static final int CONTEXT_PTEBASE_MASK = 0xFFE00000;

    private final Tlb tlb = new Tlb();
    private final Clock clock;

    private int index;
    private int entryLo;
    private int context;
    private int badVAddr;
    private int entryHi;
    private int status = SR_BEV;
    private int cause;
    private int epc;
    private long countOffset;
    private int compare;
    private boolean timerPending;
    private Clock.Event timerEvent;
    /** Hardware interrupt lines driven from outside CP0 (the LAMEbus), in Cause.IP positions. */
    private int externalLines;

    public Cp0(Clock clock) {
        this.clock = clock;
        scheduleTimer();
    }

    public Tlb tlb() { return tlb; }

    // --- Architectural register reads and writes (MFC0/MTC0) -------------------------------

    /** MFC0: the value of register {@code reg}, select {@code sel}. Unimplemented registers read 0. */
    public int read(int reg, int sel) {
        if (sel != 0) return 0; // PRId select 1 and 2 (CFEAT, IFEAT) read 0 as documented.
        switch (reg) {
            case INDEX: return index;
            case RANDOM: return random() << 8;
            case ENTRYLO: return entryLo;
            case CONTEXT: return context;
            case BADVADDR: return badVAddr;
            case COUNT: return count();
            case ENTRYHI: return entryHi;
            case COMPARE: return compare;
            case STATUS: return status;
            case CAUSE: return cause();
            case EPC: return epc;
            case PRID: return PRID_VALUE;
            default: return 0;
        }
    }

    /**
     * MTC0: writes the software-writable bits of register {@code reg}. Read-only registers and
     * fields (Random, BadVAddr, Context.BadVPN, Index.P, EPC, PRId, Cause except its software
     * interrupt bits) keep their values. Returns false if the write asks for something the
     * MIPS-161 treats as a machine check (Status.SwC or Status.IsC: cache control).
     */
    public boolean write(int reg, int sel, int value) {
        if (sel != 0) return true;
        switch (reg) {
            case INDEX: index = (index & INDEX_P) | (value & INDEX_SLOT_MASK); break;
            case ENTRYLO: entryLo = value & Tlb.LO_WRITABLE; break;
            case CONTEXT: context = (value & CONTEXT_PTEBASE_MASK) | (context & ~CONTEXT_PTEBASE_MASK); break;
            case COUNT: countOffset = (value & 0xFFFFFFFFL) - clock.now(); scheduleTimer(); break;
            case ENTRYHI: entryHi = value & Tlb.HI_WRITABLE; break;
            case COMPARE: compare = value; timerPending = false; scheduleTimer(); break;
            case STATUS:
                if ((value & (SR_SWC | SR_ISC)) != 0) return false;
                // TS can be cleared by software but never set (doc/mips.html).
                status = (value & SR_WRITABLE & ~SR_TS) | (status & value & SR_TS);
                break;
            case CAUSE: cause = (cause & ~CAUSE_SW_MASK) | (value & CAUSE_SW_MASK); break;
            default: break;
        }
        return true;
    }

    // --- Fields the core uses directly ----------------------------------------------------

    public int status() { return status; }
    public void setStatus(int value) { status = value; }
    public int entryHi() { return entryHi; }
    public int entryLo() { return entryLo; }
    public int index() { return index; }
    public int epc() { return epc; }
    public int badVAddr() { return badVAddr; }
    public int context() { return context; }

    public boolean userMode() { return (status & SR_KUC) != 0; }

    /** The current ASID, in EntryHi's bit positions (11..6). */
    public int asid() { return entryHi & Tlb.ASID_MASK; }

    /** Cause as MFC0 reads it: the stored fields plus the live interrupt lines. */
    public int cause() {
        return cause | externalLines | (timerPending ? IP_TIMER : 0);
    }

    /** Pending interrupts that Status lets through (IEc set and the line unmasked). */
    public int deliverableInterrupts() {
        if ((status & SR_IEC) == 0) return 0;
        return cause() & status & SR_IM_MASK;
    }

    /** Any interrupt line active, masked or not: what ends a WAIT. */
    public boolean anyInterruptLine() { return (cause() & SR_IM_MASK) != 0; }

    /** Drives the hardware interrupt lines that come from outside CP0 (Cause.IP positions). */
    public void setExternalLines(int ipBits) { externalLines = ipBits & SR_IM_MASK & ~CAUSE_SW_MASK; }

    public int count() { return (int) (countOffset + clock.now()); }

    /** Random's slot field: 8..63, stepping upward once per cycle. */
    public int random() { return 8 + (int) Long.remainderUnsigned(clock.now() + 55, 56); }

    // --- TLB instructions -------------------------------------------------------------------

    /** TLBR: EntryHi and EntryLo from the entry that Index selects. */
    public void tlbr() {
        int i = (index >>> 8) & 63;
        entryHi = tlb.hi(i);
        entryLo = tlb.lo(i);
    }

    /** TLBWI/TLBWR: writes EntryHi/EntryLo at {@code slot}; returns a conflicting slot or NO_MATCH. */
    public int tlbWrite(int slot) {
        tlb.write(slot, entryHi, entryLo);
        return tlb.conflictWith(slot);
    }

    public int indexSlot() { return (index >>> 8) & 63; }

    /** TLBP: Index = the matching entry, or P set. */
    public void tlbp() {
        int i = tlb.probe(entryHi, entryHi);
        index = i == Tlb.NO_MATCH ? INDEX_P : i << 8;
    }

    /** RFE: pops the KU/IE stack (the old pair stays as it was). */
    public void rfe() { status = (status & ~0xF) | ((status >>> 2) & 0xF); }

    // --- Exception entry ----------------------------------------------------------------------

    /**
     * Hardware's part of taking an exception: EPC, Cause (ExcCode, CE, BD) and the KU/IE push.
     * Returns the vector address for a general exception or a UTLB refill.
     */
    public int enterException(int excCode, int ce, int excPc, boolean branchDelay, boolean utlbRefill) {
        epc = excPc;
        cause = (cause & CAUSE_SW_MASK) | (branchDelay ? CAUSE_BD : 0) | ((ce & 3) << 28) | (excCode << 2);
        status = (status & ~0x3F) | ((status << 2) & 0x3C);
        boolean bev = (status & SR_BEV) != 0;
        if (utlbRefill) return bev ? 0xbfc00100 : 0x80000000;
        return bev ? 0xbfc00180 : 0x80000080;
    }

    /** What an address or TLB exception records: BadVAddr, and for TLB exceptions Context and EntryHi. */
    public void recordBadAddress(int vaddr, boolean tlbException) {
        badVAddr = vaddr;
        if (tlbException) {
            context = (context & CONTEXT_PTEBASE_MASK) | ((vaddr >>> 10) & 0x001FFFFC);
            entryHi = (vaddr & Tlb.VPN_MASK) | (entryHi & Tlb.ASID_MASK);
        }
    }

    /** Sets Status.TS, as the machine check for duplicate TLB entries does. */
    public void setTlbShutdown() { status |= SR_TS; }

    // --- The on-chip timer -------------------------------------------------------------------

    /** (Re)arms the event at which Count will next equal Compare. */
    private void scheduleTimer() {
        clock.cancel(timerEvent);
        long delta = (compare - count()) & 0xFFFFFFFFL;
        if (delta == 0) delta = 1L << 32;
        timerEvent = clock.schedule(clock.now() + delta, () -> {
            timerPending = true;
            scheduleTimer();
        });
    }
}
