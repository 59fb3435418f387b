package vm3000.cpu.cores;

import vm3000.cpu.Machine;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;

/** Everything architectural about a machine after a run, as text, so two runs compare with equals. */
final class MachineState {
    private MachineState() {}

    static String of(Machine m, String transcript) {
        Cpu cpu = m.cpu();
        StringBuilder sb = new StringBuilder();
        sb.append("power ").append(m.power().reason()).append(' ').append(m.power().exitCode()).append(' ')
                .append(m.power().message()).append('\n');
        sb.append(String.format("cycles %d executed %d pc %08x delay %b hi %08x lo %08x%n", m.clock().now(),
                cpu.executed(), cpu.pc(), cpu.inDelaySlot(), cpu.hi(), cpu.lo()));
        for (int r = 0; r < 32; r++) sb.append(String.format("%08x%c", cpu.reg(r), r % 8 == 7 ? '\n' : ' '));
        Cp0 cp0 = m.cp0();
        for (int reg = 0; reg < 16; reg++) sb.append(String.format("%08x ", cp0.read(reg, 0)));
        sb.append('\n');
        Tlb tlb = cp0.tlb();
        for (int i = 0; i < Tlb.ENTRIES; i++) sb.append(String.format("%08x:%08x%c", tlb.hi(i), tlb.lo(i), i % 8 == 7 ? '\n' : ' '));
        long h = 0;
        for (int pa = 0; pa < m.ram().size(); pa += 4) h = h * 31 + m.ram().loadWord(pa);
        sb.append(String.format("ram hash %016x%n", h));
        sb.append(m.counters().report());
        sb.append("console:\n").append(transcript);
        return sb.toString();
    }
}
