package vm3000.cpu.profile;

import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.elf.ElfFile;

/**
 * A deterministic sampling profiler of the guest's pc ({@code vm3000 run --profile FILE},
 * docs/debugging.md): every {@code interval} cycles of machine time it notes where the CPU is,
 * by the symbols of the kernel and of its boot modules. Time is the instruction count, so the
 * same image and options give the same samples, whatever the host and the core; and sampling
 * only reads the machine, so the run is cycle for cycle the run without it.
 *
 * <p>For the bare machine only: under a VMM or on the RMR stack the CPU's pc belongs to whichever
 * VM or level is live, and the clock is not that VM's.
 */
public final class Profiler {
    private final Machine machine;
    private final long interval;
    private final List<CodeImage> images;
    private final Samples samples = new Samples();
    private final Sampler sampler;

    private Profiler(Machine machine, long interval, List<CodeImage> images) {
        this.machine = machine;
        this.interval = interval;
        this.images = images;
        Attribution attribution = new Attribution(machine.cp0(), machine.ram(), images);
        this.sampler = new Sampler(machine.cpu(), interval, attribution, samples);
    }

    /**
     * Samples {@code machine} every {@code interval} cycles from now on. {@code kernel} is its
     * image; the {@code modules} that are ELF executables lend their symbols to the code the
     * kernel loads from them (others are data to the profiler).
     */
    public static Profiler attach(Machine machine, long interval, ElfFile kernel, List<Boot.Module> modules) {
        if (machine.rmr() != null) throw new IllegalArgumentException("the profiler samples a plain R3000, not the RMR stack");
        List<CodeImage> images = new ArrayList<>();
        images.add(new CodeImage("", kernel));
        for (Boot.Module m : modules) {
            try {
                images.add(new CodeImage(m.name(), ElfFile.parse(m.bytes(), m.file())));
            } catch (BadInputException e) {
                // Not an executable: nothing of it runs where a symbol could name it.
            }
        }
        return new Profiler(machine, interval, List.copyOf(images));
    }

    /** Samples taken so far. */
    public long samples() { return samples.total(); }

    /**
     * Ends the sampling (taking the sample due at the cycle the run stopped at, if any) and gives
     * the profile's text; {@code image} and {@code args} name the kernel and its boot arguments
     * in its header.
     */
    public String report(String image, String args) {
        sampler.finish();
        return ProfileReport.text(image, args, interval, machine.clock().now(), images, samples);
    }
}
