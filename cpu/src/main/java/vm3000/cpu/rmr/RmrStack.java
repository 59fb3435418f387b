package vm3000.cpu.rmr;

import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.CpuContext;
import vm3000.cpu.core.Levels;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.TranslationEpoch;

/**
 * The RMR-stack extension (DESIGN §5, docs/rmr.md): Belpaire and Hsu's stack of resource-
 * management registers on the R3000. Levels 0..N; the level indicator {@link #live} says which
 * copy is live, and the levels 0..live are the live path. Execution at level i is a bare R3000
 * whose CP0 and TLB are RMR[i] and whose physical memory is its window composed down to level 0:
 * the level's own exceptions, refills, syscalls and interrupts stay at the level. Control leaves
 * a level only here:
 *
 * <ul>
 *   <li>a memory trap (an access past a window's bound; a nested level's device range lies
 *   past every bound) goes to the owner of the first failing window from the top, as the
 *   paper's {@code real address} loop finds it;</li>
 *   <li>an interrupt of a level below the live one that its Status.IM unmasks goes to that
 *   level (its timer preempts every level above it);</li>
 *   <li>a WAIT at a nested level with no line up goes to its owner, who drives its lines;</li>
 *   <li>LRMR starts, resumes or halts levels (the paper's Load RMR).</li>
 * </ul>
 *
 * A trap never passes through the levels in between, and leaves the trapping levels' state
 * untouched: their registers and continuation are kept, their time stands still (Cp0.pause)
 * until they are resumed. The handler gets the trap record: as a Java object if it is a
 * {@link LevelMonitor}, as words of its LRMR block if it is MIPS code, which then goes on after
 * its LRMR.
 */
public final class RmrStack implements Levels {
    /** The most levels above level 0 a machine may have. */
    public static final int MAX_LEVELS = 16;

    /** LRMR block words (byte offsets) and codes: docs/rmr.md, "The LRMR block". */
    public static final int B_CMD = 0x00, B_ARG = 0x04, B_VALUE = 0x08, B_LINES = 0x0c, B_BASE = 0x10,
            B_BOUND = 0x14, B_A0 = 0x18, B_SP = 0x1c, B_KIND = 0x20, B_DEPTH = 0x24, B_PADDR = 0x28,
            B_ACCESS = 0x2c, B_SIZE = 0x30, B_DATA = 0x34, B_TIME = 0x38, B_INSN = 0x3c;
    public static final int CMD_LAUNCH = 1, CMD_RESUME = 2, CMD_HALT = 3;
    public static final int RESUME_RETRY = 0, RESUME_COMPLETE = 1, RESUME_BUS_ERROR = 2;

    private final Cpu cpu;
    private final Clock clock;
    private final PhysicalMemory ram;
    private final PowerState power;
    private final TranslationEpoch epoch;
    private final RmrLevel[] path;
    private final RmrPort[] ports;
    private int live;
    private boolean started;
    private long switches;

