package vm3000.vmm.rmr;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.dev.Sys161Config;

/**
 * {@code depth} RMR VMMs stacked on one machine with the RMR stack: VMM 0 at level 0, VMM k at
 * level k in the one VM of VMM k-1, each started by the one below with Load RMR. The top one hosts
 * the guest kernels, which run at level {@code depth}. Every VMM below the top has one VM and
 * no device to emulate, so it sets no timer: the guests' work reaches no level but the top VMM's.
 */
public final class RmrVmmStack {
    private final Machine host;
    private final List<RmrVmm> levels;

    private RmrVmmStack(Machine host, List<RmrVmm> levels) {
        this.host = host;
        this.levels = List.copyOf(levels);
    }

    /** A fresh machine of {@code ramBytes} with {@code depth} RMR levels, and the stack of VMMs on it. */
    public static RmrVmmStack create(int ramBytes, Endian endian, MachineOptions.Core core, int depth, long sliceCycles) {
        return create(ramBytes, endian, core, depth, sliceCycles, new DeviceInterpreter());
    }

    /** The same, every level's VMM with {@code devices} as its interpreter of device accesses (the course labs' graders). */
    public static RmrVmmStack create(int ramBytes, Endian endian, MachineOptions.Core core, int depth, long sliceCycles,
                                     DeviceAccess devices) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1: " + depth);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions options = MachineOptions.defaults().withRam(ramBytes).withEndian(endian).withCore(core)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet).withRmrLevels(depth);
        Machine host = Boot.machine(options, Sys161Config.defaults());
        List<RmrVmm> levels = new ArrayList<>();
        RmrVmm vmm = new RmrVmm(0, ramBytes, sliceCycles, devices);
        levels.add(vmm);
        for (int k = 1; k < depth; k++) {
            RmrVmm above = new RmrVmm(k, vmm.freeRam(), sliceCycles, devices);
            vmm.createMonitorVm(above);
            levels.add(above);
            vmm = above;
        }
        host.rmr().install(levels.get(0));
        return new RmrVmmStack(host, levels);
    }

    public Machine host() { return host; }
    public List<RmrVmm> levels() { return levels; }
    public RmrVmm top() { return levels.get(levels.size() - 1); }

    /** Runs every VM to its end: the machine runs until the last VMM halts. */
    public void run() { host.run(Long.MAX_VALUE); }

    /** Counters of every VMM by name, bottom first. */
    public java.util.List<Object> toList() {
        java.util.List<Object> l = new java.util.ArrayList<>();
        for (RmrVmm vmm : levels) l.add(vmm.stats().toMap());
        return l;
    }

    /** Counters of every VMM, bottom first, and the machine's. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (RmrVmm vmm : levels) sb.append(vmm.stats().report());
        sb.append(String.format("machine: %d level switches%n", host.rmr().switches()));
        return sb.toString();
    }
}
