package vm3000.vmm.trap;

import static vm3000.cpu.isa.Fields.*;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.api.Trap;
import vm3000.vmm.trap.interp.Reflect;
import vm3000.vmm.trap.interp.Rfe;
import vm3000.vmm.trap.interp.Tlbp;
import vm3000.vmm.trap.interp.Tlbr;
import vm3000.vmm.trap.interp.Tlbwi;
import vm3000.vmm.trap.interp.Tlbwr;
import vm3000.vmm.trap.interp.Wait;
import vm3000.vmm.trap.shadow.ShadowPaging;
import vm3000.vmm.trap.time.VirtualTime.Ending;

/**
 * Popek and Goldberg's dispatcher: the one entry for everything a VM does that the VMM must see.
 * Sensitive instructions (a guest kernel's, interpreted, or an upper monitor's MachineControl
 * calls) go to their interpreter; traps from direct execution are decided by ExcCode: a TLB fault
 * goes to the level's shadow paging (which makes a shadow entry if the guest's own TLB can satisfy
 * it), everything else is reflected.
 */
public final class Dispatcher {
    /** Real Status while a guest runs directly, before the RFE of resume: user mode, interrupts on, only the timer. */
    private static final int DIRECT_STATUS = Cp0.IP_TIMER | (Cp0.SR_KUC << 2) | (Cp0.SR_IEC << 2);

    private final MachineControl mc;
    /** The VM whose registers are in the machine below and newer than its vCPU's, or null ({@link #syncRegisters}). */
    private VirtualMachine resident;
    private final ShadowPaging paging;
    private final VmmStats stats;
    private final VmmParts parts;

    Dispatcher(MachineControl mc, ShadowPaging paging, VmmStats stats, VmmParts parts) {
        this.mc = mc;
        this.paging = paging;
        this.stats = stats;
        this.parts = parts;
    }

    /** The exchangeable mechanisms this VMM runs with. */
    VmmParts parts() { return parts; }

    // --- Sensitive instructions -----------------------------------------------------------------

    /** A CP0 instruction of a VM's interpreted code (the virtual CPU's Cop0Handler), past the guard. */
    boolean cop0(VirtualMachine vm, Op op, int w) {
        stats.sensitive[op.ordinal()]++;
        if (!parts.cp0().privileged(vm)) return false;
        switch (op) {
            case MFC0:
                vm.cpu().setReg(rt(w), parts.cp0().mfc0(vm, rd(w), sel(w)));
                return true;
            case MTC0: return parts.cp0().mtc0(vm, rd(w), sel(w), vm.cpu().reg(rt(w)));
            case TLBR: return Tlbr.execute(vm);
            case TLBWI: return Tlbwi.execute(vm, paging);
            case TLBWR: return Tlbwr.execute(vm, paging);
            case TLBP: return Tlbp.execute(vm);
            case RFE: return Rfe.execute(vm);
            case WAIT: return Wait.execute(vm);
            default: throw new IllegalStateException("not a CP0 instruction: " + op);
        }
    }

    /**
     * An upper monitor's MachineControl call, delivered as the instruction it stands for (a
     * monitor VM is in kernel mode: the guard lets it through).
     */
    public int mfc0(VirtualMachine vm, int reg) {
        stats.sensitive[Op.MFC0.ordinal()]++;
        return parts.cp0().privileged(vm) ? parts.cp0().mfc0(vm, reg, 0) : 0;
    }

    public void mtc0(VirtualMachine vm, int reg, int value) {
        stats.sensitive[Op.MTC0.ordinal()]++;
        if (parts.cp0().privileged(vm)) parts.cp0().mtc0(vm, reg, 0, value);
    }

    public void tlb(VirtualMachine vm, Op op) {
        stats.sensitive[op.ordinal()]++;
        if (!parts.cp0().privileged(vm)) return;
        switch (op) {
            case TLBR: Tlbr.execute(vm); break;
            case TLBWI: Tlbwi.execute(vm, paging); break;
            case TLBWR: Tlbwr.execute(vm, paging); break;
            case TLBP: Tlbp.execute(vm); break;
            default: throw new IllegalArgumentException("not a TLB instruction: " + op);
        }
    }

    void rfe(VirtualMachine vm) {
        stats.sensitive[Op.RFE.ordinal()]++;
        if (parts.cp0().privileged(vm)) Rfe.execute(vm);
    }

    // --- Direct execution -------------------------------------------------------------------------