    /** The stack of a machine with {@code levels} levels above level 0, whose level 0 is the CPU's own CP0. */
    public RmrStack(Cpu cpu, Clock clock, PhysicalMemory ram, PowerState power, int levels) {
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("RMR levels must be 1.." + MAX_LEVELS + ": " + levels);
        }
        this.cpu = cpu;
        this.clock = clock;
        this.ram = ram;
        this.power = power;
        this.epoch = cpu.cp0().tlb().epoch();
        this.path = new RmrLevel[levels + 1];
        this.ports = new RmrPort[levels + 1];
        path[0] = new RmrLevel(cpu.cp0(), cpu.counters());
        path[0].bound = ram.size();
        cpu.setLevels(this);
    }

    /** Levels above level 0. */
    public int levels() { return path.length - 1; }

    /** The live level: for reports and tests (software cannot read it). */
    public int live() { return live; }

    /** The level at {@code i} of the stack now, or null. */
    public RmrLevel level(int i) { return path[i]; }

    /** Changes of the live level so far. */
    public long switches() { return switches; }

    /** Installs a Java monitor at level 0; it is started by the first {@link #start}. */
    public void install(LevelMonitor monitor) { path[0].monitor = monitor; }

    /** Starts level 0's Java monitor, if it has one and it has not started. The machine calls it before running. */
    public void start() {
        if (started) return;
        started = true;
        if (path[0].monitor != null) {
            // Starting level 0's monitor takes the machine's first cycle, as a trap to a Java
            // monitor takes one: what it launches runs from the next.
            path[0].started = true;
            path[0].monitor.start(port(0));
            clock.advanceTo(clock.now() + 1);
            checkContinued(0);
        }
    }

    RmrPort port(int level) {
        if (ports[level] == null) ports[level] = new RmrPort(this, level);
        return ports[level];
    }

    Clock clock() { return clock; }
    PhysicalMemory ram() { return ram; }
    PowerState power() { return power; }
    TranslationEpoch epoch() { return epoch; }
    int liveLevel() { return live; }

    // --- Windows --------------------------------------------------------------------------------

    /**
     * Base of level {@code l}'s window composed down to level 0: level l's physical address p is
     * the real address p + this (for p below {@link #composedLimit}).
     */
    public long composedBase(int l) {
        long off = 0;
        for (int j = l; j >= 1; j--) off += path[j].base;
        return off;
    }

    /** Level {@code l}'s physical addresses below this are real addresses (+ composedBase) in RAM. */
    public long composedLimit(int l) {
        if (l == 0) return 1L << 32;
        long limit = Long.MAX_VALUE;
        long off = 0;
        for (int j = l; j >= 1; j--) {
            limit = Math.min(limit, path[j].bound - off);
            off += path[j].base;
        }
        return Math.max(0, Math.min(limit, ram.size() - off));
    }

    /** Makes level {@code l} live: its CP0, counters, window and registers. */
    private void makeLive(int l) {
        live = l;
        switches++;
        RmrLevel lv = path[l];
        cpu.setLive(lv.cp0, lv.counters, composedBase(l), composedLimit(l));
        cpu.loadContext(lv.context);
        cpu.setInterruptBelow(interruptBelow());
    }

    // --- Levels: what the CPU asks ---------------------------------------------------------------

    @Override public boolean nested() { return live > 0; }

    @Override
    public boolean interruptBelow() {
        for (int i = 0; i < live; i++) {
            Cp0 c = path[i].cp0;
            if ((c.cause() & c.status() & Cp0.SR_IM_MASK) != 0) return true;
        }
        return false;
    }

    @Override
    public void routeInterrupt() {
        for (int i = 0; i < live; i++) {
            Cp0 c = path[i].cp0;
            if ((c.cause() & c.status() & Cp0.SR_IM_MASK) != 0) {
                trapTo(i, RmrTrap.Kind.INTERRUPT, 0, null, 0, 0, 0, 0, false, null);
                return;
            }
        }
    }

    @Override
    public void memoryTrap(int levelPa, Access access, int size, int data) {
        long p = levelPa & 0xFFFFFFFFL;
        int owner = 0;
        long childPa = p;
        for (int j = live; j >= 1; j--) {
            if (p >= path[j].bound) { // the first failing check from the top: its window's owner
                owner = j - 1;
                childPa = p;
                break;
            }
            childPa = p;
            p += path[j].base;
        }
        int insn = access == Access.FETCH ? 0 : cpuInsn();
        trapTo(owner, RmrTrap.Kind.MEMORY, (int) childPa, access, size, data, insn, levelPa, false, null);
    }

    private int cpuInsn() { return cpu.insn(); }

    /** The pc of the instruction (WAIT, LRMR) whose retirement led to the trap being built. */
    private int lastPc;

    @Override
    public void waitTrap() {
        lastPc = cpu.lastRetiredPc();
        trapTo(live - 1, RmrTrap.Kind.WAIT, 0, null, 0, 0, 0, 0, true, null);
    }

    @Override
    public void machineCheck(String diagnostic) {
        trapTo(live - 1, RmrTrap.Kind.MACHINE_CHECK, 0, null, 0, 0, cpuInsn(), 0, false, diagnostic);
    }

    /**
     * A trap from the live level to level {@code owner} below it: the levels above the owner
     * keep their state and stop their time (from the next cycle if the trapping instruction
     * {@code retired}: a WAIT or LRMR HALT takes its cycle); the owner becomes live and gets the
     * record.
     */
    private void trapTo(int owner, RmrTrap.Kind kind, int paddr, Access access, int size, int data, int insn,
                        int trapLevelPa, boolean retired, String message) {
        int pc = retired ? lastPc : cpu.pc();
        cpu.saveContext(path[live].context);
        long at = clock.now() + (retired ? 1 : 0);
        for (int i = owner + 1; i <= live; i++) path[i].cp0.pause(at);
        RmrLevel o = path[owner];
        RmrTrap trap = new RmrTrap(kind, live - owner, paddr, access, size, data, path[owner + 1].cp0.cycles(), insn,
                pc, message);
        boolean gone = kind == RmrTrap.Kind.HALT || kind == RmrTrap.Kind.MACHINE_CHECK;
        o.suspended = gone ? 0 : live - owner;
        o.trap = trap;
        o.trapLevelPa = trapLevelPa;
        o.counters.countEntry(kind.ordinal()); // a halted level stays on the stack, not live, for its counters
        makeLive(owner);
        deliver(owner, trap);
    }

    private void deliver(int owner, RmrTrap trap) {
        RmrLevel o = path[owner];
        if (o.monitor != null) {
            o.monitor.onTrap(port(owner), trap);
            checkContinued(owner);
            return;
        }
        long real = blockReal(owner);
        if (real < 0) return; // machine check given
        int b = (int) real;
        ram.storeWord(b + B_KIND, trap.kind().code());
        ram.storeWord(b + B_DEPTH, trap.depth());
        ram.storeWord(b + B_PADDR, trap.paddr());
        ram.storeWord(b + B_ACCESS, trap.access() == null ? 0 : trap.access() == Access.LOAD ? 0
                : trap.access() == Access.STORE ? 1 : 2);
        ram.storeWord(b + B_SIZE, trap.size());
        ram.storeWord(b + B_DATA, trap.data());
        ram.storeWord(b + B_TIME, (int) trap.time());
        ram.storeWord(b + B_INSN, trap.insn());
    }

    /**
     * The real address of level {@code l}'s LRMR block, or -1 after a machine check (of that
     * level: only its owner, or at level 0 the machine, stops).
     */
    private long blockReal(int l) {
        RmrLevel lv = path[l];
        if (lv.blockPa < 0 || lv.blockPa + Cpu.RMR_BLOCK_BYTES > composedLimit(l)) {
            cpu.machineCheck(String.format("RMR: a trap for a level whose LRMR block (level-physical 0x%08x) "
                    + "is not in its memory", lv.blockPa));
            return -1;
        }
        return lv.blockPa + composedBase(l);
    }

    /** A Java monitor returned: it must have left its level (or stopped the machine). */
    private void checkContinued(int level) {
        if (live == level && power.isRunning() && !path[level].drivesOwnCode) {
            power.machineCheck("RMR: the Java monitor of a level returned without launching, resuming or halting");
        }
    }

    // --- Load RMR --------------------------------------------------------------------------------

    @Override
    public void loadRmr(int blockPa) {
        int h = live;
        lastPc = cpu.lastRetiredPc();
        path[h].blockPa = blockPa & 0xFFFFFFFFL;
        int b = (int) (composedBase(h) + (blockPa & 0xFFFFFFFFL));
        int cmd = ram.loadWord(b + B_CMD);
        int arg = ram.loadWord(b + B_ARG);
        switch (cmd) {
            case CMD_LAUNCH: {
                RmrImage child;
                try {
                    child = newChild(h, ram.loadWord(b + B_BASE) & 0xFFFFFFFFL, ram.loadWord(b + B_BOUND) & 0xFFFFFFFFL);
                } catch (IllegalArgumentException e) {
                    cpu.machineCheck("LRMR launch: " + e.getMessage());
                    return;
                }
                CpuContext top = child.top();
                top.setReg(4, ram.loadWord(b + B_A0)); // System/161's boot: $a0, $sp, the pc
                top.setReg(29, ram.loadWord(b + B_SP));
                top.setPc(arg);
                child.setLines(ram.loadWord(b + B_LINES));
                launch(h, child);
                return;
            }
            case CMD_RESUME: {
                if (path[h].suspended == 0) {
                    cpu.machineCheck("LRMR resume: no levels above are suspended");
                    return;
                }
                int lines = ram.loadWord(b + B_LINES) & 0x7C00;
                if (arg == RESUME_COMPLETE || arg == RESUME_BUS_ERROR) {
                    if (!dispose(h, ram.loadWord(b + B_VALUE), arg == RESUME_BUS_ERROR, lines)) {
                        cpu.machineCheck("LRMR resume: completing an access after a trap that was not a memory trap");
                        return;
                    }
                } else if (arg != RESUME_RETRY) {
                    cpu.machineCheck("LRMR resume: unknown disposition " + arg);
                    return;
                } else if (path[h + 1] != null) {
                    path[h + 1].lines = lines;
                }
                resume(h);
                return;
            }
            case CMD_HALT:
                halt(h, arg);
                return;
            default:
                cpu.machineCheck(String.format("LRMR: unknown command %d in the block at level-physical 0x%08x", cmd, blockPa));
        }
    }

    // --- What monitors do (LRMR from MIPS code, RmrPort from Java) ------------------------------

    /** A fresh level above {@code h}, not started, with its window (in level h's physical space). */
    RmrImage newChild(int h, long base, long bound) {
        if (h + 1 >= path.length) {
            throw new IllegalArgumentException("the machine has no RMR level above this one (--rmr-levels " + levels() + ")");
        }
        checkWindow(h, base, bound);
        RmrLevel c = new RmrLevel(Cp0.notStarted(clock, epoch), new Counters());
        c.base = base;
        c.bound = bound;
        return new RmrImage(List.of(c));
    }

    void checkWindow(int h, long base, long bound) {
        if ((base & 0xFFF) != 0 || (bound & 0xFFF) != 0) {
            throw new IllegalArgumentException(String.format("window base 0x%x and bound 0x%x must be page-aligned", base, bound));
        }
        if (h == 0 && base + bound > ram.size()) {
            throw new IllegalArgumentException(String.format("window 0x%x + 0x%x is past the end of RAM (0x%x)",
                    base, bound, ram.size()));
        }
    }

    /** Load RMR from level {@code h}: the image's levels go on the stack above h and the top one runs. */
    void launch(int h, RmrImage image) {
        int k = image.depth();
        if (h + k >= path.length) throw new IllegalArgumentException("the image's " + k + " levels do not fit above this level");
        cpu.saveContext(path[h].context);
        for (int i = h + 1; i < path.length; i++) path[i] = null;
        for (int j = 0; j < k; j++) path[h + 1 + j] = image.levels.get(j);
        path[h].suspended = 0;
        path[h].trap = null;
        run(h, k);
        RmrLevel top = path[h + k];
        if (top.monitor != null && !top.started) {
            top.started = true;
            top.monitor.start(port(h + k));
            checkContinued(h + k);
        }
    }

    /**
     * The levels h+1..h+k go on from where they stood, from the next cycle: the one after the
     * cycle of the LRMR or of the trap a Java monitor is handling (or of level 0's start).
     */
    private void run(int h, int k) {
        long at = clock.now() + 1;
        for (int i = h + 1; i <= h + k; i++) {
            // lines an unfinished completed access brings wait for it (Cpu.finishCompletion)
            if (!path[i].context.completion().linesPending()) path[i].cp0.setExternalLines(path[i].lines);
            path[i].cp0.resume(at);
        }
        makeLive(h + k);
    }

    /** Resumes the levels the last trap to level h suspended. */
    void resume(int h) {
        int k = path[h].suspended;
        cpu.saveContext(path[h].context);
        path[h].suspended = 0;
        path[h].trap = null;
        run(h, k);
    }

    /**
     * Disposes of the memory access the last trap to h suspended; false if it was no memory trap.
     * {@code lines} (or -1 to keep them) become the child's hardware lines once the access is done.
     */
    boolean dispose(int h, int value, boolean error, int lines) {
        RmrLevel o = path[h];
        if (o.trap == null || o.trap.kind() != RmrTrap.Kind.MEMORY || o.suspended == 0) return false;
        RmrLevel top = path[h + o.suspended];
        top.context.completion().add(o.trap.access(), o.trapLevelPa, value, error);
        if (lines >= 0) {
            path[h + 1].lines = lines & 0x7C00;
            if (o.suspended == 1) top.context.completion().setLinesAfter(lines & 0x7C00);
        }
        return true;
    }

    /** Takes the levels the last trap to h suspended off the stack, as an image. */
    RmrImage detach(int h) {
        RmrLevel o = path[h];
        if (o.suspended == 0) throw new IllegalStateException("no levels above are suspended");
        List<RmrLevel> ls = new ArrayList<>();
        for (int i = h + 1; i <= h + o.suspended; i++) ls.add(path[i]);
        RmrImage image = new RmrImage(ls);
        image.trap = o.trap;
        image.trapLevelPa = o.trapLevelPa;
        for (int i = h + 1; i < path.length; i++) path[i] = null;
        o.suspended = 0;
        o.trap = null;
        return image;
    }

    /** Level h halts: at level 0 the machine powers off; above, its owner gets a HALT trap. */
    void halt(int h, int code) {
        if (h == 0) {
            power.powerOff(code, "RMR halt, exit code " + code);
            return;
        }
        trapTo(h - 1, RmrTrap.Kind.HALT, 0, null, 0, code, 0, 0, true, null);
    }

    /** The counters of every level now on the stack, by name ({@code --stats-json}). */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("levels_above_0", levels());
        m.put("live_level", live);
        m.put("level_switches", switches);
        java.util.List<Object> ls = new java.util.ArrayList<>();
        for (int i = 0; i < path.length && path[i] != null; i++) {
            java.util.Map<String, Object> l = new java.util.LinkedHashMap<>();
            l.put("level", i);
            l.put("java_monitor", path[i].monitor != null);
            l.put("counters", path[i].counters.toMap());
            ls.add(l);
        }
        m.put("levels", ls);
        return m;
    }

    /** The counters of every level now on the stack, as a report. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("RMR stack: %d levels above level 0, live level %d, %d level switches%n",
                levels(), live, switches));
        for (int i = 0; i < path.length && path[i] != null; i++) {
            RmrLevel l = path[i];
            sb.append(String.format("level %d%s:%n", i, l.monitor != null ? " (Java monitor)" : ""));
            for (String line : l.counters.report().split("\n")) sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }
}
