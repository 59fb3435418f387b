package vm3000.vmm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.CpuContext;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;

/** Runs guests on the bare machine and under VMM stacks, for comparing what they show. */
final class Runs {
    static final long LIMIT = 200_000_000L;
    static final int KERNEL_RAM = 16 << 20;
    static final int PROGRAM_RAM = 1 << 20;
    private static final Pattern ARGS = Pattern.compile("^#\\s*golden-args:(.*)$", Pattern.MULTILINE);

    /**
     * A guest: an image, its boot arguments, the RAM it expects, what is typed on its console
     * (or null), and its machine's slot table (System/161's sample one unless a test gives one).
     */
    record Guest(String name, ElfFile elf, String args, int ram, List<Boot.Module> modules, byte[] input,
                 Sys161Config config) {
        Guest(String name, ElfFile elf, String args, int ram) { this(name, elf, args, ram, List.of()); }
        Guest(String name, ElfFile elf, String args, int ram, List<Boot.Module> modules) {
            this(name, elf, args, ram, modules, null);
        }
        Guest(String name, ElfFile elf, String args, int ram, List<Boot.Module> modules, byte[] input) {
            this(name, elf, args, ram, modules, input, Sys161Config.defaults());
        }

        /** The same guest on the machine {@code cfg} describes, with its RAM size. */
        Guest on(Sys161Config cfg) { return new Guest(name, elf, args, cfg.ramSize(), modules, input, cfg); }

        /** A fresh console input with the guest's typed bytes, or null. */
        ConsoleInput console() { return input == null ? null : ConsoleInput.of(new ByteArrayInputStream(input)); }

        /** Its cards: System/161's sample slot table, its typed input, the default seed. */
        DeviceSetup devices(OutputStream console, PrintStream messages) {
            return new DeviceSetup(config, console, console(), messages, MachineOptions.DEFAULT_SEED);
        }
    }

    /**
     * How a run ended, what it printed, and the guest-visible state at the end: registers, pc,
     * every CP0 register, the TLB, and the clock (so virtual time must be exact too).
     */
    record Outcome(PowerState.Reason reason, int exitCode, String message, String transcript, String state) {
        static Outcome of(PowerState p, ByteArrayOutputStream console, Cpu cpu, Clock clock) {
            return new Outcome(p.reason(), p.exitCode(), p.message(), console.toString(StandardCharsets.ISO_8859_1),
                    Runs.state(cpu, clock));
        }
    }

    static String state(Cpu cpu, Clock clock) {
        int[] regs = new int[32];
        for (int r = 0; r < 32; r++) regs[r] = cpu.reg(r);
        return state(clock.now(), cpu.pc(), cpu.hi(), cpu.lo(), regs, cpu.cp0());
    }

    /** The same for a VM of the RMR VMM: its level's saved registers, its CP0, its time. */
    static String state(RmrVm vm) {
        CpuContext c = vm.level().context();
        int[] regs = new int[32];
        for (int r = 0; r < 32; r++) regs[r] = c.reg(r);
        return state(vm.clock().now(), c.pc(), c.hi(), c.lo(), regs, vm.level().cp0());
    }

