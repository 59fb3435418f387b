package vm3000.cpu.core;

import static vm3000.cpu.isa.Fields.*;

import vm3000.cpu.bus.Bus;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.MachineCheck;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;
import vm3000.cpu.mmu.Translation;

/**
 * The interpreter: the reference executor of the machine. One {@link #step} is one cycle: it takes
 * a pending interrupt, or fetches, decodes and executes one instruction. Architectural exceptions
 * are state changes ({@link #raise}), never Java exceptions.
 *
 * <p>Delay slots follow System/161's {@code pc}/{@code nextpc} model: {@code pc} is the
 * instruction executing, {@code npc} the one after it, and {@code inDelaySlot} says whether
 * {@code pc} follows a branch or jump, taken or not; an exception there reports EPC = the branch
 * and Cause.BD = 1. Loads are fully interlocked (no load delay slot), as on the MIPS-161.
 */
public final class Cpu implements MachineCheck {
    private static final long FAILED = Long.MIN_VALUE;

    final int[] r = new int[32];
    int hi;
    int lo;
    int pc;
    int npc;
    boolean inDelaySlot;
    /** npc when the last exception was taken (see {@link #exceptionNext}). */
    private int exceptionNext;
    /** The LL bit when the last exception was taken (see {@link #exceptionLlBit}). */
    private boolean exceptionLlBit;
    boolean llBit;

    /** The live level's CP0 (there is one level unless the machine has the RMR stack). */
    Cp0 cp0;
    /** Level 0's CP0: the one the LAMEbus lines reach. */
    private final Cp0 rootCp0;
    private final PhysicalBus bus;
    final PhysicalMemory ram;
    private final InterruptLines interruptLines;
    private Cop0Handler cop0Handler;
    final Clock clock;
    final PowerState power;
    /** The live level's counters. */
    Counters counters = new Counters();
    /**
     * The live level's window, composed down to level 0: a level-physical address p is real
     * address p + winBase if p < winLimit, else a memory trap. Level 0: base 0, limit 2^32.
     */
    private long winBase;
    private long winLimit = 1L << 32;
    /** The RMR-stack hardware, or null on a plain R3000. */
    private Levels levels;
    /** Set by the RMR stack when a level below the live one has an unmasked interrupt. */
    boolean interruptBelow;
    /** Set when the live level changed during the instruction (LRMR, a routed trap). */
    boolean levelSwitched;
    /** The word of the instruction being executed (for a memory trap's record). */
    int insn;
    /** The accesses of the current instruction carried out by a monitor (RMR memory traps). */
    private final Completion completion = new Completion();
    /** An LRMR or a WAIT-to-the-owner to carry out once the instruction has retired. */
    private int afterRetire;
    private int afterRetireArg;
    /** The address of the instruction whose retirement ran {@link #afterRetire}. */
    private int retiredPc;
    private static final int AFTER_LRMR = 1, AFTER_WAIT = 2;
    private final Endian endian;
    private Monitor monitor;
    Tracer tracer;
    /** The debugger attached to this CPU, or null: consulted before every cycle {@link #step} runs. */
    private Debugger debugger;
    long executed;
    /**
     * Set when an instruction did something after which the block core must return to its
     * dispatcher before the next instruction: touched a device register (which may change an
     * interrupt line or power the machine off) or wrote over decoded code.
     */
    boolean blockExit;
    /** Set by a monitor (from {@link Monitor#trap}) to make the run loop return to its caller. */
    boolean stopRequested;
    /** A WAIT retired with no hardware interrupt line active: the CPU idles until one rises. */
    boolean waiting;
    /** Machine time at which idling stops for the instruction limit (see {@link #setIdleLimit}). */
    private long idleLimit = Long.MAX_VALUE;
    /** The address of that WAIT, for the diagnostic if nothing can ever wake it. */
    private int waitPc;
    /** The last stretch of idling ended at an observer event, not a device event (see {@link #idle}). */
    private boolean idleAfterObserver;

    /** The CPU of a real machine: RAM and the LAMEbus, whose lines reach it as hardware interrupt 0. */
    public Cpu(Cp0 cp0, Bus bus, Clock clock, PowerState power) {
        this(cp0, bus.ram(), bus, InterruptLines.of(bus.lamebus()), clock, power);
    }

    /**
     * A CPU on any physical bus. {@code ram} is the part of the bus the CPU may read and write
     * directly (its fast path); it may be {@link PhysicalMemory#none}, when every access must go
     * through {@code bus}.
     */
    public Cpu(Cp0 cp0, PhysicalMemory ram, PhysicalBus bus, InterruptLines lines, Clock clock, PowerState power) {
        this.cp0 = cp0;
        this.rootCp0 = cp0;
        this.bus = bus;
        this.ram = ram;
        this.interruptLines = lines;
        this.clock = clock;
        this.power = power;
        this.endian = ram.endian();
    }

