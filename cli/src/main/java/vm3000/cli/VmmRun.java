package vm3000.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.boot.Images;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;

/** {@code vm3000 run --vmm trap [--depth N] IMAGE[:ARGS]...}: one VM per image under a stack of VMMs. */
final class VmmRun {
    private final RunCommand cmd;
    private final PrintStream err;

    VmmRun(RunCommand cmd) {
        this.cmd = cmd;
        this.err = cmd.main.err;
    }

    /** One VM to boot: its image and boot arguments. */
    private record Spec(String label, ElfFile elf, String args) {}

    int call() {
        List<OutputStream> consoles = new ArrayList<>();
        try {
            if (!cmd.vmm.equals("trap")) throw new BadInputException("--vmm: '" + cmd.vmm + "' is not a VMM (trap)");
            int depth = cmd.depth == null ? 1 : cmd.depth;
            if (depth < 1 || depth > 8) throw new BadInputException("--depth must be 1..8: " + depth);
            if (cmd.maxInstructions <= 0) throw new BadInputException("--max-instructions must be positive");
            List<Spec> specs = specs();
            Sys161Config cfg = cmd.config == null ? Sys161Config.defaults() : Sys161Config.read(cmd.config);
            int ram = cmd.ram != null ? cmd.ram : cfg.ramSize();
            int hostRam;
            try {
                hostRam = VmmStack.hostRam((long) ram * specs.size(), depth);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--ram: " + e.getMessage());
            }
            VmmStack stack = VmmStack.create(hostRam, specs.get(0).elf().endian(), MachineOptions.Core.BLOCK,
                    depth, Allocator.DEFAULT_SLICE);
            TrapVmm top = stack.top();
            List<Boot.Module> mods = new ArrayList<>();
            for (Path p : cmd.modules) mods.add(new Boot.Module(p.getFileName().toString(), p.toString(), Images.readBytes(p)));
            List<VirtualMachine> vms = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                OutputStream console = console(i);
                consoles.add(console);
                VirtualMachine vm = top.createVm(ram, specs.get(i).elf(), specs.get(i).args(), mods, console, err,
                        cmd.seed != null ? cmd.seed : MachineOptions.DEFAULT_SEED);
                vm.setLimit(cmd.maxInstructions);
                vms.add(vm);
            }
            top.run();
            for (OutputStream c : consoles) c.close();
            cmd.main.out.flush();
            return report(specs, vms, stack);
        } catch (BadInputException e) {
            cmd.main.out.flush();
            err.println("vm3000: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("vm3000: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Every positional parameter is IMAGE or IMAGE:ARGS (args separated by blanks in one word, or by commas). */
    private List<Spec> specs() throws BadInputException {
        List<String> words = new ArrayList<>();
        words.add(cmd.image.toString());
        words.addAll(cmd.args);
        List<Spec> specs = new ArrayList<>();
        for (String w : words) {
            String image = w;
            String args = "";
            int colon = w.indexOf(':');
            if (colon > 0 && !Files.exists(Path.of(w))) {
                image = w.substring(0, colon);
                args = w.substring(colon + 1).replace(',', ' ');
            }
            specs.add(new Spec(image, RunCommand.image(Path.of(image)), args));
        }
        return specs;
    }

    private OutputStream console(int i) throws IOException {
        if (cmd.vmOutput == null) return new PrefixedLines(cmd.main.out, "[vm" + i + "] ");
        Files.createDirectories(cmd.vmOutput);
        return Files.newOutputStream(cmd.vmOutput.resolve("vm" + i + ".txt"));
    }

    private int report(List<Spec> specs, List<VirtualMachine> vms, VmmStack stack) {
        int code = 0;
        for (int i = 0; i < vms.size(); i++) {
            PowerState p = vms.get(i).power();
            int c;
            switch (p.reason()) {
                case POWER_OFF: c = p.exitCode() & 0xFF; break;
                case INSTRUCTION_LIMIT: c = ExitCodes.INSTRUCTION_LIMIT; break;
                default: c = ExitCodes.MACHINE_CHECK; break;
            }
            err.printf("vm3000: vm%d (%s): exit code %d after %d cycles (%s)%n", i, specs.get(i).label(), c,
                    vms.get(i).clock().now(), p.message());
            if (code == 0) code = c;
        }
        if (cmd.stats) {
            err.printf("vmm: trap-and-emulate, depth %d, %d VMs%n", stack.levels().size(), vms.size());
            err.print(stack.report());
            err.printf("host: %d cycles%n", stack.host().clock().now());
            err.print(stack.host().counters().report());
        }
        err.flush();
        return code;
    }
}
