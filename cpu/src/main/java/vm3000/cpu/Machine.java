package vm3000.cpu;

import java.util.Set;

import vm3000.cpu.bus.Bus;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.core.Counters;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.rmr.RmrStack;
import vm3000.cpu.trace.PrintTracer;
import vm3000.cpu.trace.Sys161Dump;
import vm3000.cpu.trace.Sys161Output;
import vm3000.cpu.trace.TraceFlags;

/**
 * One vm3000 machine: RAM, the LAMEbus and its cards, the clock, and the CPU with its CP0.
 * Nothing is global: several machines live side by side.
 */
public final class Machine {
    private final MachineOptions options;
    private final Clock clock = new Clock();
    private final PowerState power = new PowerState();
    private final PhysicalMemory ram;
    private final Lamebus lamebus = new Lamebus();
    private final Bus bus;
    private final Cp0 cp0;
    private final Cpu cpu;
    private final BlockCore blockCore;
    private final RmrStack rmr;
    private final Sys161Output messages;
    private PrintTracer tracer;

    public Machine(MachineOptions options) {
        this.options = options;
        this.ram = new PhysicalMemory(options.ramBytes(), options.endian());
        this.bus = new Bus(ram, lamebus);
        if (options.rmrLevels() < 0 || options.rmrLevels() > RmrStack.MAX_LEVELS) {
            throw new IllegalArgumentException("RMR levels must be 0.." + RmrStack.MAX_LEVELS + ": " + options.rmrLevels());
        }
        this.cp0 = new Cp0(clock);
        this.cpu = new Cpu(cp0, bus, clock, power);
        this.rmr = options.rmrLevels() > 0 ? new RmrStack(cpu, clock, ram, power, options.rmrLevels()) : null;
        this.blockCore = options.core() == MachineOptions.Core.BLOCK ? new BlockCore(cpu) : null;
        this.messages = new Sys161Output(options.messages());
    }

    /** The machine's message stream in System/161's format, shared by the trace and the trace card. */
    public Sys161Output sys161Output() { return messages; }

    /**
     * Traces {@code flags} to the message stream in System/161's format from now on. A traced
     * machine runs on the interpreter whatever its core; its cycle counts do not change.
     */
    public PrintTracer trace(Set<TraceFlags> flags) {
        PrintTracer t = new PrintTracer(messages, cpu, flags);
        tracer = t;
        cpu.setTracer(t);
        lamebus.setIrqListener((slot, on, before, after) -> t.slotIrq(slot, on, before, after, lamebus.ipi()));
        cp0.setTimerListener(t::onChipTimer);
        return tracer;
    }

    /** The tracer of {@link #trace}, or null. */
    public PrintTracer tracer() { return tracer; }

    /** System/161's statistics lines and its "Elapsed virtual time" line, as it ends a run. */
    public void printSys161End() {
        Sys161Dump.stats(messages, this);
        long nanos = clock.now() * (1_000_000_000L / Clock.HZ);
        messages.msg(String.format("Elapsed virtual time: %d.%09d seconds (%d mhz)", nanos / 1_000_000_000L,
                nanos % 1_000_000_000L, Clock.HZ / 1_000_000));
        messages.finish();
    }

    /** The RMR stack, or null on a plain R3000 ({@code rmrLevels} 0). */
    public RmrStack rmr() { return rmr; }

    public MachineOptions options() { return options; }
    public Clock clock() { return clock; }
    public PowerState power() { return power; }
    public PhysicalMemory ram() { return ram; }
    public Lamebus lamebus() { return lamebus; }
    public Bus bus() { return bus; }
    public Cp0 cp0() { return cp0; }
    public Cpu cpu() { return cpu; }
    public Counters counters() { return cpu.counters(); }

    /**
     * Runs until power-off, a machine check, or {@code maxInstructions} executed in all, on the
     * chosen core; reaching the limit stops the machine ({@link PowerState.Reason#INSTRUCTION_LIMIT}).
     */
    public PowerState run(long maxInstructions) {
        runUntil(maxInstructions);
        if (power.isRunning()) power.instructionLimit(maxInstructions);
        return power;
    }

    /**
     * As {@link #run}, but the machine stays on at the limit: run on with a higher one, the
     * machine does exactly what one run would have done (a benchmark timing a window of a run).
     */
    public PowerState runUntil(long maxInstructions) {
        if (rmr != null) rmr.start();
        if (blockCore != null) blockCore.runUntil(maxInstructions);
        else cpu.runUntil(maxInstructions);
        return power;
    }

    /** Releases the cards' host resources (disk images, open files); the machine must not run again. */
    public void close() { lamebus.close(); }

    /** The block core, or null when the machine runs on the interpreter. */
    public BlockCore blockCore() { return blockCore; }
}
