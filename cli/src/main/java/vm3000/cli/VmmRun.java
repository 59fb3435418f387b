package vm3000.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import vm3000.cpu.BadInputException;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.debug.GdbStub;
import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.labs.Exercise;
import vm3000.labs.Exercises;
import vm3000.vmm.devices.DeviceSetup;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.VmmStack;

/**
 * {@code vm3000 run --vmm trap|rmr [--depth N] IMAGE[:ARGS]...}: one VM per image under a stack of
 * N VMMs, trap-and-emulate on the plain machine or RMR VMMs on the RMR stack. With one VM its
 * console is standard output byte for byte, as on the bare machine.
 */
final class VmmRun {
    private final RunCommand cmd;
    private final PrintStream err;

    VmmRun(RunCommand cmd) {
        this.cmd = cmd;
        this.err = cmd.main.err;
    }

    /** One VM to boot: its image and boot arguments. */
    private record Spec(String label, ElfFile elf, String args) {}

    /** What the report needs of a VM, whichever VMM ran it. */
    private record Ended(PowerState power, long cycles) {}

    int call() {
        List<OutputStream> consoles = new ArrayList<>();
        try {
            boolean rmr;
            switch (cmd.vmm) {
                case "trap": rmr = false; break;
                case "rmr": rmr = true; break;
                default: throw new BadInputException("--vmm: '" + cmd.vmm + "' is not a VMM (trap or rmr)");
            }
            int depth = cmd.depth == null ? 1 : cmd.depth;
            if (depth < 1 || depth > 8) throw new BadInputException("--depth must be 1..8: " + depth);
            if (cmd.maxInstructions <= 0) throw new BadInputException("--max-instructions must be positive");
            if (cmd.trace != null) throw new BadInputException("--trace traces the bare machine; it does not go with --vmm");
            VmmParts parts = VmmParts.REFERENCE;
            if (cmd.lab != null) {
                if (rmr) throw new BadInputException("--lab builds a trap-and-emulate VMM: it needs --vmm trap");
                Exercise e = Exercises.number(cmd.lab).orElseThrow(() -> new BadInputException(
                        "--lab: no exercise " + cmd.lab + " (vm3000 lab list)"));
                parts = e.scope().apply(parts);
            }
            ProfileRun.checkOptions(cmd.profile, cmd.profileInterval, true, 0);
            MachineOptions.Core core = cmd.parseCore();
            List<Spec> specs = specs();
            cmd.checkStatsJson();
            GdbRun.Address gdbAt = GdbRun.checkOptions(cmd.gdb, cmd.gdbWait, specs.size());
            Sys161Config cfg = cmd.configuration();
            int ram = cmd.ram != null ? cmd.ram : cfg.ramSize();
            int hostRam;
            try {
                hostRam = VmmStack.hostRam((long) ram * specs.size(), depth);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--ram: " + e.getMessage());
            }
            List<Boot.Module> mods = new ArrayList<>();
            for (Path p : cmd.modules) mods.add(RunCommand.module(p, ram, mods));
            long seed = cmd.seed(cfg);
            for (int i = 0; i < specs.size(); i++) consoles.add(console(i, specs.size()));
            List<Ended> ended = new ArrayList<>();
            String stats;
            Map<String, Object> doc = new LinkedHashMap<>();
            long wall;
            try (HostConsole keyboard = cmd.main.console(cmd.passSignals)) {
                // The keyboard is vm0's: the VM whose console is standard output, or the first of several.
                BooleanSupplier[] vm0Idles = {() -> false};
                ConsoleInput typed = keyboard.input(() -> vm0Idles[0].getAsBoolean());
                if (rmr) {
                    RmrVmmStack stack = RmrVmmStack.create(hostRam, specs.get(0).elf().endian(), core, depth, Allocator.DEFAULT_SLICE);
                    List<RmrVm> vms = new ArrayList<>();
                    try {
                        for (int i = 0; i < specs.size(); i++) {
                            RmrVm vm = stack.top().createVm(ram, specs.get(i).elf(), specs.get(i).args(), mods,
                                    new DeviceSetup(cfg, consoles.get(i), i == 0 ? typed : null, err, seed));
                            vm.setLimit(cmd.maxInstructions);
                            vms.add(vm);
                        }
                        vm0Idles[0] = vms.get(0)::idling;
                        RmrGdb gdb = null;
                        try {
                            if (gdbAt != null) gdb = RmrGdb.attach(stack, vms, gdbAt, cmd.gdbWait, err);
                            long start = System.nanoTime();
                            if (gdb == null) stack.run();
                            else gdb.run();
                            wall = System.nanoTime() - start;
                            if (gdb != null) gdb.finish();
                        } finally {
                            if (gdb != null) gdb.close();
                        }
                        for (RmrVm vm : vms) ended.add(new Ended(vm.power(), vm.clock().now()));
                    } finally {
                        for (RmrVm vm : vms) vm.close();
                    }
                    stats = String.format("vmm: RMR stack, depth %d, %d VM%s%n", depth, vms.size(), vms.size() == 1 ? "" : "s") + stack.report()
                            + String.format("host: %d cycles%n", stack.host().clock().now()) + stack.host().rmr().report();
                    doc.put("vmm", "rmr");
                    doc.put("depth", depth);
                    doc.put("levels", stack.toList());
                    doc.put("machine", Map.of("cycles", stack.host().clock().now(), "rmr", stack.host().rmr().toMap()));
                } else {
                    VmmStack stack = VmmStack.create(hostRam, specs.get(0).elf().endian(), core, depth, Allocator.DEFAULT_SLICE,
                            parts);
                    List<VirtualMachine> vms = new ArrayList<>();
                    try {
                        for (int i = 0; i < specs.size(); i++) {
                            VirtualMachine vm = stack.top().createVm(ram, specs.get(i).elf(), specs.get(i).args(), mods,
                                    new DeviceSetup(cfg, consoles.get(i), i == 0 ? typed : null, err, seed));
                            vm.setLimit(cmd.maxInstructions);
                            vms.add(vm);
                        }
                        vm0Idles[0] = vms.get(0).cpu()::waiting;
                        List<GdbStub> stubs = new ArrayList<>();
                        try {
                            if (gdbAt != null) {
                                for (VirtualMachine vm : vms) {
                                    stubs.add(GdbRun.attach(vm, stack.top().endian(), gdbAt, cmd.gdbWait, err));
                                }
                            }
                            long start = System.nanoTime();
                            stack.top().run();
                            wall = System.nanoTime() - start;
                            for (int i = 0; i < stubs.size(); i++) stubs.get(i).tellTheEnd(vms.get(i).power());
                        } finally {
                            for (GdbStub s : stubs) s.close();
                        }
                        for (VirtualMachine vm : vms) ended.add(new Ended(vm.power(), vm.clock().now()));
                    } finally {
                        for (VirtualMachine vm : vms) vm.close();
                    }
                    stats = String.format("vmm: trap-and-emulate, depth %d, %d VM%s%n", depth, vms.size(), vms.size() == 1 ? "" : "s") + stack.report()
                            + String.format("host: %d cycles%n", stack.host().clock().now()) + stack.host().counters().report();
                    doc.put("vmm", "trap");
                    doc.put("depth", depth);
                    doc.put("levels", stack.toList());
                    doc.put("machine", Map.of("cycles", stack.host().clock().now(), "counters", stack.host().counters().toMap()));
                }
            }
            for (OutputStream c : consoles) c.flush();
            if (cmd.vmOutput != null) for (OutputStream c : consoles) c.close();
            cmd.main.out.flush();
            return report(specs, ended, stats, doc, wall);
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

    /** VM i's console: its file, standard output itself for a single VM, else prefixed lines. */
    private OutputStream console(int i, int vms) throws IOException, BadInputException {
        if (cmd.vmOutput != null) {
            if (Files.exists(cmd.vmOutput) && !Files.isDirectory(cmd.vmOutput)) {
                throw new BadInputException("--vm-output: " + cmd.vmOutput + " is not a directory");
            }
            Files.createDirectories(cmd.vmOutput);
            return Files.newOutputStream(cmd.vmOutput.resolve("vm" + i + ".txt"));
        }
        if (vms == 1) return new FlushedOutput(cmd.main.out);
        return new PrefixedLines(cmd.main.out, "[vm" + i + "] ");
    }

    private int report(List<Spec> specs, List<Ended> ended, String stats, Map<String, Object> doc, long wall)
            throws BadInputException {
        int code = 0;
        long cycles = 0;
        List<Object> vmDocs = new ArrayList<>();
        for (int i = 0; i < ended.size(); i++) {
            PowerState p = ended.get(i).power();
            int c;
            switch (p.reason()) {
                case POWER_OFF: c = ExitCodes.ofGuest(p.exitCode()); break;
                case INSTRUCTION_LIMIT: c = ExitCodes.INSTRUCTION_LIMIT; break;
                default: c = ExitCodes.MACHINE_CHECK; break;
            }
            err.printf("vm3000: vm%d (%s): exit code %d after %d cycles (%s)%n", i, specs.get(i).label(), c,
                    ended.get(i).cycles(), p.message());
            if (p.reason() == PowerState.Reason.POWER_OFF && c == ExitCodes.GUEST_OTHER) {
                err.printf("vm3000: vm%d: the guest's exit code %d is reported as %d%n", i, p.exitCode(), c);
            }
            if (code == 0) code = c;
            cycles += ended.get(i).cycles();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("vm", i);
            v.put("image", specs.get(i).label());
            v.put("outcome", StatsJson.outcome(p, c));
            v.put("cycles", ended.get(i).cycles());
            vmDocs.add(v);
        }
        if (cmd.stats) err.print(stats + StatsJson.hostLine(wall, cycles));
        if (cmd.statsJson != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("vms", vmDocs);
            all.putAll(doc);
            all.put("host", StatsJson.host(wall, cycles));
            StatsJson.write(cmd.statsJson, all);
        }
        err.flush();
        return code;
    }
}
