package vm3000.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.boot.Images;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.debug.GdbStub;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.profile.Profiler;
import vm3000.cpu.rmr.RmrStack;
import vm3000.cpu.trace.TraceFlags;
import vm3000.kernels.Kernels;

/** {@code vm3000 run}: boot a kernel and run it to power-off. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Boot IMAGE (an ELF32 MIPS executable, a .s file assembled first, or the name of a built-in "
                + "kernel such as hello or tinyos: see docs/guest-kernels.md) and run it until it powers off.", "The guest's console goes to standard output; the machine's own messages go to "
                + "standard error."},
        footer = {"", "Trace flags (System/161's): k kernel instructions, u user instructions, j jumps, "
                + "t TLB instructions, x exceptions, i interrupts (d n e accepted, print nothing).",
                "Console: standard input is the guest's keyboard (a terminal is put in raw mode and restored "
                + "on exit; a pipe or file is read as the guest asks, so the same bytes give the same run).",
                ExitCodes.SUMMARY})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--ram", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "RAM size, e.g. 16M or 512K (default: the configuration's, else 16M)")
    Integer ram;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "a System/161 sys161.conf (default: "
            + "./sys161.conf if there is one, as System/161 reads it; else serial 0, random 28, timer 29, trace 30, "
            + "mainboard 31)")
    Path config;

    @Option(names = {"-s", "--pass-signals"}, description = "with a terminal: Ctrl-C and the other signal keys go to "
            + "the guest instead of stopping vm3000 (System/161's -s)")
    boolean passSignals;

    @Option(names = "--max-instructions", paramLabel = "N", converter = NumberConverter.class,
            description = "stop after N instructions executed (default: no limit)")
    long maxInstructions = Long.MAX_VALUE;

    @Option(names = "--core", paramLabel = "CORE", description = "executor: interp (the reference interpreter) or "
            + "block (decoded blocks, the default); both behave identically. Tracing always uses interp.")
    String core = "block";

    @Option(names = {"-t", "--trace"}, paramLabel = "FLAGS", description = "trace to standard error in System/161's "
            + "format, e.g. kx (docs/tracing.md); the trace card's TRACE_ON and TRACE_OFF switch categories then")
    String trace;

    @Option(names = "--stats", description = "print the counters at power-off, and the host's wall time")
    boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "write every counter, per level and per VM, "
            + "how the run ended and the wall time to FILE as JSON (docs/debugging.md)")
    Path statsJson;

    @Option(names = "--profile", paramLabel = "FILE", description = "sample the guest's pc every --profile-interval "
            + "cycles of machine time and write where it was, by symbol of the kernel and its boot modules, to FILE as "
            + "text (docs/debugging.md). The run is the same with or without it, and so is the profile from run to run. "
            + "Not with --vmm or --rmr-levels")
    Path profile;

    @Option(names = "--profile-interval", paramLabel = "N", converter = NumberConverter.class,
            description = "with --profile: cycles between two samples, at least 1 (default " + ProfileRun.DEFAULT_INTERVAL + ")")
    Long profileInterval;

    @Option(names = "--seed", paramLabel = "N", converter = NumberConverter.class,
            description = "seed of the random device unless its configuration line gives seed=, decimal or 0x hex "
                    + "(default 0x5eed5eed; with 'random autoseed' a fresh seed each run, printed on standard error)")
    Long seed;

    @Option(names = "--module", paramLabel = "FILE", description = "a boot module for the kernel (e.g. a user "
            + "program for tinyos, or the kernel rmrmon runs): a file, or the name of a built-in kernel; may be "
            + "repeated. Placed in RAM below the boot arguments, which get 'modules=ADDR:LEN:NAME,...' appended")
    List<Path> modules = new ArrayList<>();

    @Option(names = "--rmr-levels", paramLabel = "N", description = "give the machine the RMR stack with N levels "
            + "above level 0 (1.." + RmrStack.MAX_LEVELS + "; docs/rmr.md); IMAGE runs at level 0. Default 0: the "
            + "plain R3000. E.g. --rmr-levels 2 rmrmon --module rmrmon --module hello")
    int rmrLevels;

    @Option(names = "--vmm", paramLabel = "KIND", description = "run the images as virtual machines under a VMM: "
            + "trap (trap-and-emulate, on the plain machine) or rmr (on the RMR stack: guest kernels run directly). "
            + "Then every IMAGE[:ARGS] is one VM (e.g. tinyos cp0:100 syscall:50), --ram is each VM's RAM, "
            + "--max-instructions each VM's limit, every --module goes to every VM, --core is the host's")
    String vmm;

    @Option(names = "--depth", paramLabel = "N", description = "with --vmm: N VMMs stacked, each a guest of the one "
            + "below (default 1)")
    Integer depth;

    @Option(names = "--lab", paramLabel = "N", description = "with --vmm trap: build the VMM as the grader of course "
            + "lab exercise N does: the parts of exercises 1 to N as this tree has them, stand-ins for the later ones "
            + "(docs/labs/README.md); for a student tree where those are not written yet")
    Integer lab;

    @Option(names = "--vm-output", paramLabel = "DIR", description = "with --vmm: each VM's console to DIR/vmN.txt "
            + "instead of standard output (as it is for one VM; each line prefixed with [vmN] for several)")
    Path vmOutput;

    @Option(names = "--gdb", paramLabel = "PORT|unix:PATH", description = "serve gdb's remote protocol on TCP PORT "
            + "of the loopback interface (gdb: target remote :PORT), or, as System/161 does, on the Unix-domain socket "
            + "PATH (unix:.sockets/gdb; gdb: target remote unix:PATH; made on start, removed at exit); the guest's "
            + "request for the debugger (the trace card, as OS/161's panic writes it) then waits for gdb instead of "
            + "stopping the machine. With --vmm, VM i on PORT+i, or vm0 on PATH and VM i on PATH.vmI. PORT 0: any free "
            + "port (each VM its own), printed on standard error. docs/debugging.md")
    String gdb;

    @Option(names = {"-w", "--gdb-wait"}, description = "with --gdb: wait for the debugger before the first "
            + "instruction (System/161's -w)")
    boolean gdbWait;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "ELF executable, .s file, or built-in kernel name")
    Path image;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the boot argument string, passed in $a0")
    List<String> args = List.of();

    @Override
    public Integer call() {
        PrintStream err = main.err;
        if (vmm != null && rmrLevels != 0) {
            err.println("vm3000: --rmr-levels runs IMAGE at level 0 of the RMR machine; it does not go with --vmm");
            return ExitCodes.BAD_INPUT;
        }
        if (vmm != null) return new VmmRun(this).call();
        try {
            if (depth != null) throw new BadInputException("--depth needs --vmm trap");
            if (vmOutput != null) throw new BadInputException("--vm-output needs --vmm trap");
            if (lab != null) throw new BadInputException("--lab needs --vmm trap");
            GdbRun.Address gdbAt = GdbRun.checkOptions(gdb, gdbWait, 1);
            if (gdbAt != null && rmrLevels != 0) throw new BadInputException("--gdb does not go with --rmr-levels");
            if (maxInstructions <= 0) throw new BadInputException("--max-instructions must be positive");
            if (rmrLevels < 0 || rmrLevels > RmrStack.MAX_LEVELS) {
                throw new BadInputException("--rmr-levels must be 0.." + RmrStack.MAX_LEVELS + ": " + rmrLevels);
            }
            Set<TraceFlags> flags = parseTrace();
            checkStatsJson();
            long profileEvery = ProfileRun.checkOptions(profile, profileInterval, false, rmrLevels);
            Sys161Config cfg = configuration();
            ElfFile elf = image(image);
            MachineOptions options = MachineOptions.defaults().withConsole(new FlushedOutput(main.out)).withMessages(err)
                    .withRam(ram != null ? ram : cfg.ramSize())
                    .withEndian(elf.endian())
                    .withSeed(seed(cfg))
                    .withCore(parseCore())
                    .withRmrLevels(rmrLevels);
            List<Boot.Module> mods = new ArrayList<>();
            for (Path p : modules) mods.add(module(p, options.ramBytes(), mods));
            try (HostConsole keyboard = main.console(passSignals)) {
                Machine[] running = new Machine[1];
                Machine machine = Boot.configured(options, cfg, keyboard.input(() -> running[0].cpu().waiting()));
                running[0] = machine;
                GdbStub stub = null;
                try {
                    Boot.load(machine, elf, String.join(" ", args), mods);
                    Profiler profiler = profile != null ? Profiler.attach(machine, profileEvery, elf, mods) : null;
                    if (trace != null) machine.trace(flags).printEnabled();
                    if (gdbAt != null) stub = GdbRun.attach(machine, gdbAt, gdbWait, err);
                    long start = System.nanoTime();
                    PowerState power = stub != null ? GdbRun.run(machine, stub, maxInstructions) : machine.run(maxInstructions);
                    long wall = System.nanoTime() - start;
                    main.out.flush();
                    int code = report(machine, power, err, wall);
                    if (profiler != null) ProfileRun.write(profile, profiler.report(image.toString(), String.join(" ", args)));
                    return code;
                } finally {
                    if (stub != null) stub.close();
                    machine.close();
                }
            }
        } catch (BadInputException e) {
            main.out.flush();
            err.println("vm3000: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /**
     * The slot table: {@code --config}, else {@code ./sys161.conf} if there is one (System/161's
     * default), else System/161's sample table. Its notes go to standard error.
     */
    Sys161Config configuration() throws BadInputException {
        Path file = config;
        if (file == null && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) file = Path.of(DEFAULT_CONFIG);
        Sys161Config cfg = file == null ? Sys161Config.defaults() : Sys161Config.read(file);
        for (String note : cfg.notes()) main.err.println("vm3000: " + note);
        return cfg;
    }

    /** --stats-json names a file that can be written at the end: refused before the run, not after it. */
    void checkStatsJson() throws BadInputException {
        if (statsJson != null) checkWritable(statsJson, "--stats-json");
    }

    /** An output {@code file} of {@code option}, written at the end: a directory, or one in a missing directory, is refused now. */
    static void checkWritable(Path file, String option) throws BadInputException {
        if (Files.isDirectory(file)) throw BadInputException.in(file.toString(), option + ": is a directory");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw BadInputException.in(file.toString(), option + ": no such directory " + parent);
        }
    }

    /** System/161 reads this file from the current directory when no -c is given. */
    static final String DEFAULT_CONFIG = "sys161.conf";

    /**
     * The machine's seed: {@code --seed}, else with {@code random autoseed} a fresh one (printed,
     * so the run can be repeated), else the fixed default.
     */
    long seed(Sys161Config cfg) {
        if (seed != null) return seed;
        if (!cfg.autoseed()) return MachineOptions.DEFAULT_SEED;
        long chosen = new java.security.SecureRandom().nextInt() & 0xFFFFFFFFL;
        main.err.printf("vm3000: random: autoseed chose seed 0x%08x (--seed 0x%08x repeats this run)%n", chosen, chosen);
        return chosen;
    }

    MachineOptions.Core parseCore() throws BadInputException {
        switch (core) {
            case "interp": return MachineOptions.Core.INTERP;
            case "block": return MachineOptions.Core.BLOCK;
            default: throw new BadInputException("--core: '" + core + "' is not a core (interp or block)");
        }
    }

    /**
     * The boot module in file {@code p}, or else the built-in kernel of that name; a file is read
     * only as far as it could fit in {@code ram} bytes of RAM after the modules {@code before} it.
     */
    static Boot.Module module(Path p, int ram, List<Boot.Module> before) throws BadInputException {
        if (!Files.exists(p) && Kernels.exists(p.toString())) {
            return new Boot.Module(p.toString(), p.toString(), Kernels.bytes(p.toString()));
        }
        byte[] bytes = Images.readBytes(p, Boot.moduleRoom(ram, before), "boot module does not fit in " + (ram >> 10) + " KiB of RAM");
        return new Boot.Module(p.getFileName().toString(), p.toString(), bytes);
    }

    /** The file IMAGE, or else the built-in kernel of that name (vm3000 run tinyos). */
    static ElfFile image(Path image) throws BadInputException {
        if (!Files.exists(image) && Kernels.exists(image.toString())) return Kernels.load(image.toString());
        return Images.read(image);
    }

    private Set<TraceFlags> parseTrace() throws BadInputException {
        if (trace == null) return EnumSet.noneOf(TraceFlags.class);
        try {
            return TraceFlags.parse(trace);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--trace: " + e.getMessage());
        }
    }

    private int report(Machine machine, PowerState power, PrintStream err, long wall) throws BadInputException {
        if (trace != null) machine.printSys161End();
        int code;
        switch (power.reason()) {
            case POWER_OFF:
                code = ExitCodes.ofGuest(power.exitCode());
                err.printf("vm3000: power off after %d cycles (%s)%n", machine.clock().now(), power.message());
                if (code == ExitCodes.GUEST_OTHER) {
                    err.printf("vm3000: the guest's exit code %d is reported as %d%n", power.exitCode(), code);
                }
                break;
            case INSTRUCTION_LIMIT:
                code = ExitCodes.INSTRUCTION_LIMIT;
                err.printf("vm3000: stopped: %s at pc 0x%08x%n", power.message(), machine.cpu().pc());
                break;
            default:
                code = ExitCodes.MACHINE_CHECK;
                err.printf("vm3000: %s%n", power.message());
                break;
        }
        if (stats) {
            err.printf("cycles: %d%n", machine.clock().now());
            err.print(machine.rmr() != null ? machine.rmr().report() : machine.counters().report());
            err.print(StatsJson.hostLine(wall, machine.clock().now()));
        }
        err.flush();
        if (statsJson != null) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("image", image.toString());
            doc.put("outcome", StatsJson.outcome(power, code));
            doc.put("cycles", machine.clock().now());
            doc.put("counters", machine.counters().toMap());
            if (machine.rmr() != null) doc.put("rmr", machine.rmr().toMap());
            doc.put("host", StatsJson.host(wall, machine.clock().now()));
            StatsJson.write(statsJson, doc);
        }
        return code;
    }
}
