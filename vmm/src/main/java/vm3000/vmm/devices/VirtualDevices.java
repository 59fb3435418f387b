package vm3000.vmm.devices;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.Bus;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.InterruptLines;
import vm3000.cpu.dev.DeviceContext;
import vm3000.cpu.dev.DeviceFactory;
import vm3000.cpu.dev.Trace;

/**
 * A VM's own LAMEbus cards (the configured slot table, System/161's sample one by default:
 * serial console, random, timer, trace, mainboard reporting the VM's RAM) on the VM's own clock
 * and power state: the virtual
 * devices that both VMMs give each VM. The clock is the VM's time, advanced by its VMM: with the
 * VM's interpreted and direct cycles under trap-and-emulate, with its level's cycles (and the time
 * it idled in WAIT) under the RMR stack.
 */
public final class VirtualDevices {
    private final Clock clock = new Clock();
    private final PowerState power = new PowerState();
    private final Lamebus lamebus = new Lamebus();
    private final Bus bus;
    private final InterruptLines lines;

    /**
     * The cards {@code setup} names, the mainboard reporting {@code ramSize} bytes. A card that
     * cannot be built (a disk image that cannot be used) is bad input naming the configuration
     * file and line.
     */
    public VirtualDevices(int ramSize, Endian endian, DeviceSetup setup) throws BadInputException {
        DeviceContext ctx = new DeviceContext(0, clock, lamebus, power, setup.console(), setup.input(), setup.messages(),
                ramSize, setup.seed(), endian);
        DeviceFactory.attach(setup.config().withRamSize(ramSize), ctx);
        this.bus = new Bus(PhysicalMemory.none(endian), lamebus);
        this.lines = InterruptLines.of(lamebus);
    }

    public Clock clock() { return clock; }
    public PowerState power() { return power; }
    public Lamebus lamebus() { return lamebus; }

    /** The device window alone: accesses outside the LAMEbus are bus errors. */
    public Bus bus() { return bus; }

    /** Releases the cards' host resources (disk images, open files) once the VM has stopped. */
    public void close() { lamebus.close(); }

    /** The hardware interrupt lines the cards drive, as Cause.IP bits. */
    public int lines() { return lines.lines(); }

    /** What the trace card's state dump prints. */
    public void onDump(Runnable dump) {
        for (int slot = 0; slot < Lamebus.SLOTS; slot++) {
            if (lamebus.device(slot) instanceof Trace trace) trace.setDumpHandler(dump);
        }
    }

    /** Machine time up to {@code t}, running the cards' events due on the way, in order. */
    public void advanceTo(long t) {
        while (clock.nextEvent() <= t) {
            clock.advanceTo(clock.nextEvent());
            clock.runDue();
        }
        if (t > clock.now()) clock.advanceTo(t);
    }
}
