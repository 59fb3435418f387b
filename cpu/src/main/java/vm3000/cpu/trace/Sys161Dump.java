package vm3000.cpu.trace;

import vm3000.cpu.Machine;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.core.Counters;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.dev.Disk;
import vm3000.cpu.dev.Emufs;
import vm3000.cpu.dev.Mainboard;
import vm3000.cpu.dev.RandomDevice;
import vm3000.cpu.dev.Serial;
import vm3000.cpu.dev.Sys161Ids;
import vm3000.cpu.dev.Timer;
import vm3000.cpu.dev.Trace;

/**
 * The machine state dump that a write to the trace card's DUMP register prints, in System/161's
 * words and layout (its main_dumpstate): the main loop's flags, the trace categories, the
 * statistics, the clock, the CPU (registers, TLB, CP0), every card, and RAM as a hex dump.
 * Called while the storing instruction executes: pc and npc are the instruction after it and
 * the one after that, as System/161 shows them.
 */
public final class Sys161Dump {
    private Sys161Dump() {}

    public static void print(Sys161Output out, Machine m, PrintTracer tracer) {
        out.msg("mainloop: shutoff_flag 0 stopped_in_debugger 0");
        if (tracer != null) tracer.printEnabled();
        out.msg("gdb support: not active, not listening");
        stats(out, m);
        long nanos = m.clock().now() * (1_000_000_000L / Clock.HZ);
        out.msg(String.format("clock: %d.%09d secs elapsed (start at 0.000000000)", nanos / 1_000_000_000L,
                nanos % 1_000_000_000L));
        long next = m.clock().nextDeviceEvent();
        if (next == Long.MAX_VALUE) out.msg("clock: No events pending");
        else out.msg(String.format("clock: at %12d: the next device event", next * (1_000_000_000L / Clock.HZ)));
        cpu(out, m.cpu());
        for (int slot = 0; slot < Lamebus.SLOTS; slot++) {
            LamebusDevice d = m.lamebus().device(slot);
            if (d == null) continue;
            out.msg("************ Slot " + slot + " ************");
            device(out, d);
        }
        out.msg("RAM:");
        hexdump(out, m.ram());
    }

    /**
     * System/161's statistics lines. Cycles are vm3000's machine time, all of it counted as run
     * time; kernel cycles are the kernel instructions retired, the instructions that raised an
     * exception, and the one executing now.
     */
    public static void stats(Sys161Output out, Machine m) {
        Counters c = m.cpu().counters();
        long irqs = c.interrupts();
        long exns = 0;
        for (int i = 1; i < 16; i++) exns += c.exceptions(i);
        long now = m.clock().now();
        out.msg(String.format("%d cycles (%d run, 0 global-idle)", now, now));
        out.msg(String.format("  cpu0: %d kern, %d user, 0 idle; 0 ll, 0/0 sc, 0 sync",
                c.kernelInstructions() + exns + 1, c.userInstructions()));
        out.msg(String.format("%d irqs %d exns 0r/0w disk 0r/0w console 0r/0w/0m emufs 0r/0w net", irqs, exns));
    }

    static void cpu(Sys161Output out, Cpu cpu) {
        Cp0 cp0 = cpu.cp0();
        out.msg("1 cpus: MIPS r3000");
        out.msg("cpu 0:");
        for (int i = 0; i < 32; i++) {
            out.msgl(String.format("r%d:%s 0x%08x  ", i, i < 10 ? " " : "", cpu.reg(i)));
            if (i % 4 == 3) out.msg(" ");
        }
        out.msg(String.format("lo:  0x%08x  hi:  0x%08x  pc:  0x%08x  npc: 0x%08x", cpu.lo(), cpu.hi(), cpu.npc(),
                cpu.npc() + 4));
        Tlb tlb = cp0.tlb();
        for (int i = 0; i < Tlb.ENTRIES; i++) tlbLine(out, "index " + i + ", " + (i < 10 ? " " : ""), tlb.hi(i), tlb.lo(i));
        tlbLine(out, "tlbhi/lo, ", cp0.entryHi(), cp0.entryLo());
        out.msg(String.format("tlb index: %d %s", cp0.indexSlot(), cp0.index() < 0 ? "[last probe failed]" : ""));
        out.msg("tlb random: " + cp0.random());
        int st = cp0.status();
        out.msg("Status register: " + bits(st, 31, "3210") + "-----" + bit(st, 22, "B") + "------"
                + bit(st, 15, "H") + bit(st, 14, "h") + bit(st, 13, "h") + bit(st, 12, "h") + bit(st, 11, "H")
                + bit(st, 10, "H") + bit(st, 9, "S") + bit(st, 8, "S")
                + "--" + bits(st, 5, "UIUIUI"));
        int cause = cp0.cause();
        int code = (cause >>> 2) & 0x1F;
        out.msg(String.format("Cause register: %s %d %s---%s%s%s%s %d [%s]", bit(cause, 31, "B"), (cause >>> 28) & 3,
                bit(cause, 15, "H"), bit(cause, 11, "H"), bit(cause, 10, "H"), bit(cause, 9, "S"), bit(cause, 8, "S"),
                code, PrintTracer.name(code)));
        out.msg(String.format("VAddr register: 0x%08x", cp0.badVAddr()));
        out.msg(String.format("Context register: 0x%08x", cp0.context()));
        out.msg(String.format("EPC register: 0x%08x", cp0.epc()));
    }