    // --- State, for the loader, monitors, tests and tools --------------------------------

    public int reg(int n) { return r[n]; }
    public void setReg(int n, int value) { if (n != 0) r[n] = value; }
    public int hi() { return hi; }
    public int lo() { return lo; }
    public void setHiLo(int hi, int lo) { this.hi = hi; this.lo = lo; }
    public int pc() { return pc; }
    /** The address of the instruction after {@link #pc} (a branch's target once its delay slot runs). */
    public int npc() { return npc; }
    public boolean inDelaySlot() { return inDelaySlot; }

    /**
     * Idling in WAIT stops at machine time {@code t}, where the run's instruction limit falls, so
     * that a run stops at its limit however long the WAIT would have lasted. {@link #runUntil}
     * sets it from its limit; a monitor that steps a CPU itself sets it to its VM's limit.
     */
    public void setIdleLimit(long t) { idleLimit = t; }

    /** Idling stops where a run limited to {@code limit} executed instructions in all must stop. */
    void limitIdling(long limit) {
        idleLimit = limit == Long.MAX_VALUE ? Long.MAX_VALUE : clock.now() + (limit - executed);
    }

    /** True while the CPU idles in a WAIT (see {@link #startWait}). */
    public boolean waiting() { return waiting; }

    /**
     * Where the context interrupted by the last exception continues after the instruction at
     * which it was taken: EPC + 4 without Cause.BD, the branch's outcome with it. The hardware
     * keeps this but reports only EPC and BD, from which a monitor can recompute it except after
     * a branch in a delay slot (executed deterministically here: the slot's branch decides where
     * execution goes after the first branch's target). A monitor that restores an interrupted
     * context reads it here.
     */
    public int exceptionNext() { return exceptionNext; }

    /**
     * The LL bit of the context interrupted by the last exception, as it was before the exception
     * cleared it: a monitor that resumes that context as if nothing happened (its own timer, a
     * refill the guest never sees) restores it with {@link #setLlBit}, so that the guest's SC does
     * as it would have on the bare machine.
     */
    public boolean exceptionLlBit() { return exceptionLlBit; }
    public boolean llBit() { return llBit; }
    public void setLlBit(boolean value) { llBit = value; }
    public Cp0 cp0() { return cp0; }
    public PhysicalBus bus() { return bus; }
    public Clock clock() { return clock; }
    public PowerState power() { return power; }
    public Counters counters() { return counters; }
    /** Instructions executed so far, counting those that trapped and interrupts taken. */
    public long executed() { return executed; }

    /** Continues execution at {@code address}, not in a delay slot. */
    public void setPc(int address) {
        pc = address;
        npc = address + 4;
        inDelaySlot = false;
    }

    /**
     * Continues at {@code address} with {@code next} after it. With {@code inDelaySlot}, address is
     * the delay slot of the branch at address - 4 and {@code next} that branch's outcome: how a
     * monitor restores a context that was interrupted between a branch and its slot.
     */
    public void setPc(int address, int next, boolean inDelaySlot) {
        pc = address;
        npc = next;
        this.inDelaySlot = inDelaySlot;
    }

    public void setMonitor(Monitor monitor) { this.monitor = monitor; }

    // --- The RMR stack's view of the CPU -----------------------------------------------------

    /**
     * A machine check of the live level: the machine stops, unless the level is nested, when
     * the RMR stack stops that level and routes the diagnostic to its owner.
     */
    @Override
    public void machineCheck(String diagnostic) {
        if (levels != null && levels.nested()) levels.machineCheck(diagnostic);
        else power.machineCheck(diagnostic);
    }

    /** Connects the RMR-stack hardware; from now on it is told when control leaves the live level. */
    public void setLevels(Levels levels) { this.levels = levels; }

    public Levels levels() { return levels; }

    /** The address of the last WAIT or LRMR whose retirement made the live level change. */
    public int lastRetiredPc() { return retiredPc; }

    /** The word of the instruction being executed. */
    public int insn() { return insn; }

    /**
     * Makes a level live: its CP0, its counters and its window composed down to level 0
     * ({@code limit} in 0..2^32). The caller loads its registers ({@link #loadContext}).
     */
    public void setLive(Cp0 cp0, Counters counters, long base, long limit) {
        this.cp0 = cp0;
        this.counters = counters;
        this.winBase = base;
        this.winLimit = limit;
        this.levelSwitched = true;
        cp0.tlb().epoch().bump();
    }

    /** Tells the CPU whether a level below the live one has an interrupt to route. */
    public void setInterruptBelow(boolean pending) { interruptBelow = pending; }

    /**
     * True if the next cycle routes an interrupt to a level below the live one (the RMR stack):
     * no instruction of the live level runs in it, and the live level's time does not move.
     */
    public boolean interruptBelow() { return interruptBelow; }

