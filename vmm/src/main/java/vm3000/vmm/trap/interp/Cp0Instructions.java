package vm3000.vmm.trap.interp;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.vmm.trap.VirtualMachine;

/**
 * The VMM's interpreters of MFC0 and MTC0, and its guard. Nothing real changes: MFC0 reads the
 * shadow register (Count and Random from the VM's own clock); MTC0 writes it, and the shadow CP0
 * does what the hardware would (a new Compare reschedules the VM's virtual timer; a new EntryHi
 * ASID needs no flush, since the ASID map gives it its own host ASID at the next direct run; a
 * new Status takes effect at the VM's next instruction).
 *
 * <p>The method bodies are exercise 1 of the course labs: the student tree has them removed
 * between the {@code lab 1} markers (docs/labs/README.md, "For teachers").
 */
public final class Cp0Instructions implements Cp0Interpreter {
    @Override
    public boolean privileged(VirtualMachine vm) {
        // lab 1 begin: the guard
        Cp0 cp0 = vm.cp0();
        if (!cp0.userMode() || (cp0.status() & Cp0.SR_CU0) != 0) return true;
        vm.cpu().raiseException(ExcCode.CPU, 0, false);
        return false;
        // lab 1 end
    }

    @Override
    public int mfc0(VirtualMachine vm, int rd, int sel) {
        // lab 1 begin: MFC0
        return vm.cp0().read(rd, sel);
        // lab 1 end
    }

    @Override
    public boolean mtc0(VirtualMachine vm, int rd, int sel, int value) {
        // lab 1 begin: MTC0
        return vm.cp0().mtc0(rd, sel, value, vm.power(), vm.cpu().pc());
        // lab 1 end
    }
}
