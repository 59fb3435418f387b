package vm3000.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import vm3000.cpu.BadInputException;
import vm3000.cpu.OutputFiles;

/**
 * {@code vm3000 run --profile FILE [--profile-interval N]}: the options checked before the run,
 * and the profile written after it (the profiler itself is {@link vm3000.cpu.profile.Profiler}).
 */
final class ProfileRun {
    private ProfileRun() {}

    /**
     * Cycles between two samples unless {@code --profile-interval} says: 40 µs of machine time at
     * 25 MHz, a few hundred samples for the smallest kernels and few enough per host second that
     * sampling costs nothing measurable.
     */
    static final long DEFAULT_INTERVAL = 1000;

    /**
     * Checks the profiling options before anything runs and gives the interval (0 without
     * {@code --profile}). Under a VMM or on the RMR stack the one CPU's pc is whichever VM's or
     * level's is live and machine time is not a VM's own, so the profiler is refused there
     * rather than give a profile that mixes them (docs/debugging.md).
     */
    static long checkOptions(Path file, Long interval, boolean vmm, int rmrLevels) throws BadInputException {
        if (file == null) {
            if (interval != null) throw new BadInputException("--profile-interval needs --profile FILE");
            return 0;
        }
        if (vmm) throw new BadInputException("--profile samples the bare machine; it does not go with --vmm");
        if (rmrLevels != 0) throw new BadInputException("--profile samples a plain R3000; it does not go with --rmr-levels");
        long n = interval == null ? DEFAULT_INTERVAL : interval;
        if (n < 1) throw new BadInputException("--profile-interval must be at least 1: " + n);
        RunCommand.checkWritable(file, "--profile");
        return n;
    }

    /** Writes the profile's {@code text} to {@code file}, whole or not at all. */
    static void write(Path file, String text) throws BadInputException {
        try {
            OutputFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw BadInputException.in(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
