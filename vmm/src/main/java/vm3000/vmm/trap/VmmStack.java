package vm3000.vmm.trap;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.dev.Sys161Config;
import vm3000.vmm.control.BareMachineControl;
import vm3000.vmm.control.TrappingMachineControl;

/**
 * {@code depth} trap-and-emulate VMMs stacked on one machine: VMM 1 on the bare machine, VMM k
 * inside the one monitor VM of VMM k-1. The top one hosts the guest kernels.
 */
public final class VmmStack {
    private final Machine host;
    private final List<TrapVmm> levels;

    private VmmStack(Machine host, List<TrapVmm> levels) {
        this.host = host;
        this.levels = List.copyOf(levels);
    }

    /** Host RAM that leaves {@code guestRam} bytes for the top VMM's VMs at {@code depth}. */
    public static int hostRam(long guestRam, int depth) {
        long bytes = ((guestRam + 0xFFF) & ~0xFFFL) + (long) depth * Allocator.RESERVED;
        if (bytes > Sys161Config.MAX_RAM) throw new IllegalArgumentException("VMs need more RAM than a machine can have");
        return (int) bytes;
    }

    /** A fresh machine of {@code ramBytes} (console and messages discarded: the VMM never uses them) and the stack on it. */
    public static VmmStack create(int ramBytes, Endian endian, MachineOptions.Core core, int depth, long sliceCycles) {
        return create(ramBytes, endian, core, depth, sliceCycles, VmmParts.REFERENCE);
    }

    /** The same, every level's VMM with the mechanisms {@code parts} (the course labs' graders). */
    public static VmmStack create(int ramBytes, Endian endian, MachineOptions.Core core, int depth, long sliceCycles,
                                  VmmParts parts) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions options = MachineOptions.defaults().withRam(ramBytes).withEndian(endian).withCore(core)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet);
        return on(Boot.machine(options, Sys161Config.defaults()), depth, sliceCycles, parts);
    }

    public static VmmStack on(Machine host, int depth, long sliceCycles) {
        return on(host, depth, sliceCycles, VmmParts.REFERENCE);
    }

    public static VmmStack on(Machine host, int depth, long sliceCycles, VmmParts parts) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1: " + depth);
        List<TrapVmm> levels = new ArrayList<>();
        levels.add(new TrapVmm(0, new BareMachineControl(host), sliceCycles, parts));
        for (int k = 2; k <= depth; k++) {
            levels.add(new TrapVmm(k - 1, TrappingMachineControl.inNewVm(levels.get(k - 2)), sliceCycles, parts));
        }
        return new VmmStack(host, levels);
    }

    public Machine host() { return host; }
    public List<TrapVmm> levels() { return levels; }
    public TrapVmm top() { return levels.get(levels.size() - 1); }

    /** Counters of every level by name, bottom first. */
    public java.util.List<Object> toList() {
        java.util.List<Object> l = new java.util.ArrayList<>();
        for (TrapVmm vmm : levels) l.add(vmm.stats().toMap());
        return l;
    }

    /** Counters of every level, bottom first. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (TrapVmm vmm : levels) sb.append(vmm.stats().report());
        return sb.toString();
    }
}
