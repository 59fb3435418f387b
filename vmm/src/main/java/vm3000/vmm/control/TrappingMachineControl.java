package vm3000.vmm.control;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.isa.Op;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.api.Trap;
import vm3000.vmm.trap.Dispatcher;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;

/**
 * What a monitor sees when it runs inside a VM of a lower trap-and-emulate VMM. Every CP0 and TLB
 * call is the sensitive instruction it stands for, trapped to the lower VMM's dispatcher and
 * emulated by the same interpreters as a guest's, on the VM's shadow CP0 and virtual TLB (and
 * counted there as monitor entries). Physical memory is the VM's guest-physical memory, through
 * the lower VMM's partition (counted there as accesses for the level above). {@link #resume} is
 * the VM's kernel returning to its user mode: the lower VMM runs it until a trap must be
 * reflected to the VM, which is the trap returned.
 */
public final class TrappingMachineControl implements MachineControl {
    private final TrapVmm lower;
    private final VirtualMachine vm;
    private final Dispatcher dispatcher;

    /** A control for a new monitor VM of {@code lower}. */
    public static TrappingMachineControl inNewVm(TrapVmm lower) {
        return new TrappingMachineControl(lower, lower.createMonitorVm());
    }

    public TrappingMachineControl(TrapVmm lower, VirtualMachine vm) {
        if (!vm.isMonitorVm()) throw new IllegalArgumentException("VM " + vm.id() + " runs a guest kernel, not a monitor");
        this.lower = lower;
        this.vm = vm;
        this.dispatcher = lower.dispatcher();
    }

    public TrapVmm lower() { return lower; }
    public VirtualMachine vm() { return vm; }

    @Override public int mfc0(int reg) { return dispatcher.mfc0(vm, reg); }
    @Override public void mtc0(int reg, int value) { dispatcher.mtc0(vm, reg, value); }
    @Override public void tlbr() { dispatcher.tlb(vm, Op.TLBR); }
    @Override public void tlbwi() { dispatcher.tlb(vm, Op.TLBWI); }
    @Override public void tlbwr() { dispatcher.tlb(vm, Op.TLBWR); }
    @Override public void tlbp() { dispatcher.tlb(vm, Op.TLBP); }

    @Override public int reg(int n) { return vm.cpu().reg(n); }
    @Override public void setReg(int n, int value) { vm.cpu().setReg(n, value); }
    @Override public int hi() { return vm.cpu().hi(); }
    @Override public int lo() { return vm.cpu().lo(); }
    @Override public void setHiLo(int hi, int lo) { vm.cpu().setHiLo(hi, lo); }

    /** The VM's RAM only: a monitor does not drive its VM's devices. */
    @Override
    public long loadPhysical(int paddr, int size) {
        return vm.partition().contains(paddr, size) ? vm.cpu().bus().load(paddr, size) : PhysicalBus.BUS_ERROR;
    }

    @Override
    public boolean storePhysical(int paddr, int size, int value) {
        return vm.partition().contains(paddr, size) && vm.cpu().bus().store(paddr, size, value);
    }

    /** The VM's: the lower VMM restored its context exactly, and reflected the trap into it. */
    @Override public int exceptionNext() { return vm.cpu().exceptionNext(); }
    @Override public boolean exceptionLlBit() { return vm.cpu().exceptionLlBit(); }
    @Override public void setLlBit(boolean value) { vm.cpu().setLlBit(value); }

    @Override public int ramSize() { return vm.partition().size(); }

    /** The VM's partition, as the lower VMM gave it to the VM's CPU (null if it could not). */
    @Override public PhysicalMemory memory() { return vm.cpu().ram().size() > 0 ? vm.cpu().ram() : null; }
    @Override public Endian endian() { return lower.endian(); }

    @Override public Trap resume(int pc) { return lower.resumeMonitorVm(vm, pc); }
}