    /**
     * Runs the VM's user mode directly on the level below until a trap, for at most {@code budget}
     * cycles of the VM's time, then decides the trap. How long the run took, and which of its
     * cycles are the guest's, is the VMM's virtual time ({@code parts.time()}). Returns a STOPPED
     * trap if the level below stopped, else null. On return the virtual CPU holds the guest's
     * state again.
     */
    Trap runDirect(VirtualMachine vm, long budget) {
        var cpu = vm.cpu();
        if (resident != vm) {
            syncRegisters();
            for (int r = 1; r < 32; r++) mc.setReg(r, cpu.reg(r));
            mc.setHiLo(cpu.hi(), cpu.lo());
        }
        mc.setLlBit(cpu.llBit());
        int hostAsid = paging.hostAsid(vm);
        stats.asidRecycles = paging.recycles();
        mc.mtc0(Cp0.ENTRYHI, hostAsid << 6);
        mc.mtc0(Cp0.COUNT, 0);
        mc.mtc0(Cp0.COMPARE, (int) budget);
        mc.mtc0(Cp0.STATUS, DIRECT_STATUS);
        Trap trap = mc.resume(cpu.pc());
        resident = vm;
        if (trap.stopped()) {
            syncRegisters();
            return trap;
        }
        int cause = mc.mfc0(Cp0.CAUSE);
        long cycles = parts.time().ranFor(budget, mc.mfc0(Cp0.COUNT), cause);
        int epc = mc.mfc0(Cp0.EPC);
        cpu.setLlBit(mc.exceptionLlBit()); // a reflected exception clears it, as the hardware does
        boolean bd = cause < 0;
        if (bd) cpu.setPc(epc + 4, mc.exceptionNext(), true);
        else cpu.setPc(epc);
        int code = trap.excCode();
        stats.traps[code]++;
        decide(vm, code, (cause >>> 28) & 3, cycles);
        return null;
    }

    /**
     * Puts the general registers and HI/LO of the VM that last ran directly back into its vCPU,
     * if they are still only in the machine below ({@link #resident}). A trap leaves them there:
     * the VMM's own traps (a shadow refill, its timer) resume the same VM, which needs them
     * nowhere else, so the next direct run of that VM copies nothing either way. Whatever reads
     * or runs the vCPU (its kernel mode, an interpreted instruction, the end of a run of the VM,
     * a direct run of another VM) calls this first.
     */
    void syncRegisters() {
        VirtualMachine vm = resident;
        if (vm == null) return;
        resident = null;
        var cpu = vm.cpu();
        for (int r = 1; r < 32; r++) cpu.setReg(r, mc.reg(r));
        cpu.setHiLo(mc.hi(), mc.lo());
    }

    /** The dispatcher proper: a switch on the exception code of a trap from direct execution. */
    private void decide(VirtualMachine vm, int code, int ce, long cycles) {
        switch (code) {
            case ExcCode.INT:
                // The VMM's timer (slice end or the VM's next virtual event).
                charge(vm, Ending.TIMER, cycles);
                break;
            case ExcCode.MOD: case ExcCode.TLBL: case ExcCode.TLBS:
                tlbFault(vm, code, mc.mfc0(Cp0.BADVADDR), cycles);
                break;
            case ExcCode.ADEL: case ExcCode.ADES:
                charge(vm, Ending.REFLECT, cycles);
                Reflect.addressError(vm, code, mc.mfc0(Cp0.BADVADDR));
                break;
            case ExcCode.CPU:
                if (ce == 0) {
                    // A CP0 instruction in user mode: interpreted, so that the guard decides (the
                    // guest may have set CU0; if not, the guard reflects CpU at that instruction).
                    charge(vm, Ending.RESTART, cycles);
                    vm.stepOnce = true;
                } else {
                    charge(vm, Ending.REFLECT, cycles);
                    Reflect.exception(vm, code, ce);
                }
                break;
            default: // Sys, Bp, RI, Ov, IBE, DBE: the guest's own business
                charge(vm, Ending.REFLECT, cycles);
                Reflect.exception(vm, code, ce);
                break;
        }
    }

    /**
     * A real TLB fault in guest user mode, decided by the level's shadow paging: a fault of the
     * guest's own, reflected, took its instruction's cycle; a shadow entry installed, or an
     * instruction to interpret (an access outside the VM's RAM), retries it.
     */
    private void tlbFault(VirtualMachine vm, int code, int badVAddr, long cycles) {
        switch (paging.tlbFault(vm, code, badVAddr)) {
            case REFLECTED:
                charge(vm, Ending.REFLECT, cycles);
                break;
            case INTERPRET:
                charge(vm, Ending.RESTART, cycles);
                vm.stepOnce = true;
                break;
            case INSTALLED:
                charge(vm, Ending.RESTART, cycles);
                stats.asidRecycles = paging.recycles();
                stats.shadowRefills++;
                break;
        }
    }

    /**
     * The VM's clock advances by the guest's cycles of a direct run that took {@code ran} cycles
     * and ended as {@code ending} says.
     */
    private void charge(VirtualMachine vm, Ending ending, long ran) {
        long cycles = parts.time().charge(ending, ran);
        if (cycles <= 0) return;
        vm.clock().advanceTo(vm.clock().now() + cycles);
        stats.direct += cycles;
    }
}
