package vm3000.vmm.devices;

import java.io.OutputStream;
import java.io.PrintStream;

import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.Sys161Config;

/**
 * What a VM's LAMEbus cards are and where they lead: the slot table (a {@code sys161.conf}, as
 * on the bare machine; its RAM size is replaced by the VM's), the console's output and input,
 * the machine's messages, and the random card's seed unless the slot table gives one. The same
 * image and options thus give a VM the machine they give bare.
 *
 * @param config   the slot table
 * @param console  the VM's console output
 * @param input    the VM's console input, or {@code null}: nothing is typed
 * @param messages the machine's own messages (trace prints, dumps)
 * @param seed     the random card's seed unless its configuration line gives one
 */
public record DeviceSetup(Sys161Config config, OutputStream console, ConsoleInput input, PrintStream messages,
                          long seed) {
    /** System/161's sample slot table, no console input. */
    public static DeviceSetup of(OutputStream console, PrintStream messages, long seed) {
        return new DeviceSetup(Sys161Config.defaults(), console, null, messages, seed);
    }
}
