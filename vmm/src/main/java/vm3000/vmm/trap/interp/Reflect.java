package vm3000.vmm.trap.interp;

import vm3000.cpu.mmu.Translation;
import vm3000.vmm.trap.VirtualMachine;

/**
 * Exception reflection: what the hardware does on exception entry, done on the VM's shadow state
 * by the virtual CPU's own exception path (EPC and BD from the interrupted context the VMM has
 * restored into the virtual CPU, Cause, the KU/IE push, the vector by the guest's BEV). Address
 * and TLB exceptions record BadVAddr first (and Context and EntryHi for TLB ones).
 */
public final class Reflect {
    private Reflect() {}

    public static void exception(VirtualMachine vm, int excCode, int ce) {
        vm.cpu().raiseException(excCode, ce, false);
    }

    public static void addressError(VirtualMachine vm, int excCode, int badVAddr) {
        vm.cp0().recordBadAddress(badVAddr, false);
        vm.cpu().raiseException(excCode, 0, false);
    }

    /** A fault of the guest's own translation ({@code translation} from Mmu.translate on the shadow CP0). */
    public static void translationFault(VirtualMachine vm, int vaddr, long translation) {
        vm.cp0().recordBadAddress(vaddr, Translation.isTlbFault(translation));
        vm.cpu().raiseException(Translation.excCode(translation), 0, Translation.isUtlbRefill(translation));
    }
}
