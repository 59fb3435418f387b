package vm3000.vmm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.rmr.LevelMonitor;
import vm3000.vmm.control.RmrMachineControl;
import vm3000.vmm.control.TrappingMachineControl;
import vm3000.vmm.rmr.RmrVmm;
import vm3000.vmm.trap.TrapVmm;

/**
 * A mixed stack: {@code rmrDepth} RMR VMMs at levels 0..k-1 of an RMR-stack machine, each with
 * one VM, and on top, at level k, {@code trapDepth} trap-and-emulate VMMs (the first on level k's
 * RMR through {@link RmrMachineControl}, each next one in a VM of the one below). The top
 * trap-and-emulate VMM hosts the guests. Level k looks like a bare R3000 to the trap-and-emulate
 * VMM, so its guests must see exactly their bare runs.
 */
public final class MixedStack {
    private final Machine host;
    private final List<RmrVmm> rmr;
    private final List<TrapVmm> trap;

    private MixedStack(Machine host, List<RmrVmm> rmr, List<TrapVmm> trap) {
        this.host = host;
        this.rmr = List.copyOf(rmr);
        this.trap = List.copyOf(trap);
    }

    public static MixedStack create(int ramBytes, Endian endian, MachineOptions.Core core, int rmrDepth, int trapDepth,
                                    long sliceCycles) {
        if (rmrDepth < 1 || trapDepth < 1) throw new IllegalArgumentException("depths must be at least 1");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions options = MachineOptions.defaults().withRam(ramBytes).withEndian(endian).withCore(core)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet).withRmrLevels(rmrDepth);
        Machine host = Boot.machine(options, Sys161Config.defaults());
        RmrMachineControl top = new RmrMachineControl(host);
        List<RmrVmm> rmr = new ArrayList<>();
        RmrVmm vmm = new RmrVmm(0, ramBytes, sliceCycles);
        rmr.add(vmm);
        for (int k = 1; k < rmrDepth; k++) {
            RmrVmm above = new RmrVmm(k, vmm.freeRam(), sliceCycles);
            vmm.createMonitorVm(above);
            rmr.add(above);
            vmm = above;
        }
        vmm.createMonitorVm((LevelMonitor) top);
        host.rmr().install(rmr.get(0));
        host.rmr().start(); // the RMR VMMs start level k with Load RMR
        if (!top.started()) throw new IllegalStateException("the RMR VMMs did not start level " + rmrDepth);
        List<TrapVmm> trap = new ArrayList<>();
        trap.add(new TrapVmm(rmrDepth, top, sliceCycles));
        for (int k = 1; k < trapDepth; k++) {
            trap.add(new TrapVmm(rmrDepth + k, TrappingMachineControl.inNewVm(trap.get(k - 1)), sliceCycles));
        }
        return new MixedStack(host, rmr, trap);
    }

    public Machine host() { return host; }
    public List<RmrVmm> rmr() { return rmr; }
    public List<TrapVmm> trap() { return trap; }
    public TrapVmm top() { return trap.get(trap.size() - 1); }
}
