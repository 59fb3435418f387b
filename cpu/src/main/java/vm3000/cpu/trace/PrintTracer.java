package vm3000.cpu.trace;

import static vm3000.cpu.isa.Fields.rd;
import static vm3000.cpu.isa.Fields.rs;
import static vm3000.cpu.isa.Fields.rt;
import static vm3000.cpu.isa.Fields.sa;
import static vm3000.cpu.isa.Fields.sel;
import static vm3000.cpu.isa.Fields.simm;
import static vm3000.cpu.isa.Fields.target;
import static vm3000.cpu.isa.Fields.uimm;

import java.util.Set;

import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.Tracer;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * The trace of System/161's trace161, line for line: each instruction with its operands' values
 * and its result ({@code at 800000bc: ori $t7, $t7, 65535: 0xffbf0000 | 0xffff -> 0xffbfffff}),
 * jumps, TLB instructions, exceptions, interrupts and RFE, in System/161's spelling (its register
 * names, {@code $z0} among them, and its number formats, which differ per instruction: they are
 * its disassembler's, not GNU objdump's). An instruction's text is begun before it executes and
 * finished after it, so an exception it raises ends its line, as on System/161.
 *
 * <p>The categories can be switched while the machine runs ({@link #set}), as the trace card's
 * TRACE_ON and TRACE_OFF registers do.
 */
public final class PrintTracer implements Tracer {
    private static final String[] REG = {
        "$z0", "$at", "$v0", "$v1", "$a0", "$a1", "$a2", "$a3",
        "$t0", "$t1", "$t2", "$t3", "$t4", "$t5", "$t6", "$t7",
        "$s0", "$s1", "$s2", "$s3", "$s4", "$s5", "$s6", "$s7",
        "$t8", "$t9", "$k0", "$k1", "$gp", "$sp", "$s8", "$ra",
    };

    private final Sys161Output out;
    private final Cpu cpu;
    private final boolean[] on = new boolean[TraceFlags.values().length];

    /** The instruction being traced, its word, and whether its category is on. */
    private Op op;
    private int word;
    private boolean insnOn;
    /** The last instruction was a jump or a taken branch: its delay slot is traced at the jump's address. */
    private boolean jumped;
    /** The CPU idled in WAIT since the last instruction or interrupt. */
    private boolean idling;
    /** What the instruction's line still owes after it executes (see {@link #after}). */
    private Tail tail = Tail.NONE;

    private enum Tail { NONE, SIGNED_RT, SIGNED_RD, HEX_RT, HEX_RD, SIGNED_RT_IF_RETIRED, SIGNED_RD_IF_RETIRED, MULT, MULTU, DIV, DIVU, RFE }

    public PrintTracer(Sys161Output out, Cpu cpu, Set<TraceFlags> flags) {
        this.out = out;
        this.cpu = cpu;
        for (TraceFlags f : flags) on[f.ordinal()] = true;
    }

    /** Switches category {@code f} on or off. */
    public void set(TraceFlags f, boolean value) { on[f.ordinal()] = value; }

    public boolean isOn(TraceFlags f) { return on[f.ordinal()]; }

    /** System/161's "Tracing enabled:" line, or nothing when no category is on. */
    public void printEnabled() {
        StringBuilder sb = new StringBuilder("Tracing enabled:");
        boolean any = false;
        for (TraceFlags f : TraceFlags.values()) {
            if (on[f.ordinal()]) {
                sb.append(' ').append(f.sys161Name());
                any = true;
            }
        }
        if (any) out.msg(sb.append(' ').toString());
    }

    private boolean on(TraceFlags f) { return on[f.ordinal()]; }

    private static String reg(int n) { return REG[n]; }

    private static String u(int v) { return Integer.toUnsignedString(v); }

    private static String x(int v) { return "0x" + Integer.toHexString(v); }

    private void trl(String s) { if (insnOn) out.cpul(s); }

    private void tr(String s) { if (insnOn) out.cpu(s); }

    @Override
    public void instruction(int pc, int w, boolean user) {
        idling = false;
        insnOn = on(user ? TraceFlags.USER : TraceFlags.KERNEL);
        word = w;
        op = Decoder.decode(w);
        tail = Tail.NONE;
        // System/161 names the instruction by its exception PC, the jump's for the slot of a
        // jump or taken branch, the slot's own for a branch not taken.
        trl(String.format("at %08x: ", jumped && cpu.inDelaySlot() ? pc - 4 : pc));
        jumped = false;
        if (op == null) {
            tr(String.format("[illegal instruction %08x]", w));
            return;
        }
        int rs = rs(w), rt = rt(w), rd = rd(w);
        int s = cpu.reg(rs), t = cpu.reg(rt);
        int smm = simm(w), imm = uimm(w);
        String mem = smm + "(" + reg(rs) + ")";
        int addr = s + smm;
        String rdrsrt = reg(rd) + ", " + reg(rs) + ", " + reg(rt);
        String rtrs = reg(rt) + ", " + reg(rs);
        switch (op) {
            case SLL -> shift("sll", rd, rt, u(sa(w)), t, "<<", sa(w));
            case SRL -> shift("srl", rd, rt, u(sa(w)), t, ">>", sa(w));
            case SRA -> shift("sra", rd, rt, u(sa(w)), t, ">>", sa(w));
            case SLLV -> shift("sllv", rd, rt, reg(rs), t, "<<", s & 31);
            case SRLV -> shift("srlv", rd, rt, reg(rs), t, ">>", s & 31);
            case SRAV -> shift("srav", rd, rt, reg(rs), t, ">>", s & 31);
            case JR -> { tr("jr " + reg(rs) + ": " + x(s)); jump(pc, s); }
            case JALR -> { tr("jalr " + reg(rd) + ", " + reg(rs) + ": " + x(s)); jump(pc, s); }
            case SYSCALL -> tr("syscall");
            case BREAK -> tr("break");
            case SYNC -> tr("sync");
            case MFHI -> { trl("mfhi " + reg(rd) + ": ... -> "); tail = Tail.HEX_RD; }
            case MFLO -> { trl("mflo " + reg(rd) + ": ... -> "); tail = Tail.HEX_RD; }
            case MTHI -> tr("mthi " + reg(rs) + ": " + x(s) + " -> ...");
            case MTLO -> tr("mtlo " + reg(rs) + ": " + x(s) + " -> ...");
            case MULT -> { trl("mult " + reg(rs) + ", " + reg(rt) + ": " + s + " * " + t + " -> "); tail = Tail.MULT; }
            case MULTU -> { trl("multu " + reg(rs) + ", " + reg(rt) + ": " + u(s) + " * " + u(t) + " -> "); tail = Tail.MULTU; }
            case DIV -> { trl("div " + reg(rs) + " " + reg(rt) + ": " + s + " / " + t + " -> "); tail = Tail.DIV; }
            case DIVU -> { trl("divu " + reg(rs) + " " + reg(rt) + ": " + u(s) + " / " + u(t) + " -> "); tail = Tail.DIVU; }
            case ADD -> { trl("add " + rdrsrt + ": " + s + " + " + t + " -> "); tail = Tail.SIGNED_RD_IF_RETIRED; }
            case ADDU -> { trl("addu " + rdrsrt + ": " + s + " + " + t + " -> "); tail = Tail.SIGNED_RD; }
            case SUB -> { trl("sub " + rdrsrt + ": " + s + " - " + t + " -> "); tail = Tail.SIGNED_RD_IF_RETIRED; }
            case SUBU -> { trl("subu " + rdrsrt + ": " + s + " - " + t + " -> "); tail = Tail.SIGNED_RD; }
            case AND -> { trl("and " + rdrsrt + ": " + x(s) + " & " + x(t) + " -> "); tail = Tail.HEX_RD; }
            case OR -> { trl("or " + rdrsrt + ": " + x(s) + " | " + x(t) + " -> "); tail = Tail.HEX_RD; }
            case XOR -> { trl("xor " + rdrsrt + ": " + x(s) + " ^ " + x(t) + " -> "); tail = Tail.HEX_RD; }
            case NOR -> { trl("nor " + rdrsrt + ": ~(" + x(s) + " | " + x(t) + ") -> "); tail = Tail.HEX_RD; }
            case SLT -> { trl("slt " + rdrsrt + ": " + s + " < " + t + " -> "); tail = Tail.SIGNED_RD; }
            case SLTU -> { trl("sltu " + rdrsrt + ": " + u(s) + " < " + u(t) + " -> "); tail = Tail.SIGNED_RD; }
            case BLTZ -> branch("bltz " + reg(rs) + ", " + smm + ": " + s + "<0? ", s < 0, pc, w);
            case BGEZ -> branch("bgez " + reg(rs) + ", " + smm + ": " + s + ">=0? ", s >= 0, pc, w);
            case BLTZAL -> branch("bltzal " + reg(rs) + ", " + smm + ": " + s + "<0? ", s < 0, pc, w);
            case BGEZAL -> branch("bgezal " + reg(rs) + ", " + smm + ": " + s + ">=0? ", s >= 0, pc, w);
            case BLEZ -> branch("blez " + reg(rs) + ", " + smm + ": " + s + "<=0? ", s <= 0, pc, w);
            case BGTZ -> branch("bgtz " + reg(rs) + ", " + smm + ": " + s + ">0? ", s > 0, pc, w);
            case BEQ -> branch("beq " + reg(rs) + ", " + reg(rt) + ", " + smm + ": " + u(s) + "==" + u(t) + "? ", s == t, pc, w);
            case BNE -> branch("bne " + reg(rs) + ", " + reg(rt) + ", " + smm + ": " + u(s) + "!=" + u(t) + "? ", s != t, pc, w);
            case J, JAL -> {
                tr((op == Op.J ? "j " : "jal ") + x(target(w) << 2));
                jump(pc, ((pc + 4) & 0xF0000000) | (target(w) << 2));
            }
            case ADDI -> { trl("addi " + rtrs + ", " + u(imm) + ": " + s + " + " + smm + " -> "); tail = Tail.SIGNED_RT_IF_RETIRED; }
            case ADDIU -> { trl("addiu " + rtrs + ", " + u(imm) + ": " + s + " + " + smm + " -> "); tail = Tail.SIGNED_RT; }
            case SLTI -> { trl("slti " + rtrs + ", " + smm + ": " + s + " < " + smm + " -> "); tail = Tail.SIGNED_RT; }
            case SLTIU -> { trl("sltiu " + rtrs + ", " + u(imm) + ": " + u(s) + " < " + u(smm) + " -> "); tail = Tail.SIGNED_RT; }
            case ANDI -> { trl("andi " + rtrs + ", " + u(imm) + ": " + x(s) + " & " + x(imm) + " -> "); tail = Tail.HEX_RT; }
            case ORI -> { trl("ori " + rtrs + ", " + u(imm) + ": " + x(s) + " | " + x(imm) + " -> "); tail = Tail.HEX_RT; }
            case XORI -> { trl("xori " + rtrs + ", " + u(imm) + ": " + x(s) + " ^ " + x(imm) + " -> "); tail = Tail.HEX_RT; }
            case LUI -> tr("lui " + reg(rt) + ", " + x(imm));
            case LB, LBU, LH, LHU, LW -> { trl(op.mnemonic() + " " + reg(rt) + ", " + mem + ": [" + x(addr) + "] -> "); tail = Tail.SIGNED_RT; }
            case LWL, LWR -> { trl(op.mnemonic() + " " + reg(rt) + ", " + mem + ": [" + x(addr) + "] -> "); tail = Tail.HEX_RT; }
            case LL -> { trl("ll " + reg(rt) + ", " + mem + ": [" + x(addr) + "] -> "); tail = Tail.SIGNED_RT_IF_RETIRED; }
            case SB -> tr("sb " + reg(rt) + ", " + mem + ": " + (t & 0xff) + " -> [" + x(addr) + "]");
            case SH -> tr("sh " + reg(rt) + ", " + mem + ": " + (t & 0xffff) + " -> [" + x(addr) + "]");
            case SW, SC -> tr("sw " + reg(rt) + ", " + mem + ": " + t + " -> [" + x(addr) + "]");
            case SWL, SWR -> tr(op.mnemonic() + " " + reg(rt) + ", " + mem + ": " + x(t) + " -> [" + x(addr) + "]");
            case LWC1, LWC2, LWC3, SWC1, SWC2, SWC3 ->
                tr(op.mnemonic() + " $" + rt + ", " + mem);
            case COP1, COP2, COP3 -> { } // System/161 raises CpU before it says what the instruction is
            default -> cop0(rt, rd, w);
        }
    }

    /** The CP0 instructions; in user mode System/161 raises CpU before it names them. */
    private void cop0(int rt, int rd, int w) {
        if (cpu.cp0().userMode()) return;
        String r = sel(w) != 0 ? "$" + rd + "." + sel(w) : "$" + rd;
        switch (op) {
            case MFC0 -> { trl("mfc0 " + reg(rt) + ", " + r + ": ... -> "); tail = Tail.HEX_RT; }
            case MTC0 -> tr("mtc0 " + reg(rt) + ", " + r + ": " + x(cpu.reg(rt)) + " -> ...");
            case TLBR, TLBWI, TLBWR, TLBP, WAIT -> tr(op.mnemonic());
            case RFE -> { tr("rfe"); tail = Tail.RFE; }
            default -> tr(String.format("[illegal instruction %08x]", w));
        }
    }

    private void shift(String name, int rd, int rt, String amount, int value, String how, int by) {
        trl(name + " " + reg(rd) + ", " + reg(rt) + ", " + amount + ": " + x(value) + " " + how + " " + by + " -> ");
        tail = Tail.HEX_RD;
    }

    private void branch(String text, boolean taken, int pc, int w) {
        tr(text + (taken ? "yes" : "no"));
        if (taken) jump(pc, pc + 4 + (simm(w) << 2));
    }

    private void jump(int pc, int target) {
        jumped = true;
        if (on(TraceFlags.JUMPS)) out.cpu(String.format("jump: %x -> %x", pc, target));
    }

    @Override
    public void after(boolean retired) {
        if (tail == Tail.NONE) return;
        int w = word;
        switch (tail) {
            case SIGNED_RT -> tr(Integer.toString(cpu.reg(rt(w))));
            case SIGNED_RD -> tr(Integer.toString(cpu.reg(rd(w))));
            case HEX_RT -> tr(x(cpu.reg(rt(w))));
            case HEX_RD -> tr(x(cpu.reg(rd(w))));
            case SIGNED_RT_IF_RETIRED -> { if (retired) tr(Integer.toString(cpu.reg(rt(w)))); }
            case SIGNED_RD_IF_RETIRED -> { if (retired) tr(Integer.toString(cpu.reg(rd(w)))); }
            case MULT -> tr(cpu.hi() + " " + cpu.lo());
            case MULTU -> tr(u(cpu.hi()) + " " + u(cpu.lo()));
            case DIV -> tr(cpu.reg(rt(w)) == 0 ? "ERR" : cpu.lo() + ", remainder " + cpu.hi());
            case DIVU -> tr(cpu.reg(rt(w)) == 0 ? "ERR" : u(cpu.lo()) + ", remainder " + u(cpu.hi()));
            case RFE -> {
                if (on(TraceFlags.EXCEPTIONS)) {
                    int st = cpu.cp0().status();
                    out.cpu(String.format("Return from exception: %s mode, interrupts %s, sp %x",
                            (st & Cp0.SR_KUC) != 0 ? "user" : "kernel", (st & Cp0.SR_IEC) != 0 ? "on" : "off",
                            cpu.reg(29)));
                }
            }
            default -> { }
        }
        tail = Tail.NONE;
    }

    @Override
    public void tlbWrite(String name, int slot) {
        if (!on(TraceFlags.TLB)) return;
        Tlb tlb = cpu.cp0().tlb();
        out.cpul(String.format("%s: [%2d] ", name, slot));
        entry(tlb.hi(slot), tlb.lo(slot));
        out.cpul(" ==> ");
        entry(cpu.cp0().entryHi(), cpu.cp0().entryLo());
        out.cpu(" ");
    }

    @Override
    public void tlbRead(int slot) {
        if (!on(TraceFlags.TLB)) return;
        out.cpul(String.format("tlbr:  [%2d] ", slot));
        entry(cpu.cp0().entryHi(), cpu.cp0().entryLo());
        out.cpu(" ");
    }

    @Override
    public void tlbProbe(int slot) {
        if (!on(TraceFlags.TLB)) return;
        int hi = cpu.cp0().entryHi();
        out.cpul("tlbp:       " + vpn(hi));
        if (slot < 0) {
            out.cpu("NOT FOUND");
        } else {
            out.cpul(pfn(cpu.cp0().tlb().lo(slot)));
            out.cpu(": [" + slot + "]");
        }
    }

    private void entry(int hi, int lo) {
        out.cpul(vpn(hi));
        out.cpul(pfn(lo));
    }

    private static String vpn(int hi) {
        return String.format("%05x/%03x -> ", hi >>> 12, (hi & Tlb.ASID_MASK) >>> 6);
    }

    private static String pfn(int lo) {
        return String.format("%05x %s%s%s%s", lo >>> 12, (lo & Tlb.G) != 0 ? "G" : "-", (lo & Tlb.V) != 0 ? "V" : "-",
                (lo & Tlb.D) != 0 ? "D" : "-", (lo & Tlb.N) != 0 ? "N" : "-");
    }

    @Override
    public void exception(int excCode, int epc, int badVAddr, int vector) {
        if (!on(TraceFlags.EXCEPTIONS)) return;
        boolean addressed = excCode == ExcCode.MOD || excCode == ExcCode.TLBL || excCode == ExcCode.TLBS
                || excCode == ExcCode.ADEL || excCode == ExcCode.ADES;
        out.cpu(String.format("exception: code %d (%s%s), expc %x, vaddr %x, sp %x", excCode, name(excCode),
                supplement(excCode, badVAddr), epc, addressed ? badVAddr : 0, cpu.reg(29)));
    }

    private static final String[] NAMES = {
        "interrupt", "TLB modify", "TLB miss - load", "TLB miss - store", "Address error - load",
        "Address error - store", "Bus error - code", "Bus error - data", "System call", "Breakpoint",
        "Illegal instruction", "Coprocessor unusable", "Arithmetic overflow",
    };

    /** System/161's name of an exception code (the Cause register's line of the dump uses it too). */
    public static String name(int excCode) {
        return excCode >= 0 && excCode < NAMES.length ? NAMES[excCode] : "???";
    }

    /** What System/161 adds to the name: which interrupt, miss or invalid, which instruction. */
    private String supplement(int excCode, int badVAddr) {
        Cp0 cp0 = cpu.cp0();
        switch (excCode) {
            case ExcCode.INT: {
                int p = cp0.cause() & cp0.status() & Cp0.SR_IM_MASK;
                if ((p & Cp0.IP_LAMEBUS) != 0) return ", LAMEbus";
                if ((p & Cp0.IP_IPI) != 0) return ", IPI";
                if ((p & Cp0.IP_TIMER) != 0) return ", timer";
                return (p & Cp0.CAUSE_SW_MASK) != 0 ? ", softirq" : "";
            }
            case ExcCode.TLBL:
            case ExcCode.TLBS:
                return cp0.tlb().probe(badVAddr, cp0.entryHi()) == Tlb.NO_MATCH ? ", miss" : ", invalid";
            case ExcCode.CPU:
                if (op == null) return "";
                return switch (op) {
                    case LWC1, LWC2, LWC3 -> ", lwc instruction";
                    case SWC1, SWC2, SWC3 -> ", swc instruction";
                    default -> ", copz instruction"; // System/161 refuses COPz in user mode and z != 0 at decode
                };
            default:
                return "";
        }
    }

    @Override
    public void tlbLookup(int vaddr, boolean write) {
        if (!on(TraceFlags.TLB)) return;
        Tlb tlb = cpu.cp0().tlb();
        int hi = cpu.cp0().entryHi();
        out.cpul(String.format("tlblookup:  %05x/%03x -> ", vaddr >>> 12, (hi & Tlb.ASID_MASK) >>> 6));
        int ix = tlb.probe(vaddr, hi);
        if (ix == Tlb.NO_MATCH) {
            out.cpu("no match");
            return;
        }
        int lo = tlb.lo(ix);
        out.cpul(pfn(lo));
        out.cpul(": [" + ix + "]");
        out.cpu((lo & Tlb.V) == 0 ? " - INVALID" : write && (lo & Tlb.D) == 0 ? " - READONLY" : " - OK");
    }

    /**
     * System/161 says it waits when its CPU is still idle after the device events of a stretch of
     * cycles have run: not when the first event ends the WAIT, but at each event after which the
     * CPU idles on.
     */
    @Override
    public void idle() {
        if (idling && on(TraceFlags.INTERRUPTS)) out.hw("Waiting for interrupt");
        idling = true;
    }

    /** The on-chip timer's line rose (Count reached Compare) or a Compare write lowered it. */
    public void onChipTimer(boolean on) {
        if (on(TraceFlags.INTERRUPTS)) out.cpu(on ? "Timer irq ON" : "Timer irq OFF");
    }

    /** A LAMEbus line changed ({@link vm3000.cpu.bus.Lamebus.IrqListener}), as System/161 traces it. */
    public void slotIrq(int slot, boolean asserted, boolean cpuBefore, boolean cpuAfter, boolean ipi) {
        if (!on(TraceFlags.INTERRUPTS)) return;
        if (cpuBefore != cpuAfter) out.cpu("cpu_set_irqs: LB " + (cpuAfter ? "ON" : "off") + " IPI " + (ipi ? "ON" : "off"));
        out.hw(String.format("Slot %2d: irq %s", slot, asserted ? "ON" : "OFF"));
    }

    @Override
    public void interrupt(int pendingIp) {
        idling = false;
        if (!on(TraceFlags.INTERRUPTS)) return;
        out.cpu("Taking interrupt:" + ((pendingIp & Cp0.IP_LAMEBUS) != 0 ? " LAMEbus" : "")
                + ((pendingIp & Cp0.IP_IPI) != 0 ? " IPI" : "") + ((pendingIp & Cp0.IP_TIMER) != 0 ? " timer" : "")
                + ((pendingIp & Cp0.CAUSE_SW_MASK) != 0 ? " soft" : ""));
    }
}