    /**
     * True while the instruction at the pc has accesses a monitor carried out for it after memory
     * traps (the RMR stack's complete or bus-error disposition): the next cycle finishes that
     * instruction, whose attempt was a cycle of its own.
     */
    public boolean completing() { return completion.count != 0; }

    /** Saves the live level's registers and continuation into {@code c}. */
    public void saveContext(CpuContext c) {
        System.arraycopy(r, 0, c.r, 0, 32);
        c.hi = hi;
        c.lo = lo;
        c.pc = pc;
        c.npc = npc;
        c.inDelaySlot = inDelaySlot;
        c.llBit = llBit;
        c.waiting = waiting;
        c.completion.copyFrom(completion);
    }

    /** Loads the registers and continuation of the level about to be live from {@code c}. */
    public void loadContext(CpuContext c) {
        System.arraycopy(c.r, 0, r, 0, 32);
        r[0] = 0;
        hi = c.hi;
        lo = c.lo;
        pc = c.pc;
        npc = c.npc;
        inDelaySlot = c.inDelaySlot;
        llBit = c.llBit;
        waiting = c.waiting;
        completion.copyFrom(c.completion);
    }
    public void setTracer(Tracer tracer) { this.tracer = tracer; }

    /** The tracer, or null. */
    public Tracer tracer() { return tracer; }

    /** The CPU's RAM (none at all for a CPU whose every access goes through its bus). */
    public PhysicalMemory ram() { return ram; }

    /**
     * Attaches a debugger (null: none). It sees only the cycles {@link #step} runs: a run loop
     * that wants it to see every instruction steps the interpreter while
     * {@link Debugger#wantsEveryStep} says so, instead of running blocks or running directly.
     */
    public void setDebugger(Debugger debugger) { this.debugger = debugger; }

    public Debugger debugger() { return debugger; }

    /** Routes the CP0 instructions to {@code handler} instead of this CPU's own CP0 (null: back to its own). */
    public void setCop0Handler(Cop0Handler handler) { this.cop0Handler = handler; }

    // --- Running ----------------------------------------------------------------------------

    /** Runs until the machine stops or {@code limit} instructions have been executed in all. */
    public void run(long limit) {
        runUntil(limit);
        if (power.isRunning()) power.instructionLimit(limit);
    }

    /**
     * Steps until the machine stops, {@code limit} instructions have been executed in all, or a
     * monitor asks for control ({@link #requestStop}); the machine stays on.
     */
    public void runUntil(long limit) {
        stopRequested = false;
        limitIdling(limit);
        while (power.isRunning() && executed < limit && !stopRequested) step();
    }

    /**
     * Makes the running loop ({@link #runUntil}, the block core's too) return after the current
     * instruction: how a monitor that ran its guest until the next trap gets control back.
     */
    public void requestStop() { stopRequested = true; }

    /** One cycle: an interrupt, or one instruction; or, idle in a WAIT, the time to the next event. */
    public void step() {
        if (clock.now() >= clock.nextEvent()) {
            clock.runDue();
            syncInterruptLines();
        }
        if (waiting) {
            if (!cp0.hardwareInterruptLine()) {
                idle();
                return;
            }
            waiting = false;
            idleAfterObserver = false;
            cp0.resume();
        }
        if (debugger != null) {
            Cp0 live = cp0;
            debugger.beforeCycle(this); // may hold the machine stopped: its time stands still meanwhile
            if (!power.isRunning()) return;
            if (cp0 != live) {
                // The debugger stopped a nested level (a kill: its machine check went to its owner
                // as a routed trap). The trap took this cycle, at the owner's level, as any does.
                executed++;
                clock.advanceTo(clock.now() + 1);
                return;
            }
        }
        executed++;
        int pending;
        if (interruptBelow) {
            levels.routeInterrupt();
        } else if ((pending = cp0.deliverableInterrupts()) != 0) {
            if (tracer != null) tracer.interrupt(pending);
            raise(ExcCode.INT, 0);
        } else {
            execute();
        }
        if (power.isRunning()) clock.advanceTo(clock.now() + 1); // a cycle that stops the machine is not counted
    }

    /**
     * Samples the external interrupt lines into level 0's Cause.IP (they reach no other level),
     * and tells the RMR stack; called whenever they or a lower level's timer may have changed.
     */
    public void syncInterruptLines() {
        rootCp0.setExternalLines(interruptLines.lines());
        if (levels != null) interruptBelow = levels.interruptBelow();
    }