    static String state(long cycles, int pc, int hi, int lo, int[] regs, Cp0 cp0) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("cycles %d pc %08x hi %08x lo %08x%n", cycles, pc, hi, lo));
        for (int r = 0; r < 32; r++) sb.append(String.format("r%d=%08x ", r, regs[r]));
        sb.append('\n');
        for (int r = 0; r < 16; r++) sb.append(String.format("c0_%d=%08x ", r, cp0.read(r, 0)));
        sb.append('\n');
        for (int i = 0; i < 64; i++) sb.append(String.format("%08x/%08x ", cp0.tlb().hi(i), cp0.tlb().lo(i)));
        return sb.toString();
    }

    static Guest kernel(String name) throws Exception {
        Matcher a = ARGS.matcher(Kernels.source(name));
        return new Guest(name, Kernels.load(name), a.find() ? a.group(1).strip() : "", KERNEL_RAM, List.of(),
                Kernels.goldenInput(name));
    }

    static Guest kernel(String name, String args) throws Exception {
        return new Guest(name, Kernels.load(name), args, KERNEL_RAM);
    }

    static Guest program(Path source) throws Exception {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String name = source.getFileName().toString();
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        return new Guest(name, ElfFile.parse(Assembler.assembleElf(text, source.toString(), asm), name), name, PROGRAM_RAM);
    }

    static Outcome bare(Guest g) throws Exception { return bare(g, LIMIT, m -> {}); }

    /** As {@link #bare(Guest)}, to {@code limit} cycles, with {@code setup} applied after the boot. */
    static Outcome bare(Guest g, long limit, java.util.function.Consumer<Cp0> setup) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(g.ram()).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(options, g.config(), g.console());
        Boot.load(m, g.elf(), g.args(), g.modules());
        setup.accept(m.cp0());
        try {
            return Outcome.of(m.run(limit), console, m.cpu(), m.clock());
        } finally {
            m.close();
        }
    }

    /**
     * The guests as VMs of the top RMR VMM of a stack of {@code depth} (guest kernels at level
     * {@code depth}); their outcomes in order. {@code keep} gets the stack, for its counters.
     */
    static List<Outcome> underRmr(int depth, List<Guest> guests, List<RmrVmmStack> keep) throws Exception {
        return underRmr(depth, guests, keep, LIMIT, c -> {});
    }

    /** As {@link #underRmr(int, List, List)}, each VM limited to {@code limit} of its own cycles, {@code setup} applied to its CP0 after boot. */
    static List<Outcome> underRmr(int depth, List<Guest> guests, List<RmrVmmStack> keep, long limit,
                                  java.util.function.Consumer<Cp0> setup) throws Exception {
        long ram = 0;
        for (Guest g : guests) ram += g.ram();
        RmrVmmStack stack = RmrVmmStack.create(VmmStack.hostRam(ram, depth), guests.get(0).elf().endian(),
                MachineOptions.Core.BLOCK, depth, Allocator.DEFAULT_SLICE);
        if (keep != null) keep.add(stack);
        List<ByteArrayOutputStream> consoles = new ArrayList<>();
        List<RmrVm> vms = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Guest g : guests) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            RmrVm vm = stack.top().createVm(g.ram(), g.elf(), g.args(), g.modules(), g.devices(console, quiet));
            vm.setLimit(limit);
            vm.setBootHook(level -> setup.accept(level.cp0()));
            consoles.add(console);
            vms.add(vm);
        }
        stack.run();
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            RmrVm vm = vms.get(i);
            out.add(new Outcome(vm.power().reason(), vm.power().exitCode(), vm.power().message(),
                    consoles.get(i).toString(StandardCharsets.ISO_8859_1), state(vm)));
            vm.close();
        }
        return out;
    }

    static List<Outcome> underRmr(int depth, List<Guest> guests) throws Exception { return underRmr(depth, guests, null); }

    /**
     * The guests as VMs of the top trap-and-emulate VMM of a mixed stack: {@code rmrDepth} RMR
     * VMMs below it, {@code trapDepth} trap-and-emulate VMMs at level {@code rmrDepth}.
     */
    static List<Outcome> underMixed(int rmrDepth, int trapDepth, List<Guest> guests, List<MixedStack> keep) throws Exception {
        long ram = 0;
        for (Guest g : guests) ram += g.ram();
        MixedStack stack = MixedStack.create(VmmStack.hostRam(ram, rmrDepth + trapDepth), guests.get(0).elf().endian(),
                MachineOptions.Core.BLOCK, rmrDepth, trapDepth, Allocator.DEFAULT_SLICE);
        if (keep != null) keep.add(stack);
        List<ByteArrayOutputStream> consoles = new ArrayList<>();
        List<VirtualMachine> vms = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Guest g : guests) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            VirtualMachine vm = stack.top().createVm(g.ram(), g.elf(), g.args(), g.modules(),
                    g.devices(console, quiet));
            vm.setLimit(LIMIT);
            consoles.add(console);
            vms.add(vm);
        }
        stack.top().run();
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            VirtualMachine vm = vms.get(i);
            out.add(Outcome.of(vm.power(), consoles.get(i), vm.cpu(), vm.clock()));
            vm.close();
        }
        return out;
    }

    /** The two VMMs, for tests that run the same guests under each. */
    enum Scheme { TRAP, RMR }

    static List<Outcome> under(Scheme scheme, int depth, List<Guest> guests, long limit,
                               java.util.function.Consumer<Cp0> setup) throws Exception {
        return scheme == Scheme.TRAP ? underVmm(depth, guests, null, limit, setup) : underRmr(depth, guests, null, limit, setup);
    }

    /** The guests as VMs of the top VMM of a stack of {@code depth}; their outcomes in order. */
    static List<Outcome> underVmm(int depth, List<Guest> guests) throws Exception {
        return underVmm(depth, guests, null);
    }

    static List<Outcome> underVmm(int depth, List<Guest> guests, List<VmmStack> keep) throws Exception {
        return underVmm(depth, guests, keep, LIMIT, c -> {});
    }

    /**
     * As {@link #underVmm(int, List)}, each VM limited to {@code limit} of its own cycles, with
     * {@code setup} applied to each VM's CP0 after its boot (as {@link #bare(Guest, long,
     * java.util.function.Consumer)} does to the bare machine's).
     */
    static List<Outcome> underVmm(int depth, List<Guest> guests, List<VmmStack> keep, long limit,
                                  java.util.function.Consumer<Cp0> setup) throws Exception {
        long ram = 0;
        for (Guest g : guests) ram += g.ram();
        VmmStack stack = VmmStack.create(VmmStack.hostRam(ram, depth), guests.get(0).elf().endian(),
                MachineOptions.Core.BLOCK, depth, Allocator.DEFAULT_SLICE);
        if (keep != null) keep.add(stack);
        TrapVmm top = stack.top();
        List<ByteArrayOutputStream> consoles = new ArrayList<>();
        List<VirtualMachine> vms = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Guest g : guests) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            VirtualMachine vm = top.createVm(g.ram(), g.elf(), g.args(), g.modules(),
                    g.devices(console, quiet));
            setup.accept(vm.cp0());
            vm.setLimit(limit);
            consoles.add(console);
            vms.add(vm);
        }
        top.run();
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            VirtualMachine vm = vms.get(i);
            out.add(Outcome.of(vm.power(), consoles.get(i), vm.cpu(), vm.clock()));
            vm.close();
        }
        return out;
    }
}
