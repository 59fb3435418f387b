package vm3000.cpu.cp0;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.MachineCheck;
import vm3000.cpu.mmu.TranslationEpoch;

/**
 * Coprocessor 0 of one level of the machine: the R3000 registers, the MIPS-161 on-chip timer
 * (Count/Compare) and the TLB, as one object. The RMR extension keeps one per level; a monitor
 * may keep one as a guest's shadow CP0.
 *
 * <p>Register numbers and bit layouts are System/161's doc/mips.html (which matches the R3000
 * manual for every R3000 register). Count and Random step once per cycle of this CPU: machine
 * time from the {@link Clock}, less the time the CPU stood still ({@link #pause}: idle in WAIT).
 *
 * <p>The on-chip timer is a MIPS-161 extra that System/161's documentation does not describe, so
 * System/161's behaviour is the specification (docs/machine.md, "The on-chip timer"): Count is 1
 * at reset and Compare 0; the timer is off until Compare is first written; when Count steps onto
 * Compare it becomes 0 instead and hardware interrupt 5 rises; writing Compare lowers it, and
 * sets Count to 0 if Count is above the new Compare (unsigned).
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
    /** Hardware interrupt 1: the inter-processor interrupt (the mainboard's CIPI register). */
    public static final int IP_IPI = 1 << 11;
    /** Hardware interrupt 5: the on-chip timer. */
    public static final int IP_TIMER = 1 << 15;

    // Index, Context.
    public static final int INDEX_P = 1 << 31;
    /** EntryHi at reset, as on System/161: VPN 0x81040000, ASID 0 (no TLB entry at reset has it). */
    public static final int ENTRYHI_RESET = 0x81040000;
    private static final int INDEX_SLOT_MASK = 0x3F << 8;
    private static final int CONTEXT_PTEBASE_MASK = 0xFFE00000;

    private final Tlb tlb;
    private final Clock clock;

    private int index;
    private int entryLo;
    private int context;
    private int badVAddr;
    private int entryHi = ENTRYHI_RESET;
    private int status = SR_BEV;
    private int cause;
    private int epc;
    /** Count = countBase + cycles(), modulo 2^32: 1 at reset. */
    private long countBase = 1;
    private int compare;
    /** The timer is off until Compare is first written. */
    private boolean compareUsed;
    private boolean timerPending;
    /** Told when the on-chip timer's line rises (true) or a Compare write lowers it (false): the trace. */
    private java.util.function.Consumer<Boolean> timerListener;
    private Clock.Event timerEvent;
    /** The machine time timerEvent is due at. */
    private long timerAt;
    /** Machine ticks during which this CPU's time stood still. */
    private long lag;
    private boolean paused;
    /** cycles() when paused. */
    private long pausedAt;
    /** Hardware interrupt lines driven from outside CP0 (the LAMEbus), in Cause.IP positions. */
    private int externalLines;
    /** Exception entry and RFE when not the R3000's own (a VMM's, for a VM's shadow CP0), else null. */
    private ExceptionEntry exceptionEntry;

    /** The CP0 of a CPU that starts now, with a TLB of its own epoch. */
    public Cp0(Clock clock) { this(clock, new TranslationEpoch()); }

    /** The CP0 of a CPU that starts now; its TLB's writes advance {@code epoch}. */
    public Cp0(Clock clock, TranslationEpoch epoch) {
        this.clock = clock;
        this.tlb = new Tlb(epoch);
    }

    /**
     * The CP0 of a CPU that has not started: in its reset state with its time standing at cycle
     * 0 until {@link #resume(long)} (an RMR level before its monitor's Load RMR runs it).
     */
    public static Cp0 notStarted(Clock clock, TranslationEpoch epoch) {
        Cp0 c = new Cp0(clock, epoch);
        c.paused = true;
        c.pausedAt = 0;
        return c;
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
            case COUNT: countBase = value - cycles(); scheduleTimer(); break;
            case ENTRYHI: entryHi = value & Tlb.HI_WRITABLE; break;
            case COMPARE:
                compare = value;
                compareUsed = true;
                if (Integer.compareUnsigned(count(), value) > 0) countBase = -cycles();
                if (timerPending && timerListener != null) timerListener.accept(false);
                timerPending = false;
                scheduleTimer();
                break;
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

    /** The pc to give {@link #mtc0} and {@link #tlbWrite(int, MachineCheck, int)} for a monitor's own call. */
    public static final int BY_MONITOR = -1;

    /**
     * MTC0 as the machine executes it, the one copy for the cores, the VMM's interpreter and the
     * monitors' interfaces: {@link #write}, and the MIPS-161 machine check if the value asks for
     * cache control (Status.SwC or IsC). False if the machine stopped.
     */
    public boolean mtc0(int reg, int sel, int value, MachineCheck power, int pc) {
        if (write(reg, sel, value)) return true;
        power.machineCheck(String.format("machine check %s: Status.SwC/IsC set (cache control is not supported)", at(pc)));
        return false;
    }

    /**
     * TLBWI/TLBWR as the machine executes them, the one copy: writes EntryHi/EntryLo at
     * {@code slot}; an entry that could match an address with another one is the MIPS-161
     * machine check (Status.TS set). False if the machine stopped.
     */
    public boolean tlbWrite(int slot, MachineCheck power, int pc) {
        int other = tlbWrite(slot);
        if (other < 0) return true;
        setTlbShutdown();
        power.machineCheck(String.format("machine check %s: duplicate TLB entries %d and %d (EntryHi 0x%08x, 0x%08x)",
                at(pc), slot, other, tlb.hi(slot), tlb.hi(other)));
        return false;
    }

    private static String at(int pc) {
        return pc == BY_MONITOR ? "by the monitor" : String.format("at pc 0x%08x", pc);
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

    /**
     * A hardware interrupt line active, masked or not (the software interrupts IP0/IP1 are not
     * lines): a WAIT that finds one completes at once, and the CPU waiting in WAIT wakes on one.
     */
    public boolean hardwareInterruptLine() { return (cause() & SR_IM_MASK & ~CAUSE_SW_MASK) != 0; }

    /** Drives the hardware interrupt lines that come from outside CP0 (Cause.IP positions). */
    public void setExternalLines(int ipBits) { externalLines = ipBits & SR_IM_MASK & ~CAUSE_SW_MASK; }

    public int count() { return (int) (countBase + cycles()); }

    /** Random's slot field: 8..63, stepping upward once per cycle; 63 at reset, as on System/161. */
    public int random() { return 8 + (int) Long.remainderUnsigned(cycles() + 55, 56); }



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

    /** RFE: pops the KU/IE stack (the old pair stays as it was); or what {@link #setExceptionEntry} gave. */
    public void rfe() {
        if (exceptionEntry != null) exceptionEntry.rfe(this);
        else status = (status & ~0xF) | ((status >>> 2) & 0xF);
    }

    // --- Exception entry ----------------------------------------------------------------------

    /**
     * Hardware's part of taking an exception: EPC, Cause (ExcCode, CE, BD) and the KU/IE push.
     * Returns the vector address for a general exception or a UTLB refill. A CP0 given an
     * {@link ExceptionEntry} ({@link #setExceptionEntry}) lets it do this instead.
     */
    public int enterException(int excCode, int ce, int excPc, boolean branchDelay, boolean utlbRefill) {
        if (exceptionEntry != null) {
            return exceptionEntry.enter(this, excCode, ce, branchDelay ? excPc + 4 : excPc, branchDelay, utlbRefill);
        }
        epc = excPc;
        cause = (cause & CAUSE_SW_MASK) | (branchDelay ? CAUSE_BD : 0) | ((ce & 3) << 28) | (excCode << 2);
        status = (status & ~0x3F) | ((status << 2) & 0x3C);
        boolean bev = (status & SR_BEV) != 0;
        if (utlbRefill) return bev ? 0xbfc00100 : 0x80000000;
        return bev ? 0xbfc00180 : 0x80000080;
    }

    /**
     * Makes {@code entry} carry out exception entry and RFE on this CP0 (a VMM's shadow CP0 of a
     * VM, docs/labs/ex2.md); null: the R3000's own, above.
     */
    public void setExceptionEntry(ExceptionEntry entry) { exceptionEntry = entry; }

    /** EPC as exception entry sets it. */
    public void setEpc(int value) { epc = value; }

    /**
     * The fields of Cause that exception entry sets and software keeps: BD (bit 31), CE (29..28),
     * ExcCode (6..2) and the software interrupt bits (9..8); the hardware interrupt bits are the
     * lines' and are not stored.
     */
    public void setCauseFields(int value) { cause = value & (CAUSE_BD | (3 << 28) | (31 << 2) | CAUSE_SW_MASK); }

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

    /**
     * Stops this CPU's time: Count, Random and the timer stand still until {@link #resume}, while
     * the machine's time goes on. How a CPU idles in WAIT (System/161 does not advance Count then,
     * so the timer cannot end a WAIT).
     */
    public void pause() { pause(clock.now()); }

    /** Stops this CPU's time as it stands at the machine's cycle {@code at} (now, or the next one). */
    public void pause(long at) {
        if (paused) return;
        pausedAt = at - lag;
        paused = true;
        clock.cancel(timerEvent);
    }

    /** Lets this CPU's time go on from where {@link #pause} stopped it, from this cycle on. */
    public void resume() { resume(clock.now()); }

    /**
     * Lets this CPU's time go on from where {@link #pause} stopped it, its next cycle being the
     * machine's cycle {@code at}: the current one when a step resumes it before it executes
     * anything, the next one when an instruction of another level resumes it (Load RMR).
     */
    public void resume(long at) {
        if (!paused) return;
        lag = at - pausedAt;
        paused = false;
        scheduleTimer();
    }

    public boolean paused() { return paused; }

    /** This CPU's cycles since it started: machine time less the time it stood still. */
    public long cycles() { return paused ? pausedAt : clock.now() - lag; }

    /**
     * (Re)arms the event at the cycle at which Count steps onto Compare. The count an
     * instruction sees at cycle t is count(t); the match is the first later cycle at which it
     * would equal Compare: Compare - Count cycles on, or 2^32 if they are equal now.
     */
    private void scheduleTimer() {
        if (!compareUsed || paused) {
            clock.cancel(timerEvent);
            return;
        }
        long delta = (compare - count()) & 0xFFFFFFFFL;
        if (delta == 0) delta = 1L << 32;
        timerAt = clock.now() + delta;
        if (timerEvent == null) timerEvent = clock.schedule(timerAt, this::timerMatch);
        else clock.reschedule(timerEvent, timerAt); // one event for the CPU's life, moved in the clock's heap
    }

    /** Count stepped onto Compare: it becomes 0 instead, and the timer's line rises. */
    private void timerMatch() {
        countBase = lag - timerAt; // Count is 0 at the cycle of the match, however late the event runs
        timerPending = true;
        if (timerListener != null) timerListener.accept(true);
        scheduleTimer();
    }

    /** Installs what hears of the timer's line (see {@link #timerListener}); null: nothing. */
    public void setTimerListener(java.util.function.Consumer<Boolean> listener) { timerListener = listener; }
}