    private void execute() {
        final int pc = this.pc;
        if ((pc & 3) != 0) {
            addressFault(pc, Access.FETCH);
            return;
        }
        boolean user = cp0.userMode();
        long t = translate(pc, Access.FETCH, user);
        int w;
        if (t == Translation.MEMORY_TRAP) {
            insn = 0;
            long v = completed(Mmu.translate(cp0, pc, Access.FETCH), pc, Access.FETCH, 4, 0);
            if (v == FAILED) return;
            w = (int) v;
        } else if (t < 0) {
            mmuFault(pc, t);
            return;
        } else if (ram.contains((int) t, 4)) {
            w = ram.loadWord((int) t);
        } else {
            long v = bus.load((int) t, 4);
            if (v == PhysicalBus.BUS_ERROR) {
                raise(ExcCode.IBE, 0);
                return;
            }
            w = (int) v;
        }
        if (tracer != null) tracer.instruction(pc, w, user);
        Op op = Decoder.decode(w);
        if (op == null) {
            raise(ExcCode.RI, 0);
            if (tracer != null) tracer.after(false);
            return;
        }
        Counters c = counters; // the level the instruction runs at, even if it makes another live
        boolean retired = exec(op, w);
        if (retired) {
            if (user) c.userInstructions++; else c.kernelInstructions++;
        }
        if (tracer != null) tracer.after(retired);
    }

    /** Whether the whole page of real address {@code t} (a translation's result) is inside the live window. */
    boolean pageInWindow(long t) { return ((t - winBase) | 0xFFF) < winLimit; }

    /**
     * The one translation function of the machine, for the interpreter, the block core and
     * compiled blocks: virtual address to real (level-0) physical address, or a fault. kseg0 and
     * kseg1 in kernel mode directly, the rest through the live level's TLB ({@link Mmu}); then
     * the live level's window, composed down to level 0: past its limit the result is
     * {@link Translation#MEMORY_TRAP}.
     */

    long translate(int vaddr, Access access, boolean user) {
        long t = vaddr < 0xC0000000 && !user ? vaddr & 0x1FFFFFFF : Mmu.translate(cp0, vaddr, access);
        if (t < 0) return t;
        if (t >= winLimit) return Translation.MEMORY_TRAP;
        return t + winBase;
    }

