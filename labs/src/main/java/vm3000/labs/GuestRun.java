package vm3000.labs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;
import vm3000.vmm.rmr.DeviceAccess;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.VmmStack;
import vm3000.vmm.trap.VmmStats;

/**
 * One run of a built-in kernel for a grader: on the bare machine, or as the one VM of a stack of
 * trap-and-emulate VMMs built with a student's {@link VmmParts}, or of RMR VMMs with a student's
 * {@link DeviceAccess}. What a check compares: how the run ended, the console, the cycles; and
 * what it counts: each VMM's monitor entries ({@code entries}, bottom first; none on the bare
 * machine), the bare machine's {@code counters}, the counters of the trap-and-emulate VMM that
 * hosts the VM ({@code stats}, its --stats block; null on the RMR stack), and
 * {@code outsideChanged}, the first host-physical address outside the VM's partition whose word
 * the run changed (-1: none, or not watched). A Java exception thrown by the student's code ends
 * the run and is kept, so that the grader can say where it came from.
 */
public record GuestRun(String kernel, int depth, PowerState.Reason reason, int exitCode, String message,
                       String transcript, long cycles, RuntimeException thrown, long[] entries, Counters counters,
                       VmmStats stats, long outsideChanged) {
    /** Every VM gets this much RAM, as in the VMM's equivalence tests. */
    static final int RAM = 16 << 20;
    /** No kernel of the exercises runs longer than this on the bare machine. */
    static final long LIMIT = 200_000_000L;

    /** The direct runs of the VM's user mode by the top trap-and-emulate VMM: each ended in a trap. */
    public long directRuns() { return stats == null ? 0 : stats.trapEntries(); }

    /** The direct runs the top VMM's own timer ended: at a slice end or the VM's next virtual event. */
    public long timerEnds() { return stats == null ? 0 : stats.traps(ExcCode.INT); }

    /** The console's lines. */
    public List<String> lines() { return transcript.lines().toList(); }

    /** How the run ended, in a few words ("power-off, exit code 0", "a machine check: ..."). */
    public String ending() {
        if (thrown != null) return "a Java exception from the VMM: " + thrown;
        return switch (reason) {
            case POWER_OFF -> "power-off with exit code " + exitCode;
            case MACHINE_CHECK -> "a machine check: " + message;
            case INSTRUCTION_LIMIT -> "no power-off within " + cycles + " cycles";
            default -> reason + ": " + message;
        };
    }

    /** {@code kernel} with {@code args} on the bare machine. */
    public static GuestRun bare(String kernel, String args) throws Exception { return bare(kernel, args, LIMIT); }

    /** {@code kernel} with {@code args} on the bare machine, stopped after {@code limit} cycles if it has not powered off. */
    public static GuestRun bare(String kernel, String args, long limit) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(MachineOptions.Core.BLOCK).withConsole(console)
                .withMessages(quiet());
        Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
        try {
            Boot.load(m, Kernels.load(kernel), args, List.of());
            PowerState p = m.run(limit);
            return new GuestRun(kernel, 0, p.reason(), p.exitCode(), p.message(),
                    console.toString(StandardCharsets.ISO_8859_1), m.clock().now(), null, new long[0], m.counters(), null,
                    -1);
        } finally {
            m.close();
        }
    }

    /**
     * {@code kernel} with {@code args} as the one VM of {@code depth} stacked VMMs built with
     * {@code parts}, stopped after {@code limit} of the VM's cycles if it has not powered off.
     */
    public static GuestRun underVmm(String kernel, String args, int depth, VmmParts parts, long limit) throws Exception {
        return underVmm(kernel, args, depth, parts, limit, 0);
    }

    /**
     * The same on a machine with {@code spare} bytes more RAM than the VMMs need, above the VM's
     * partition: RAM a VMM's mistake can reach, and {@code outsideChanged} tells.
     */
    public static GuestRun underVmm(String kernel, String args, int depth, VmmParts parts, long limit, int spare)
            throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ElfFile elf = Kernels.load(kernel);
        VmmStack stack = null;
        VirtualMachine vm = null;
        try {
            // building the stack runs the upper VMMs' first MTC0s through the parts already
            stack = VmmStack.create(VmmStack.hostRam(RAM, depth) + spare, elf.endian(), MachineOptions.Core.BLOCK,
                    depth, Allocator.DEFAULT_SLICE, parts);
            vm = stack.top().createVm(RAM, elf, args, List.of(), console, quiet(), MachineOptions.DEFAULT_SEED);
            vm.setLimit(limit);
            stack.top().sliceAlone(true); // the checks of virtual time look at slice ends, and exercise 5 counts them
            Outside outside = new Outside(stack);
            stack.top().run();
            PowerState p = vm.power();
            long[] entries = stack.levels().stream().mapToLong(l -> l.stats().monitorEntries()).toArray();
            return new GuestRun(kernel, depth, p.reason(), p.exitCode(), p.message(),
                    console.toString(StandardCharsets.ISO_8859_1), vm.clock().now(), null, entries, null,
                    stack.top().stats(), outside.firstChange());
        } catch (RuntimeException e) {
            return failed(kernel, depth, e, console, vm == null ? 0 : vm.clock().now(), stack == null ? null : stack.top().stats());
        } catch (StackOverflowError e) {
            RuntimeException r = new IllegalStateException("endless recursion: a part calls itself, directly or through "
                    + "the CPU (Reflection must not call Cp0.enterException or Cp0.rfe: they call Reflection back)");
            r.setStackTrace(e.getStackTrace().length > 64 ? java.util.Arrays.copyOf(e.getStackTrace(), 64) : e.getStackTrace());
            return failed(kernel, depth, r, console, vm == null ? 0 : vm.clock().now(), stack == null ? null : stack.top().stats());
        } finally {
            if (vm != null) vm.close();
            if (stack != null) stack.host().close();
        }
    }

    /**
     * {@code kernel} with {@code args} as the one VM of {@code depth} stacked RMR VMMs whose
     * interpreter of device accesses is {@code devices}, stopped after {@code limit} of the VM's
     * cycles if it has not powered off.
     */
    public static GuestRun underRmr(String kernel, String args, int depth, DeviceAccess devices, long limit)
            throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ElfFile elf = Kernels.load(kernel);
        RmrVmmStack stack = null;
        RmrVm vm = null;
        try {
            stack = RmrVmmStack.create(VmmStack.hostRam(RAM, depth), elf.endian(), MachineOptions.Core.BLOCK, depth,
                    Allocator.DEFAULT_SLICE, devices);
            vm = stack.top().createVm(RAM, elf, args, List.of(), console, quiet(), MachineOptions.DEFAULT_SEED);
            vm.setLimit(limit);
            stack.run();
            PowerState p = vm.power();
            long[] entries = stack.levels().stream().mapToLong(l -> l.stats().monitorEntries()).toArray();
            return new GuestRun(kernel, depth, p.reason(), p.exitCode(), p.message(),
                    console.toString(StandardCharsets.ISO_8859_1), vm.clock().now(), null, entries, null, null, -1);
        } catch (RuntimeException e) {
            return failed(kernel, depth, e, console, 0, null);
        } finally {
            if (vm != null) vm.close();
            if (stack != null) stack.host().close();
        }
    }

    private static GuestRun failed(String kernel, int depth, RuntimeException e, ByteArrayOutputStream console,
                                   long cycles, VmmStats stats) {
        return new GuestRun(kernel, depth, PowerState.Reason.MACHINE_CHECK, -1, String.valueOf(e.getMessage()),
                console.toString(StandardCharsets.ISO_8859_1), cycles, e, new long[0], null, stats, -1);
    }

    private static PrintStream quiet() { return new PrintStream(OutputStream.nullOutputStream()); }

    /**
     * The host's RAM outside the top VM's partition, as it was when made: the partitions of the
     * levels' first VMs nest, so the VM's RAM is one range of host-physical memory, from the sum of
     * their bases.
     */
    private static final class Outside {
        private final PhysicalMemory ram;
        private final int from, to;
        private final int[] words;

        Outside(VmmStack stack) {
            ram = stack.host().ram();
            int base = 0;
            for (TrapVmm level : stack.levels()) base += level.vms().get(0).partition().base();
            from = base;
            to = base + stack.top().vms().get(0).partition().size();
            words = new int[(ram.size() - (to - from)) / 4];
            int i = 0;
            for (int pa = 0; pa < from; pa += 4) words[i++] = ram.loadWord(pa);
            for (int pa = to; pa < ram.size(); pa += 4) words[i++] = ram.loadWord(pa);
        }

        /** The first address outside the partition whose word differs now, or -1. */
        long firstChange() {
            int i = 0;
            for (int pa = 0; pa < from; pa += 4) if (ram.loadWord(pa) != words[i++]) return pa;
            for (int pa = to; pa < ram.size(); pa += 4) if (ram.loadWord(pa) != words[i++]) return pa & 0xFFFFFFFFL;
            return -1;
        }
    }
}
