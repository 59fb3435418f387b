package vm3000.cpu;

import java.io.OutputStream;
import java.io.PrintStream;

import vm3000.cpu.bus.Endian;

/**
 * How to build a machine. Every option has a default, so {@code MachineOptions.defaults()} is a
 * working machine: 16 MiB of RAM, big-endian, System/161's sample device configuration, a fixed
 * random seed, the console on standard output and the machine's own messages on standard error.
 *
 * @param ramBytes       RAM size in bytes (a multiple of 4 KiB)
 * @param endian         byte order (normally taken from the ELF header)
 * @param randomSeed     seed of the random device
 * @param console        where the serial console's bytes go
 * @param messages       where the machine's own messages go (trace, debug prints, diagnostics)
 * @param core           which executor runs the machine (both behave identically)
 * @param rmrLevels      levels of the RMR stack above level 0 (docs/rmr.md); 0 is the plain R3000
 */
public record MachineOptions(int ramBytes, Endian endian, long randomSeed, OutputStream console, PrintStream messages,
                             Core core, int rmrLevels) {
    public static final int DEFAULT_RAM = 16 << 20;
    public static final long DEFAULT_SEED = 0x5EED5EEDL;

    /** The executors: the reference interpreter, and the block core (the default). */
    public enum Core { INTERP, BLOCK }

    public static MachineOptions defaults() {
        return new MachineOptions(DEFAULT_RAM, Endian.BIG, DEFAULT_SEED, System.out, System.err, Core.BLOCK, 0);
    }

    public MachineOptions withRam(int bytes) { return new MachineOptions(bytes, endian, randomSeed, console, messages, core, rmrLevels); }
    public MachineOptions withEndian(Endian e) { return new MachineOptions(ramBytes, e, randomSeed, console, messages, core, rmrLevels); }
    public MachineOptions withSeed(long seed) { return new MachineOptions(ramBytes, endian, seed, console, messages, core, rmrLevels); }
    public MachineOptions withConsole(OutputStream out) { return new MachineOptions(ramBytes, endian, randomSeed, out, messages, core, rmrLevels); }
    public MachineOptions withMessages(PrintStream err) { return new MachineOptions(ramBytes, endian, randomSeed, console, err, core, rmrLevels); }
    public MachineOptions withRmrLevels(int n) {
        return new MachineOptions(ramBytes, endian, randomSeed, console, messages, core, n);
    }
    public MachineOptions withCore(Core c) { return new MachineOptions(ramBytes, endian, randomSeed, console, messages, c, rmrLevels); }
}
