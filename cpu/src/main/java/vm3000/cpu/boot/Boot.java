package vm3000.cpu.boot;

import java.nio.charset.StandardCharsets;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.DeviceContext;
import vm3000.cpu.dev.DeviceFactory;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.dev.Trace;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.elf.ElfLoader;
import vm3000.cpu.elf.LoadedImage;
import vm3000.cpu.trace.Sys161Dump;

/**
 * Builds a machine from a configuration and boots an ELF kernel on it, as System/161's boot ROM
 * does: the image is loaded at its kseg0/kseg1 addresses, the boot argument string (NUL-terminated,
 * padded to a word) is copied to the top of RAM and passed in $a0, $sp = $a0 - 4, every other
 * register is 0, and execution begins at the ELF entry in kernel mode with interrupts off and
 * Status.BEV set.
 */
public final class Boot {
    private Boot() {}

    /** Bytes at the top of RAM reserved for the argument string and the initial stack frame. */
    static final int ARGS_MAX = 1024;

    /**
     * A machine with the devices of {@code config}, which must be one whose cards cannot fail to
     * build (no disk: the defaults, say); RAM size from {@code options}; nothing typed.
     */
    public static Machine machine(MachineOptions options, Sys161Config config) {
        return machine(options, config, null);
    }

    /** The same with the serial console's input from {@code input} ({@code null}: nothing is typed). */
    public static Machine machine(MachineOptions options, Sys161Config config, ConsoleInput input) {
        try {
            return configured(options, config, input);
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A machine with the devices of {@code config}; RAM size from {@code options}; the console's
     * input from {@code input} ({@code null}: nothing is typed). A card that cannot be built (a
     * disk image that cannot be used) is bad input naming the configuration file and line.
     */
    public static Machine configured(MachineOptions options, Sys161Config config, ConsoleInput input)
            throws BadInputException {
        Machine m = new Machine(options);
        DeviceContext ctx = new DeviceContext(0, m.clock(), m.lamebus(), m.power(), options.console(), input,
                options.messages(), options.ramBytes(), options.randomSeed(), options.endian());
        DeviceFactory.attach(config.withRamSize(options.ramBytes()), ctx);
        for (int slot = 0; slot < Lamebus.SLOTS; slot++) {
            if (m.lamebus().device(slot) instanceof Trace trace) {
                trace.setOutput(m.sys161Output());
                trace.setFlagListener((flag, on) -> {
                    if (m.tracer() != null) m.tracer().set(flag, on);
                });
                trace.setDumpHandler(() -> Sys161Dump.print(m.sys161Output(), m, m.tracer()));
            }
        }
        return m;
    }

    /**
     * A file handed to the kernel along with its image (a user program, say): {@code name} is
     * how the kernel will know it, {@code file} how error messages name it.
     */
    public record Module(String name, String file, byte[] bytes) {}

    /**
     * The most bytes a next module may have in {@code ram} bytes of RAM, after the modules
     * {@code before} it (as {@link #load(Machine, ElfFile, String, List)} places them), so that a
     * module can be read no further than it could fit.
     */
    public static int moduleRoom(int ram, List<Module> before) {
        long below = ram - ARGS_MAX;
        for (Module mod : before) below = (below - mod.bytes().length) & ~0xFFFL;
        return (int) Math.max(0, below);
    }

    /**
     * Loads {@code elf} into {@code m} and points the CPU at its entry. Checks everything first:
     * on a BadInputException nothing has been written.
     */
    public static LoadedImage load(Machine m, ElfFile elf, String bootArgs) throws BadInputException {
        return load(m, elf, bootArgs, List.of());
    }

    /**
     * Loads {@code elf} and the boot {@code modules}. Each module is copied to RAM below the top
     * {@link #ARGS_MAX} bytes, page-aligned, the first one highest, and the boot argument string
     * gets a last word {@code modules=ADDR:LEN:NAME,...} (ADDR: the kseg0 address in 0x hex, LEN
     * in decimal bytes, NAME with blanks, commas and colons replaced by '_'). A kernel that
     * knows nothing of modules can ignore them; the kernel image must end below the lowest one.
     */
    public static LoadedImage load(Machine m, ElfFile elf, String bootArgs, List<Module> modules) throws BadInputException {
        int ram = m.ram().size();
        long below = ram - ARGS_MAX;
        int[] at = new int[modules.size()];
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < modules.size(); i++) {
            Module mod = modules.get(i);
            below = (below - mod.bytes().length) & ~0xFFFL;
            if (below < 0) throw BadInputException.in(mod.file(), "boot module does not fit in " + (ram >> 10) + " KiB of RAM");
            at[i] = (int) below;
            list.append(i == 0 ? "modules=" : ",").append(String.format("0x%08x:%d:%s",
                    0x80000000 | at[i], mod.bytes().length, mod.name().replaceAll("[\\s,:]", "_")));
        }
        if (!modules.isEmpty()) bootArgs = bootArgs.isEmpty() ? list.toString() : bootArgs + " " + list;
        for (ElfFile.Segment seg : elf.segments()) {
            long end = (seg.vaddr() & 0x1FFFFFFFL) + (seg.memsz() & 0xFFFFFFFFL);
            if (!modules.isEmpty() && end > below) {
                throw BadInputException.in(elf.file(), String.format("segment at 0x%08x (%d bytes) overlaps the boot "
                        + "modules from physical 0x%08x", seg.vaddr(), seg.memsz(), below));
            }
        }
        byte[] args = (bootArgs + "\0").getBytes(StandardCharsets.ISO_8859_1);
        if (args.length > ARGS_MAX - 16) {
            throw BadInputException.in(elf.file(), "boot argument string longer than " + (ARGS_MAX - 16) + " bytes");
        }
        int argsAt = ram - ((args.length + 3) & ~3);
        for (ElfFile.Segment seg : elf.segments()) {
            long end = (seg.vaddr() & 0x1FFFFFFFL) + (seg.memsz() & 0xFFFFFFFFL);
            if (end > ram - ARGS_MAX) {
                throw BadInputException.in(elf.file(), String.format("segment at 0x%08x (%d bytes) does not fit in "
                        + "%d KiB of RAM with the boot arguments above it", seg.vaddr(), seg.memsz(), ram >> 10));
            }
        }
        LoadedImage image = ElfLoader.load(elf, m.ram());
        for (int i = 0; i < modules.size(); i++) m.ram().write(at[i], modules.get(i).bytes(), 0, modules.get(i).bytes().length);
        m.ram().write(argsAt, args, 0, args.length);
        Cpu cpu = m.cpu();
        cpu.setReg(4, 0x80000000 | argsAt);       // $a0: the argument string, as System/161 places it
        cpu.setReg(29, (0x80000000 | argsAt) - 4); // $sp: just below it; nothing else is set
        cpu.setPc(image.entry());
        return image;
    }
}
