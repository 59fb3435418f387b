package vm3000.vmm.control;

import vm3000.cpu.Machine;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.Monitor;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.rmr.LevelMonitor;
import vm3000.cpu.rmr.RmrPort;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.api.Trap;

/**
 * Level k of an RMR stack as a monitor written for a bare machine sees it: every call is a
 * direct call on RMR[k] (no trap), and {@link #resume} runs the machine until an exception is
 * taken at level k. This is how the trap-and-emulate VMM runs as the top monitor of an RMR stack
 * (the mixed stack): the RMR VMMs below start level k with Load RMR, as the one VM of each, and
 * this control is that level's Java monitor. Only level k runs code: the levels below are Java
 * monitors, and there is no level above, so the CPU's Monitor hook sees level k's exceptions
 * only. A monitor below that preempts level k (its timer) resumes it inside {@link #resume}.
 */
public final class RmrMachineControl implements MachineControl, Monitor, LevelMonitor {
    private final Machine machine;
    private final Cpu cpu;
    private final PowerState power;
    private RmrPort port;
    private int trapCode = -1;

    public RmrMachineControl(Machine machine) {
        this.machine = machine;
        this.cpu = machine.cpu();
        this.power = machine.power();
    }

    // --- As the level's Java monitor: started by the RMR VMM below --------------------------------

    @Override
    public void start(RmrPort p) {
        this.port = p;
        p.driveOwnCode();
        cpu.setMonitor(this);
    }

    @Override
    public void onTrap(RmrPort p, RmrTrap trap) {
        power.machineCheck("RMR: a trap was routed to a level run by a trap-and-emulate VMM, which has no level above");
    }

    /** True once the RMR VMMs below have started this level. */
    public boolean started() { return port != null; }

    // --- As the machine's CPU monitor: level k's own exceptions ------------------------------------

    @Override
    public void trap(Cpu c, int excCode) {
        trapCode = excCode;
        c.requestStop();
    }

    // --- MachineControl -----------------------------------------------------------------------

    @Override public int mfc0(int reg) { return port.mfc0(reg); }
    @Override public void mtc0(int reg, int value) { port.mtc0(reg, value); }
    @Override public void tlbr() { port.tlbr(); }
    @Override public void tlbwi() { port.tlbwi(); }
    @Override public void tlbwr() { port.tlbwr(); }
    @Override public void tlbp() { port.tlbp(); }

    @Override public int reg(int n) { return cpu.reg(n); }
    @Override public void setReg(int n, int value) { cpu.setReg(n, value); }
    @Override public int hi() { return cpu.hi(); }
    @Override public int lo() { return cpu.lo(); }
    @Override public void setHiLo(int hi, int lo) { cpu.setHiLo(hi, lo); }

    @Override public long loadPhysical(int paddr, int size) { return port.loadPhysical(paddr, size); }
    @Override public boolean storePhysical(int paddr, int size, int value) { return port.storePhysical(paddr, size, value); }
    @Override public int ramSize() { return port.ramSize(); }
    @Override public PhysicalMemory memory() { return port.memory(); }
    @Override public Endian endian() { return port.endian(); }

    @Override public int exceptionNext() { return cpu.exceptionNext(); }
    @Override public boolean exceptionLlBit() { return cpu.exceptionLlBit(); }
    @Override public void setLlBit(boolean value) { cpu.setLlBit(value); }

    /** RFE on level k's Status, then run level k from {@code pc} until its next exception. */
    @Override
    public Trap resume(int pc) {
        int status = port.mfc0(Cp0.STATUS);
        port.mtc0(Cp0.STATUS, (status & ~0xF) | ((status >>> 2) & 0xF));
        cpu.setPc(pc);
        trapCode = -1;
        if (machine.blockCore() != null) machine.blockCore().runUntil(Long.MAX_VALUE);
        else cpu.runUntil(Long.MAX_VALUE);
        if (trapCode >= 0) return Trap.exception(trapCode);
        return Trap.stopped(power.message());
    }
}