    private static void tlbLine(Sys161Output out, String which, int hi, int lo) {
        String pid = (lo & Tlb.G) != 0 ? "global, " : String.format("pid %d, %s", (hi & Tlb.ASID_MASK) >>> 6,
                ((hi & Tlb.ASID_MASK) >>> 6) < 10 ? " " : "");
        out.msg(String.format("TLB: %svpn 0x%08x, %sppn 0x%08x (%s%s%s)", which, hi & Tlb.VPN_MASK, pid,
                lo & Tlb.PFN_MASK, bit(lo, 9, "V"), bit(lo, 10, "D"), bit(lo, 11, "N")));
    }

    private static String bit(int v, int b, String s) { return (v & (1 << b)) != 0 ? s : "-"; }

    /** {@code letters.length()} bits of {@code v} from bit {@code top} down, each its letter or '-'. */
    private static String bits(int v, int top, String letters) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) sb.append(bit(v, top - i, letters.substring(i, i + 1)));
        return sb.toString();
    }

    private static void device(Sys161Output out, LamebusDevice d) {
        if (d instanceof Timer t) {
            out.msg("System/161 timer device rev " + Sys161Ids.TIMER_REVISION);
            out.msg("    " + Integer.toUnsignedString(t.countdownUsecs()) + " microseconds, "
                    + (t.restarting() ? "restarting" : "one-shot"));
            out.msg("    Generation number: " + t.generation());
        } else if (d instanceof Trace) {
            out.msg("System/161 trace control device rev " + Sys161Ids.TRACE_REVISION);
        } else if (d instanceof Mainboard mb) {
            int own = Lamebus.CONTROLLER_SLOT * Mainboard.CONFIG_SIZE;
            int ramsz = (int) mb.read(own + Mainboard.RAMSZ);
            int irqs = (int) mb.read(own + Mainboard.IRQS);
            int irqe = (int) mb.read(own + Mainboard.IRQE);
            if (mb.kind() == Mainboard.Kind.UNIPROCESSOR) {
                out.msg("LAMEbus uniprocessor controller rev " + Sys161Ids.OLD_MAINBOARD_REVISION);
            } else {
                out.msg("LAMEbus multiprocessor controller rev " + Sys161Ids.MAINBOARD_REVISION);
            }
            out.msg(String.format("    ramsize: %d (%dk)", ramsz, ramsz / 1024));
            out.msg(String.format("    irqs: 0x%08x", irqs));
            out.msg(String.format("    irqe: 0x%08x", irqe));
            if (mb.kind() == Mainboard.Kind.UNIPROCESSOR) {
                out.msg(String.format("    irqc: 0x%08x", (irqs & irqe) != 0 ? 1 : 0));
            } else {
                out.msg("    cpus: 1");
                out.msg("    cpue: 0x00000001");
            }
        } else if (d instanceof Serial) {
            out.msg("System/161 serial port rev " + Sys161Ids.SERIAL_REVISION);
        } else if (d instanceof RandomDevice) {
            out.msg("System/161 random generator rev " + Sys161Ids.RANDOM_REVISION);
            out.msg("    (randomizer state not readily available)");
        } else if (d instanceof Disk) {
            out.msg("System/161 disk rev " + Sys161Ids.DISK_REVISION);
        } else if (d instanceof Emufs) {
            out.msg("System/161 emufs rev " + Sys161Ids.EMUFS_REVISION);
        }
    }

    /** System/161's dohexdump: 16 bytes a line, runs of zero lines after the first line as one {@code *}. */
    static void hexdump(Sys161Output out, PhysicalMemory ram) {
        int len = ram.size();
        boolean skipping = false, said = false;
        byte[] line = new byte[16];
        int x;
        for (x = 0; x < len; x += 16) {
            int n = Math.min(16, len - x);
            boolean zero = true;
            for (int i = 0; i < n; i++) {
                line[i] = (byte) ram.loadByte(x + i);
                if (line[i] != 0) zero = false;
            }
            if (zero && n == 16 && said) {
                if (!skipping) out.msg("       *");
                skipping = true;
                continue;
            }
            skipping = false;
            said = true;
            StringBuilder sb = new StringBuilder(String.format("%6x:", x));
            for (int i = 0; i < n; i++) sb.append(String.format("%02x ", line[i] & 0xFF));
            for (int i = 0; i < n; i++) {
                int c = line[i] & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            out.msg(sb.toString());
        }
        out.msg(String.format("%6x:", x));
    }
}