    /**
     * The semantics of every instruction, shared by both cores: executes {@code op} (encoded as
     * {@code w}) at {@code pc}, in a delay slot if {@code inDelaySlot}. On retirement advances
     * pc/npc and returns true; returns false if the instruction raised an exception (pc is then
     * at the vector), stopped the machine, or is a WAIT still waiting.
     */
    boolean exec(Op op, int w) {
        final int pc = this.pc;
        insn = w;
        int next = npc + 4;
        boolean branch = false;
        int s = r[rs(w)];
        int u = r[rt(w)];
        switch (op) {
            case SLL: set(rd(w), u << sa(w)); break;
            case SRL: set(rd(w), u >>> sa(w)); break;
            case SRA: set(rd(w), u >> sa(w)); break;
            case SLLV: set(rd(w), u << s); break;
            case SRLV: set(rd(w), u >>> s); break;
            case SRAV: set(rd(w), u >> s); break;
            case JR: branch = true; next = s; break;
            case JALR: branch = true; next = s; set(rd(w), pc + 8); break;
            case SYSCALL: raise(ExcCode.SYS, 0); return false;
            case BREAK: raise(ExcCode.BP, 0); return false;
            case SYNC: break;
            case MFHI: set(rd(w), hi); break;
            case MTHI: hi = s; break;
            case MFLO: set(rd(w), lo); break;
            case MTLO: lo = s; break;
            case MULT: mult((long) s * u); break;
            case MULTU: mult((s & 0xFFFFFFFFL) * (u & 0xFFFFFFFFL)); break;
            case DIV: div(s, u); break;
            case DIVU: divu(s, u); break;
            case ADD: { int v = s + u; if (((s ^ v) & (u ^ v)) < 0) { raise(ExcCode.OV, 0); return false; } set(rd(w), v); break; }
            case ADDU: set(rd(w), s + u); break;
            case SUB: { int v = s - u; if (((s ^ u) & (s ^ v)) < 0) { raise(ExcCode.OV, 0); return false; } set(rd(w), v); break; }
            case SUBU: set(rd(w), s - u); break;
            case AND: set(rd(w), s & u); break;
            case OR: set(rd(w), s | u); break;
            case XOR: set(rd(w), s ^ u); break;
            case NOR: set(rd(w), ~(s | u)); break;
            case SLT: set(rd(w), s < u ? 1 : 0); break;
            case SLTU: set(rd(w), Integer.compareUnsigned(s, u) < 0 ? 1 : 0); break;

            case BLTZ: branch = true; if (s < 0) next = branchTarget(pc, w); break;
            case BGEZ: branch = true; if (s >= 0) next = branchTarget(pc, w); break;
            case BLTZAL: branch = true; r[31] = pc + 8; if (s < 0) next = branchTarget(pc, w); break;
            case BGEZAL: branch = true; r[31] = pc + 8; if (s >= 0) next = branchTarget(pc, w); break;
            case J: branch = true; next = jumpTarget(pc, w); break;
            case JAL: branch = true; r[31] = pc + 8; next = jumpTarget(pc, w); break;
            case BEQ: branch = true; if (s == u) next = branchTarget(pc, w); break;
            case BNE: branch = true; if (s != u) next = branchTarget(pc, w); break;
            case BLEZ: branch = true; if (s <= 0) next = branchTarget(pc, w); break;
            case BGTZ: branch = true; if (s > 0) next = branchTarget(pc, w); break;

            case ADDI: { int i = simm(w), v = s + i; if (((s ^ v) & (i ^ v)) < 0) { raise(ExcCode.OV, 0); return false; } set(rt(w), v); break; }
            case ADDIU: set(rt(w), s + simm(w)); break;
            case SLTI: set(rt(w), s < simm(w) ? 1 : 0); break;
            case SLTIU: set(rt(w), Integer.compareUnsigned(s, simm(w)) < 0 ? 1 : 0); break;
            case ANDI: set(rt(w), s & uimm(w)); break;
            case ORI: set(rt(w), s | uimm(w)); break;
            case XORI: set(rt(w), s ^ uimm(w)); break;
            case LUI: set(rt(w), uimm(w) << 16); break;

            case LB: { long v = load(s + simm(w), 1); if (v == FAILED) return false; set(rt(w), (byte) v); break; }
            case LBU: { long v = load(s + simm(w), 1); if (v == FAILED) return false; set(rt(w), (int) v); break; }
            case LH: { long v = load(s + simm(w), 2); if (v == FAILED) return false; set(rt(w), (short) v); break; }
            case LHU: { long v = load(s + simm(w), 2); if (v == FAILED) return false; set(rt(w), (int) v); break; }
            case LW: { long v = load(s + simm(w), 4); if (v == FAILED) return false; set(rt(w), (int) v); break; }
            case LL: { long v = load(s + simm(w), 4); if (v == FAILED) return false; set(rt(w), (int) v); llBit = true; break; }
            case LWL: { if (!lwl(s + simm(w), rt(w), u)) return false; break; }
            case LWR: { if (!lwr(s + simm(w), rt(w), u)) return false; break; }
            case SB: if (!store(s + simm(w), 1, u)) return false; break;
            case SH: if (!store(s + simm(w), 2, u)) return false; break;
            case SW: if (!store(s + simm(w), 4, u)) return false; break;
            case SC: {
                // The address is checked (alignment, TLB, Mod) whether or not the store happens.
                if (llBit ? !store(s + simm(w), 4, u) : !checkStore(s + simm(w))) return false;
                set(rt(w), llBit ? 1 : 0);
                llBit = false;
                break;
            }
            case SWL: if (!swl(s + simm(w), u)) return false; break;
            case SWR: if (!swr(s + simm(w), u)) return false; break;

            case COP1: case COP2: case COP3: case LWC1: case LWC2: case LWC3: case SWC1: case SWC2: case SWC3:
                raise(ExcCode.CPU, op.coprocessor());
                return false;

            default:
                if (!cop0(op, w)) return false;
                break;
        }
        this.pc = npc;
        this.npc = next;
        this.inDelaySlot = branch;
        if (completion.count != 0) finishCompletion();
        if (afterRetire != 0) {
            retiredPc = pc;
            runAfterRetire();
        }
        return true;
    }

    /** The instruction a monitor completed accesses of is done: its owner's new lines reach it now. */
    private void finishCompletion() {
        if (completion.linesAfter >= 0) cp0.setExternalLines(completion.linesAfter);
        completion.clear();
    }

    /** What an LRMR, or a WAIT at a nested level, does once it has retired: control leaves the level. */
    private void runAfterRetire() {
        int what = afterRetire;
        afterRetire = 0;
        if (what == AFTER_LRMR) levels.loadRmr(afterRetireArg);
        else levels.waitTrap();
    }

    private void set(int reg, int value) {
        if (reg != 0) r[reg] = value;
    }

    private void mult(long product) {
        lo = (int) product;
        hi = (int) (product >>> 32);
    }

    /**
     * Division by zero, undefined on the R3000, gives System/161's "machine infinity": LO =
     * 0x7fffffff for a dividend >= 0, 0xffffffff for a negative one, HI = 0.
     */
    void div(int n, int d) {
        if (d == 0) {
            lo = n >= 0 ? Integer.MAX_VALUE : -1;
            hi = 0;
        } else {
            lo = n / d; // INT_MIN / -1 gives INT_MIN, remainder 0, as the hardware does
            hi = n % d;
        }
    }

