package vm3000.cpu.core;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.isa.Registers;

/** The architectural state of a CPU as text: what the trace device's DUMP register prints. */
public final class StateDump {
    private StateDump() {}

    private static final int[] CP0_REGS = {Cp0.INDEX, Cp0.RANDOM, Cp0.ENTRYLO, Cp0.CONTEXT, Cp0.BADVADDR, Cp0.COUNT,
        Cp0.ENTRYHI, Cp0.COMPARE, Cp0.STATUS, Cp0.CAUSE, Cp0.EPC, Cp0.PRID};
    private static final String[] CP0_NAMES = {"Index", "Random", "EntryLo", "Context", "BadVAddr", "Count",
        "EntryHi", "Compare", "Status", "Cause", "EPC", "PRId"};

    public static String of(Cpu cpu) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("pc %08x%s  hi %08x  lo %08x%n", cpu.pc(), cpu.inDelaySlot() ? " (delay slot)" : "",
                cpu.hi(), cpu.lo()));
        for (int r = 0; r < 32; r++) {
            sb.append(String.format("%4s %08x%s", Registers.name(r), cpu.reg(r), r % 4 == 3 ? "\n" : "  "));
        }
        Cp0 cp0 = cpu.cp0();
        for (int i = 0; i < CP0_REGS.length; i++) {
            sb.append(String.format("%8s %08x%s", CP0_NAMES[i], cp0.read(CP0_REGS[i], 0), i % 4 == 3 ? "\n" : "  "));
        }
        return sb.toString();
    }
}
