package vm3000.cpu.dev;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.PowerState;

/** A bus, clock and power switch with captured console and message streams, for device tests. */
final class TestBoard {
    final Clock clock = new Clock();
    final Lamebus bus = new Lamebus();
    final PowerState power = new PowerState();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final ByteArrayOutputStream messageBytes = new ByteArrayOutputStream();
    final PrintStream messages = new PrintStream(messageBytes, true, StandardCharsets.UTF_8);
    DeviceContext base = DeviceContext.of(clock, bus, power, console, messages);

    DeviceContext slot(int s) { return base.withSlot(s); }

    TestBoard withInput(ConsoleInput input) {
        base = base.withConsoleInput(input);
        return this;
    }

    TestBoard withInput(String typed) {
        base = base.withConsoleInput(new ByteArrayInputStream(typed.getBytes(StandardCharsets.ISO_8859_1)));
        return this;
    }

    /** Plugs in the cards of {@code cfg}, which has none that can fail to build (no disk). */
    void attach(Sys161Config cfg) {
        try {
            DeviceFactory.attach(cfg, base);
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Advances machine time to {@code tick} and runs what is due. */
    void runTo(long tick) {
        clock.advanceTo(tick);
        clock.runDue();
    }

    String consoleText() { return console.toString(StandardCharsets.ISO_8859_1); }
    String messageText() { return messageBytes.toString(StandardCharsets.UTF_8); }
}