    /** Division by zero gives System/161's LO = 0xffffffff, HI = 0. */
    void divu(int n, int d) {
        if (d == 0) {
            lo = -1;
            hi = 0;
        } else {
            lo = Integer.divideUnsigned(n, d);
            hi = Integer.remainderUnsigned(n, d);
        }
    }

    // --- CP0 -----------------------------------------------------------------------------------

    /** Executes a CP0 instruction; false if it raised an exception or stopped the machine. */
    private boolean cop0(Op op, int w) {
        if (op == Op.LRMR && levels == null) { // reserved unless the machine has the RMR stack
            raise(ExcCode.RI, 0);
            return false;
        }
        if (cop0Handler != null) {
            // A VMM's interpreters, its guard first. They may change anything a block was decoded
            // or is running under (mode, mapping, interrupt enables): the block core's block ends.
            blockExit = true;
            return cop0Handler.execute(this, op, w);
        }
        if (cp0.userMode() && (cp0.status() & Cp0.SR_CU0) == 0) {
            raise(ExcCode.CPU, 0);
            return false;
        }
        switch (op) {
            case MFC0: set(rt(w), cp0.read(rd(w), sel(w))); return true;
            case MTC0: return cp0.mtc0(rd(w), sel(w), r[rt(w)], this, pc);
            case TLBR:
                cp0.tlbr();
                if (tracer != null) tracer.tlbRead(cp0.indexSlot());
                return true;
            case TLBWI: return tlbWrite("tlbwi", cp0.indexSlot());
            case TLBWR: return tlbWrite("tlbwr", cp0.random());
            case TLBP:
                cp0.tlbp();
                if (tracer != null) tracer.tlbProbe(cp0.index() < 0 ? -1 : cp0.indexSlot());
                return true;
            case RFE: cp0.rfe(); return true;
            case WAIT: return startWait();
            case LRMR: return loadRmr(rt(w));
            default: throw new IllegalStateException("not a CP0 instruction: " + op);
        }
    }

    private boolean tlbWrite(String name, int slot) {
        counters.tlbWrites++;
        if (tracer != null) tracer.tlbWrite(name, slot);
        return cp0.tlbWrite(slot, this, pc);
    }

    /**
     * LRMR (Load RMR, an RMR-stack machine only: RI on a plain R3000): the block at the virtual
     * address in {@code rt} tells the stack what to run (docs/rmr.md). The block must be RAM of
     * this level: a fault on its address is raised as for a load, and a block outside RAM is a
     * bus error. The instruction retires, then the stack carries it out.
     */
    private boolean loadRmr(int rt) {
        int vaddr = r[rt];
        if ((vaddr & 3) != 0 || (vaddr & 0xFFF) > 0x1000 - RMR_BLOCK_BYTES) {
            addressFault(vaddr, Access.LOAD);
            return false;
        }
        long t = translate(vaddr, Access.LOAD, cp0.userMode());
        if (t < 0 && t != Translation.MEMORY_TRAP) {
            mmuFault(vaddr, t);
            return false;
        }
        if (t < 0 || !ram.contains((int) t, RMR_BLOCK_BYTES)) {
            raise(ExcCode.DBE, 0);
            return false;
        }
        afterRetire = AFTER_LRMR;
        afterRetireArg = (int) (t - winBase);
        return true;
    }

    /** Bytes of an LRMR block (docs/rmr.md). */
    public static final int RMR_BLOCK_BYTES = 0x40;

    /**
     * WAIT, as System/161 executes it: the instruction retires in its cycle; if no hardware
     * interrupt line is active then (masked or not; the software interrupts do not count), the
     * CPU idles from the next cycle until one rises. While it idles its own time stands still
     * (Count, Random and the on-chip timer, so the timer cannot end a WAIT) and machine time
     * jumps from device event to device event ({@link #step}). Returns true: WAIT always retires.
     * A monitor's interpreter of WAIT calls this after its privilege check.
     */
    public boolean startWait() {
        if (!cp0.hardwareInterruptLine()) {
            if (levels != null && levels.nested()) {
                afterRetire = AFTER_WAIT; // only the owner of a level drives its lines
                return true;
            }
            waiting = true;
            waitPc = pc;
            idleAfterObserver = false;
            blockExit = true;
        }
        return true;
    }

