package vm3000.cpu.dev;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PowerState;

/**
 * What a LAMEbus card needs from the machine it is plugged into. Each card gets its own copy
 * with its slot number filled in ({@link #withSlot}); nothing here is global.
 *
 * @param slot         the card's slot (0..31)
 * @param clock        machine time, for reading the time and scheduling completions
 * @param bus          the LAMEbus, for raising and lowering the card's interrupt line
 * @param power        where a card powers the machine off
 * @param console      the serial console's output, byte for byte (the guest's transcript)
 * @param consoleInput the serial console's input, or {@code null} for none (nothing is typed)
 * @param messages     the machine's own messages (trace prints, dumps): stderr, not the console
 * @param ramSize      bytes of RAM, reported by the mainboard
 * @param seed         seed of the random card unless its configuration line gives one
 * @param endian       the machine's byte order: how a card's byte buffer lies in its registers
 */
public record DeviceContext(int slot, Clock clock, Lamebus bus, PowerState power,
                            OutputStream console, ConsoleInput consoleInput, PrintStream messages,
                            int ramSize, long seed, Endian endian) {
    /** Seed of the random card when nothing else says: fixed, so runs repeat. */
    public static final long DEFAULT_SEED = 0x5EED5EEDL;
    /** RAM size when nothing else says (docs/devices.md). */
    public static final int DEFAULT_RAM_SIZE = 16 << 20;

    public DeviceContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(endian, "endian");
        if (slot < 0 || slot >= Lamebus.SLOTS) throw new IllegalArgumentException("LAMEbus slot out of range: " + slot);
    }

    /** A context for slot 0 with no console input, 16 MiB of RAM, the default seed, big-endian. */
    public static DeviceContext of(Clock clock, Lamebus bus, PowerState power,
                                   OutputStream console, PrintStream messages) {
        return new DeviceContext(0, clock, bus, power, console, null, messages, DEFAULT_RAM_SIZE, DEFAULT_SEED, Endian.BIG);
    }

    public DeviceContext withSlot(int s) {
        return new DeviceContext(s, clock, bus, power, console, consoleInput, messages, ramSize, seed, endian);
    }

    public DeviceContext withConsoleInput(ConsoleInput in) {
        return new DeviceContext(slot, clock, bus, power, console, in, messages, ramSize, seed, endian);
    }

    /** Console input from a stream, each byte taken when the card next asks ({@link ConsoleInput#of}). */
    public DeviceContext withConsoleInput(InputStream in) { return withConsoleInput(ConsoleInput.of(in)); }

    public DeviceContext withRamSize(int bytes) {
        return new DeviceContext(slot, clock, bus, power, console, consoleInput, messages, bytes, seed, endian);
    }

    public DeviceContext withSeed(long s) {
        return new DeviceContext(slot, clock, bus, power, console, consoleInput, messages, ramSize, s, endian);
    }

    public DeviceContext withEndian(Endian e) {
        return new DeviceContext(slot, clock, bus, power, console, consoleInput, messages, ramSize, seed, e);
    }

    /** Raises or lowers this card's interrupt line. */
    void setIrq(boolean asserted) { bus.setIrq(slot, asserted); }

    /** True while this card's interrupt line is raised. */
    boolean irq() { return (bus.irqLines() & (1 << slot)) != 0; }
}
