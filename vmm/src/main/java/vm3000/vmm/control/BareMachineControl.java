package vm3000.vmm.control;

import vm3000.cpu.Machine;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.Monitor;
import vm3000.cpu.cp0.Cp0;
import vm3000.vmm.api.MachineControl;
import vm3000.vmm.api.Trap;

/**
 * Level 0 of a real machine: every call is the real CPU's CP0, TLB and RAM. It installs itself as
 * the machine's {@link Monitor}, so every exception stops the run loop and returns from
 * {@link #resume}, with the hardware's part (EPC, Cause, BadVAddr, the KU/IE push) done.
 */
public final class BareMachineControl implements MachineControl, Monitor {
    private final Machine machine;
    private final Cpu cpu;
    private final Cp0 cp0;
    private final PhysicalMemory ram;
    private final PowerState power;
    private int trapCode = -1;

    public BareMachineControl(Machine machine) {
        this.machine = machine;
        this.cpu = machine.cpu();
        this.cp0 = machine.cp0();
        this.ram = machine.ram();
        this.power = machine.power();
        cpu.setMonitor(this);
    }

    public Machine machine() { return machine; }

    @Override
    public void trap(Cpu c, int excCode) {
        trapCode = excCode;
        c.requestStop();
    }

    @Override public int mfc0(int reg) { return cp0.read(reg, 0); }

    @Override
    public void mtc0(int reg, int value) { cp0.mtc0(reg, 0, value, power, Cp0.BY_MONITOR); }

    @Override public void tlbr() { cp0.tlbr(); }
    @Override public void tlbwi() { tlbWrite(cp0.indexSlot()); }
    @Override public void tlbwr() { tlbWrite(cp0.random()); }
    @Override public void tlbp() { cp0.tlbp(); }

    private void tlbWrite(int slot) { cp0.tlbWrite(slot, power, Cp0.BY_MONITOR); }

    @Override public int reg(int n) { return cpu.reg(n); }
    @Override public void setReg(int n, int value) { cpu.setReg(n, value); }
    @Override public int hi() { return cpu.hi(); }
    @Override public int lo() { return cpu.lo(); }
    @Override public void setHiLo(int hi, int lo) { cpu.setHiLo(hi, lo); }

    @Override
    public long loadPhysical(int paddr, int size) {
        if (!ram.contains(paddr, size)) return PhysicalBus.BUS_ERROR;
        return ram.load(paddr, size);
    }

    @Override
    public boolean storePhysical(int paddr, int size, int value) {
        if (!ram.contains(paddr, size)) return false;
        ram.store(paddr, size, value);
        return true;
    }

    @Override public int exceptionNext() { return cpu.exceptionNext(); }
    @Override public boolean exceptionLlBit() { return cpu.exceptionLlBit(); }
    @Override public void setLlBit(boolean value) { cpu.setLlBit(value); }

    @Override public int ramSize() { return ram.size(); }
    @Override public PhysicalMemory memory() { return ram; }
    @Override public Endian endian() { return ram.endian(); }

    @Override
    public Trap resume(int pc) {
        cp0.rfe();
        cpu.setPc(pc);
        trapCode = -1;
        if (machine.blockCore() != null) machine.blockCore().runUntil(Long.MAX_VALUE);
        else cpu.runUntil(Long.MAX_VALUE);
        if (trapCode >= 0) return Trap.exception(trapCode);
        return Trap.stopped(power.message());
    }
}
