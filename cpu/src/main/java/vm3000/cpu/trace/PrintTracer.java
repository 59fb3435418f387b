package vm3000.cpu.trace;

import java.io.PrintStream;
import java.util.Set;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.core.Tracer;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Disassembler;

/** Writes the chosen trace categories as text lines, each stamped with the cycle count. */
public final class PrintTracer implements Tracer {
    private final PrintStream out;
    private final Clock clock;
    private final boolean kernel, user, jumps, tlb, exceptions, interrupts;

    public PrintTracer(PrintStream out, Clock clock, Set<TraceFlags> flags) {
        this.out = out;
        this.clock = clock;
        this.kernel = flags.contains(TraceFlags.KERNEL);
        this.user = flags.contains(TraceFlags.USER);
        this.jumps = flags.contains(TraceFlags.JUMPS);
        this.tlb = flags.contains(TraceFlags.TLB);
        this.exceptions = flags.contains(TraceFlags.EXCEPTIONS);
        this.interrupts = flags.contains(TraceFlags.INTERRUPTS);
    }

    @Override
    public void instruction(int pc, int word, boolean inUser) {
        if (inUser ? user : kernel) {
            out.printf("%d %c %08x: %08x  %s%n", clock.now(), inUser ? 'u' : 'k', pc, word,
                    Disassembler.disassemble(word, pc));
        }
    }

    @Override
    public void jump(int pc, int target) {
        if (jumps) out.printf("%d j %08x -> %08x%n", clock.now(), pc, target);
    }

    @Override
    public void tlb(String op, int slot, int entryHi, int entryLo) {
        if (tlb) out.printf("%d t %s slot %d hi %08x lo %08x%n", clock.now(), op, slot, entryHi, entryLo);
    }

    @Override
    public void exception(int excCode, int epc, int badVAddr, int vector) {
        if (exceptions) {
            out.printf("%d x %s epc %08x badvaddr %08x -> %08x%n", clock.now(), ExcCode.name(excCode), epc,
                    badVAddr, vector);
        }
    }

    @Override
    public void interrupt(int pendingIp) {
        if (interrupts) out.printf("%d i pending ip %02x%n", clock.now(), (pendingIp >>> 8) & 0xFF);
    }
}