    /**
     * One stretch of idling in WAIT: the CPU's time stops, machine time jumps to the next event
     * (which may raise a line), and the idle cycles count towards the instruction limit, so that
     * a WAIT that events keep from ending cannot outlast it; idling stops where the limit falls. With no event at all the CPU could
     * never wake, so the machine stops with a diagnostic instead of hanging. Observer events
     * (a profiler's samples, {@link Clock#observe}) end a stretch, so that they see their own
     * cycle, but wake nothing: they do not count as events that could wake the CPU, and the
     * tracer hears of a stretch only after a device event, as it would without them.
     */
    private void idle() {
        if (tracer != null && !idleAfterObserver) tracer.idle();
        cp0.pause();
        long device = clock.nextDeviceEvent();
        if (device == Long.MAX_VALUE) {
            power.machineCheck(String.format("WAIT at pc 0x%08x with no interrupt that could ever wake it", waitPc));
            return;
        }
        long wake = clock.nextEvent();
        idleAfterObserver = wake < device;
        if (wake > idleLimit) {
            wake = Math.max(idleLimit, clock.now() + 1);
            idleAfterObserver = false;
        }
        executed += wake - clock.now();
        clock.advanceTo(wake);
    }

    // --- Memory access -------------------------------------------------------------------------

    /**
     * The physical address of an access of {@code size} bytes at {@code vaddr}: alignment checked
     * (a size of 1 never faults) and translated. FAILED after raising AdEL/AdES or a TLB exception.
     */
    private long physical(int vaddr, int size, Access access) {
        if ((vaddr & (size - 1)) != 0) {
            addressFault(vaddr, access);
            return FAILED;
        }
        boolean user = cp0.userMode();
        if (tracer != null && (vaddr >= 0 || (!user && vaddr >= 0xC0000000))) tracer.tlbLookup(vaddr, access == Access.STORE);
        long t = translate(vaddr, access, user);
        if (t == Translation.MEMORY_TRAP) return OUTSIDE;
        if (t < 0) {
            mmuFault(vaddr, t);
            return FAILED;
        }
        return t;
    }

    /** physical(): the address lies outside the live level's window (see {@link #outside}). */
    private static final long OUTSIDE = Long.MIN_VALUE + 1;

    /**
     * An access outside the live level's window: the result a monitor gave it earlier (the value
     * for a load, 0 for a store done), FAILED after raising a bus error it asked for, or FAILED
     * after the memory trap to the window's owner, which leaves this level's state untouched.
     */
    private long outside(int vaddr, Access access, int size, int data) {
        return completed(Mmu.translate(cp0, vaddr, access), vaddr, access, size, data);
    }

    private long completed(long levelPa, int vaddr, Access access, int size, int data) {
        int pa = (int) levelPa;
        int i = completion.find(access, pa);
        if (i >= 0) {
            blockExit = true; // a device access, as far as the block core is concerned: lines may change
            if (completion.busError[i]) {
                raise(access == Access.FETCH ? ExcCode.IBE : ExcCode.DBE, 0);
                return FAILED;
            }
            return completion.value[i] & (size == 4 ? 0xFFFFFFFFL : (1L << (8 * size)) - 1);
        }
        levels.memoryTrap(pa, access, size, data);
        return FAILED;
    }

    /** Reads {@code size} bytes at physical {@code pa}, zero-extended; FAILED after raising DBE. */
    private long read(int pa, int size) {
        if (ram.contains(pa, size)) return bus.load(pa, size);
        long v = bus.load(pa, size);
        if (v == PhysicalBus.BUS_ERROR) {
            raise(ExcCode.DBE, 0);
            return FAILED;
        }
        syncInterruptLines(); // reading a device register may lower its line
        blockExit = true;
        return v;
    }

    /** Writes {@code size} bytes at physical {@code pa}; false after raising DBE. */
    private boolean write(int pa, int size, int value) {
        if (!bus.store(pa, size, value)) {
            raise(ExcCode.DBE, 0);
            return false;
        }
        if (!ram.contains(pa, size)) {
            syncInterruptLines(); // writing a device register may change a line
            blockExit = true;
            if (!power.isRunning()) return false; // it powered the machine off: the store does not retire
        }
        return true;
    }

    /** A naturally aligned load of {@code size} bytes, zero-extended, or FAILED after raising. */
    private long load(int vaddr, int size) {
        long t = physical(vaddr, size, Access.LOAD);
        if (t == OUTSIDE) return outside(vaddr, Access.LOAD, size, 0);
        return t == FAILED ? FAILED : read((int) t, size);
    }

    /** A naturally aligned store; false after raising an exception. */
    private boolean store(int vaddr, int size, int value) {
        long t = physical(vaddr, size, Access.STORE);
        if (t == OUTSIDE) return outside(vaddr, Access.STORE, size, size == 4 ? value : value & ((1 << 8 * size) - 1)) != FAILED;
        return t != FAILED && write((int) t, size, value);
    }

    /** The checks of a word store without the write (a failing SC); false after raising. */
    private boolean checkStore(int vaddr) {
        long t = physical(vaddr, 4, Access.STORE);
        return t != FAILED; // outside the window: nothing is stored, so nothing to trap
    }

