package vm3000.bench.matrix;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.isa.Op;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.vmm.rmr.RmrStats;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;
import vm3000.vmm.trap.VmmStats;

/**
 * A guest booted in a configuration, ready to run: on the bare machine, as the one VM of a
 * trap-and-emulate stack, or as the one VM of an RMR stack, on the block core, exactly as the
 * vmm module's equivalence tests run it. {@link #run} runs it to the end (the part a benchmark
 * times); then {@link #counts} reads every counter.
 */
public abstract class Booted {
    static final long LIMIT = 4_000_000_000L;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** Boots {@code guest} in {@code config}; the console is kept for the transcript. */
    public static Booted boot(Config config, Guest guest) throws Exception {
        return switch (config.scheme()) {
            case BARE -> new Bare(guest);
            case TRAP -> new Trap(guest, config.depth());
            case RMR -> new Rmr(guest, config.depth());
        };
    }

    /** Runs the guest to power-off (or to a stop, or to {@value #LIMIT} cycles); returns how it ended. */
    public abstract PowerState run();

    /** The counters of the run, after {@link #run}. */
    public abstract Counts counts();

    Outcome outcome(PowerState p, long cycles, Counters c) {
        return new Outcome(p.reason().name(), p.exitCode(), console.toString(StandardCharsets.ISO_8859_1), cycles,
                c.instructions(), c.totalExceptions(), c.tlbWrites());
    }

    private static final class Bare extends Booted {
        final Machine m;

        Bare(Guest g) throws Exception {
            MachineOptions o = MachineOptions.defaults().withRam(g.ram()).withCore(MachineOptions.Core.BLOCK)
                    .withConsole(console).withMessages(QUIET);
            m = Boot.machine(o, Sys161Config.defaults());
            Boot.load(m, g.elf(), g.args(), g.modules());
        }

        @Override public PowerState run() { return m.run(LIMIT); }

        @Override public Counts counts() {
            return new Counts(outcome(m.power(), m.clock().now(), m.counters()), List.of(), 0);
        }
    }

    private static final class Trap extends Booted {
        final VmmStack stack;
        final VirtualMachine vm;

        Trap(Guest g, int depth) throws Exception {
            stack = VmmStack.create(VmmStack.hostRam(g.ram(), depth), g.elf().endian(), MachineOptions.Core.BLOCK, depth,
                    Allocator.DEFAULT_SLICE);
            vm = stack.top().createVm(g.ram(), g.elf(), g.args(), g.modules(), console, QUIET, MachineOptions.DEFAULT_SEED);
            vm.setLimit(LIMIT);
        }

        @Override public PowerState run() {
            stack.top().run();
            return vm.power();
        }

        @Override public Counts counts() {
            List<LevelCounts> levels = new ArrayList<>();
            for (TrapVmm vmm : stack.levels()) {
                VmmStats s = vmm.stats();
                Map<String, Long> entries = new LinkedHashMap<>();
                for (int c = 0; c < 16; c++) if (s.traps(c) != 0) entries.put(ExcCode.name(c), s.traps(c));
                for (Op op : Op.values()) if (s.sensitive(op) != 0) entries.put(op.name().toLowerCase(java.util.Locale.ROOT), s.sensitive(op));
                levels.add(new LevelCounts(vmm.level(), entries, s.interpreted(), s.direct(), 0, s.shadowRefills(),
                        s.asidRecycles(), s.slices(), s.switches()));
            }
            PowerState p = vm.power();
            Outcome o = new Outcome(p.reason().name(), p.exitCode(), console.toString(StandardCharsets.ISO_8859_1),
                    vm.clock().now(), -1, -1, -1);
            return new Counts(o, levels, 0);
        }
    }

    private static final class Rmr extends Booted {
        final RmrVmmStack stack;
        final RmrVm vm;

        Rmr(Guest g, int depth) throws Exception {
            stack = RmrVmmStack.create(VmmStack.hostRam(g.ram(), depth), g.elf().endian(), MachineOptions.Core.BLOCK, depth,
                    Allocator.DEFAULT_SLICE);
            vm = stack.top().createVm(g.ram(), g.elf(), g.args(), g.modules(), console, QUIET, MachineOptions.DEFAULT_SEED);
            vm.setLimit(LIMIT);
        }

        @Override public PowerState run() {
            stack.run();
            return vm.power();
        }

        @Override public Counts counts() {
            List<LevelCounts> levels = new ArrayList<>();
            for (RmrVmm vmm : stack.levels()) {
                RmrStats s = vmm.stats();
                Map<String, Long> entries = new LinkedHashMap<>();
                for (RmrTrap.Kind k : RmrTrap.Kind.values()) {
                    if (s.entries(k) != 0) entries.put(Counters.ENTRY_KINDS[k.ordinal()], s.entries(k));
                }
                levels.add(new LevelCounts(s.level(), entries, 0, s.direct(), s.entries(RmrTrap.Kind.MEMORY), 0, 0,
                        s.slices(), s.switches()));
            }
            return new Counts(outcome(vm.power(), vm.clock().now(), vm.level().counters()), levels,
                    stack.host().rmr().switches());
        }
    }
}
