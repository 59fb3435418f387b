package vm3000.labs;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import vm3000.cpu.MachineOptions;
import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.kernels.Kernels;
import vm3000.vmm.rmr.DeviceAccess;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmm;
import vm3000.vmm.trap.Allocator;

/**
 * Exercise 6's check of {@link DeviceAccess#isDevice} on traps no honest guest makes: asked
 * directly, with made-up trap records, of a VM that runs a guest kernel and of one that runs a
 * monitor, which memory traps are device accesses.
 */
record DeviceRules(String name, String hint) implements Check {
    private static final int SERIAL = Lamebus.BASE;

    @Override
    public String failure(LabParts parts) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RmrVmm vmm = new RmrVmm(0, 2 * GuestRun.RAM, Allocator.DEFAULT_SLICE);
        RmrVm guest = vmm.createVm(GuestRun.RAM, Kernels.load("hello"), "", List.of(), OutputStream.nullOutputStream(),
                quiet, MachineOptions.DEFAULT_SEED);
        RmrVm monitor = vmm.createMonitorVm(new RmrVmm(1, GuestRun.RAM / 2, Allocator.DEFAULT_SLICE));
        try {
            DeviceAccess d = parts.devices();
            String f = expect(d, guest, load(1, SERIAL), true, "a load of the serial card's register by the VM's own guest");
            if (f == null) f = expect(d, guest, load(2, SERIAL), false,
                    "a trap of depth 2: a level above the VM's, whose device lies past a window the VM itself owns");
            if (f == null) f = expect(d, monitor, load(1, SERIAL), false, "a trap of a VM that runs a monitor, which has no devices");
            if (f == null) f = expect(d, guest, load(1, GuestRun.RAM + 0x1000), false,
                    "a load just past the VM's RAM, where there is nothing");
            if (f == null) f = expect(d, guest, load(1, Lamebus.BASE - 4), false, "a load just below the LAMEbus window");
            return f;
        } finally {
            guest.close();
        }
    }

    private static RmrTrap load(int depth, int paddr) {
        return new RmrTrap(RmrTrap.Kind.MEMORY, depth, paddr, Access.LOAD, 4, 0, 0, 0, 0x80001000, null);
    }

    private String expect(DeviceAccess d, RmrVm vm, RmrTrap t, boolean want, String what) {
        boolean got;
        try {
            got = d.isDevice(vm, t);
        } catch (UnsupportedOperationException e) {
            if (String.valueOf(e.getMessage()).startsWith("exercise ")) return "not written yet (" + e.getMessage() + ").";
            return "isDevice threw " + e + " for " + what + ".";
        } catch (RuntimeException e) {
            return "isDevice threw " + e + " for " + what + ".";
        }
        if (got == want) return null;
        return String.format("isDevice says %s for %s (paddr 0x%08x, depth %d): it %s. %s", got, what, t.paddr(), t.depth(),
                want ? "is the VM's device access" : "is not a device access of this VM: a bus error", hint);
    }
}