    /**
     * The word containing {@code vaddr}, for LWL/LWR: no alignment check, and a fault reports the
     * effective address itself in BadVAddr, as the R3000 does.
     */
    private long loadContainingWord(int vaddr) {
        long t = physical(vaddr, 1, Access.LOAD);
        if (t == OUTSIDE) return outside(vaddr & ~3, Access.LOAD, 4, 0);
        return t == FAILED ? FAILED : read((int) t & ~3, 4);
    }

    private boolean lwl(int vaddr, int rt, int old) {
        long m = loadContainingWord(vaddr);
        if (m == FAILED) return false;
        set(rt, Unaligned.lwl((int) m, old, Unaligned.msbOffset(endian, vaddr)));
        return true;
    }

    private boolean lwr(int vaddr, int rt, int old) {
        long m = loadContainingWord(vaddr);
        if (m == FAILED) return false;
        set(rt, Unaligned.lwr((int) m, old, Unaligned.msbOffset(endian, vaddr)));
        return true;
    }

    private boolean swl(int vaddr, int value) { return mergeStore(vaddr, value, true); }

    private boolean swr(int vaddr, int value) { return mergeStore(vaddr, value, false); }

    /**
     * SWL ({@code left}) or SWR: merges {@code value} into the word containing {@code vaddr}.
     * Translated once as a store, so a missing page is TLBS and a clean one is Mod, as for any store.
     */
    private boolean mergeStore(int vaddr, int value, boolean left) {
        long t = physical(vaddr, 1, Access.STORE);
        if (t == FAILED) return false;
        int msb = Unaligned.msbOffset(endian, vaddr);
        if (t == OUTSIDE) {
            long m = outside(vaddr & ~3, Access.LOAD, 4, 0);
            if (m == FAILED) return false;
            int merged = left ? Unaligned.swl((int) m, value, msb) : Unaligned.swr((int) m, value, msb);
            return outside(vaddr & ~3, Access.STORE, 4, merged) != FAILED;
        }
        int pa = (int) t & ~3;
        long m = read(pa, 4);
        return m != FAILED && write(pa, 4, left ? Unaligned.swl((int) m, value, msb) : Unaligned.swr((int) m, value, msb));
    }

    // --- Exceptions --------------------------------------------------------------------------

    private void addressFault(int vaddr, Access access) {
        cp0.recordBadAddress(vaddr, false);
        raise(Mmu.addressError(access), 0);
    }

    private void mmuFault(int vaddr, long translation) {
        int code = Translation.excCode(translation);
        cp0.recordBadAddress(vaddr, Translation.isTlbFault(translation));
        boolean utlb = Translation.isUtlbRefill(translation);
        if (utlb) counters.utlbRefills++;
        enter(code, 0, utlb);
    }

    /** Raises exception {@code excCode} (general vector) for the instruction at pc. */
    public void raise(int excCode, int ce) {
        enter(excCode, ce, false);
    }

    /**
     * Takes exception {@code excCode} for the instruction at pc exactly as the hardware does: EPC
     * and BD (from the delay-slot state), Cause, the KU/IE push, the vector chosen by BEV, the
     * UTLB refill vector if {@code utlbRefill}. The caller records BadVAddr (and Context, EntryHi)
     * first for address and TLB exceptions. A monitor reflects an exception into a virtual CPU
     * with it.
     */
    public void raiseException(int excCode, int ce, boolean utlbRefill) {
        enter(excCode, ce, utlbRefill);
    }

    private void enter(int excCode, int ce, boolean utlb) {
        if (completion.count != 0) finishCompletion();
        int excPc = inDelaySlot ? pc - 4 : pc;
        int vector = cp0.enterException(excCode, ce, excPc, inDelaySlot, utlb);
        counters.exceptions[excCode]++;
        exceptionLlBit = llBit;
        llBit = false;
        exceptionNext = npc;
        if (tracer != null) tracer.exception(excCode, excPc, cp0.badVAddr(), vector);
        setPc(vector);
        if (monitor != null) {
            monitor.trap(this, excCode);
        } else if (vector < 0xC0000000 && vector >= 0xA0000000) {
            bootRomStop(excCode, excPc);
        }
    }

    /**
     * With Status.BEV set, exceptions go to System/161's boot ROM, which holds nothing but a
     * breakpoint that summons the debugger: the kernel took an exception before installing its
     * own vectors. vm3000 stops the machine there with the state a debugger would show first;
     * with a debugger attached, the debugger is summoned instead, as on System/161.
     */
    private void bootRomStop(int excCode, int excPc) {
        String diagnostic = String.format("exception %s with Status.BEV=1 went to the boot ROM vector 0x%08x: "
                + "EPC 0x%08x, Cause 0x%08x, BadVAddr 0x%08x", ExcCode.name(excCode), pc, excPc, cp0.cause(),
                cp0.badVAddr());
        if (debugger != null && debugger.bootRomException(this, diagnostic)) return;
        machineCheck(diagnostic);
    }
}
