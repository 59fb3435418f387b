package vm3000.cpu.dev;

import java.io.IOException;

/**
 * Writes to the machine's console stream. A host I/O failure there ends the run with a machine
 * check naming it, rather than a Java exception escaping the machine.
 */
final class Console {
    private Console() {}

    static void put(DeviceContext ctx, int b) {
        try {
            ctx.console().write(b);
        } catch (IOException e) {
            ctx.power().machineCheck("console output failed: " + e.getMessage());
        }
    }
}
