package vm3000.kernels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/** A built-in kernel booted on a bare machine (16 MiB, default devices) and run to power-off. */
record KernelRun(Machine machine, PowerState end, String transcript, String messages) {
    static final long LIMIT = 200_000_000L;

    /** Kernel {@code name} with its golden console input typed, if it has one. */
    static KernelRun boot(String name, String args) throws Exception {
        byte[] typed = Kernels.goldenInput(name);
        return boot(Kernels.load(name), args, List.of(), typed == null ? null : ConsoleInput.of(new ByteArrayInputStream(typed)));
    }

    static KernelRun boot(ElfFile elf, String args) throws Exception {
        return boot(elf, args, List.of());
    }

    static KernelRun boot(ElfFile elf, String args, List<Boot.Module> modules) throws Exception {
        return boot(elf, args, modules, null);
    }

    static KernelRun boot(ElfFile elf, String args, List<Boot.Module> modules, ConsoleInput input) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withConsole(console)
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine machine = Boot.machine(options, Sys161Config.defaults(), input);
        Boot.load(machine, elf, args, modules);
        PowerState end = machine.run(LIMIT);
        return new KernelRun(machine, end, console.toString(StandardCharsets.ISO_8859_1),
                messages.toString(StandardCharsets.UTF_8));
    }

    /** The way the run ended, for assertion messages. */
    String outcome() {
        return end.reason() + " exit " + end.exitCode() + " (" + end.message() + ")\n" + transcript + messages;
    }
}
