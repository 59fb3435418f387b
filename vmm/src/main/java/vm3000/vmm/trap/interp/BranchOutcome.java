package vm3000.vmm.trap.interp;

import static vm3000.cpu.isa.Fields.*;

import vm3000.cpu.core.Cpu;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;
import vm3000.vmm.trap.VirtualMachine;

/**
 * Where execution goes after the delay slot of the branch at {@code pc}, from the registers as
 * they are now (the branch has executed; its link register is written). Needed to restore a guest
 * context interrupted in a delay slot: the hardware reports only EPC = the branch and BD.
 */
public final class BranchOutcome {
    private BranchOutcome() {}

    public static int after(VirtualMachine vm, int pc) {
        Cpu cpu = vm.cpu();
        long t = Mmu.translate(vm.cp0(), pc, Access.FETCH);
        long v = t < 0 ? -1 : cpu.bus().load((int) t, 4);
        Op op = v < 0 ? null : Decoder.decode((int) v);
        int w = (int) v;
        int fall = pc + 8;
        if (op == null) return fall;
        int s = cpu.reg(rs(w));
        int u = cpu.reg(rt(w));
        switch (op) {
            case J: case JAL: return jumpTarget(pc, w);
            case JR: case JALR: return s;
            case BEQ: return s == u ? branchTarget(pc, w) : fall;
            case BNE: return s != u ? branchTarget(pc, w) : fall;
            case BLEZ: return s <= 0 ? branchTarget(pc, w) : fall;
            case BGTZ: return s > 0 ? branchTarget(pc, w) : fall;
            case BLTZ: case BLTZAL: return s < 0 ? branchTarget(pc, w) : fall;
            case BGEZ: case BGEZAL: return s >= 0 ? branchTarget(pc, w) : fall;
            default: return fall;
        }
    }
}
