package vm3000.vmm.trap.interp;

import vm3000.vmm.trap.VirtualMachine;

/**
 * The interpreters of MFC0 and MTC0 and the guard in front of every CP0 instruction: what the VMM
 * does when a VM's kernel (interpreted) executes one, or a monitor above asks for one. They work
 * on the VM's shadow CP0 ({@code vm.cp0()}), never on the CP0 of the level the VMM runs on.
 * {@link Cp0Instructions} is the VMM's own; exercise 1 of the course labs has students write it
 * (docs/labs/ex1.md).
 */
public interface Cp0Interpreter {
    /**
     * The guard: true if the VM may execute a CP0 instruction now. A VM in user mode may only
     * with Status.CU0 set; otherwise the instruction takes a Coprocessor Unusable exception in the
     * VM (ExcCode CpU, CE 0), which this method reflects before returning false.
     */
    boolean privileged(VirtualMachine vm);

    /**
     * {@code mfc0 rt, rd} (select {@code sel}) in the VM, past the guard: the value the VM's
     * register {@code rt} receives, that of its shadow register {@code rd}.
     */
    int mfc0(VirtualMachine vm, int rd, int sel);

    /**
     * {@code mtc0} of {@code value} into shadow register {@code rd} (select {@code sel}), past the
     * guard. False if the VM stopped (the MIPS-161 machine check for cache control).
     */
    boolean mtc0(VirtualMachine vm, int rd, int sel, int value);
}
