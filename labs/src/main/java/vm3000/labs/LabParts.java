package vm3000.labs;

import java.util.Objects;

import vm3000.vmm.rmr.DeviceAccess;
import vm3000.vmm.rmr.DeviceInterpreter;
import vm3000.vmm.trap.VmmParts;

/**
 * Everything a student writes in the course labs, each behind an interface: the trap-and-emulate
 * VMM's parts (exercises 1 to 4), the model of exit multiplication (exercises 5 and 6) and the
 * RMR VMM's interpreter of device accesses (exercise 6). {@link #TREE} is what this tree holds:
 * the reference solutions in the project, the student's own code in a student tree.
 */
public record LabParts(VmmParts vmm, ExitModel exits, DeviceAccess devices) {
    /** The parts of this tree. */
    public static final LabParts TREE = new LabParts(VmmParts.REFERENCE, new ExitMultiplication(), new DeviceInterpreter());

    public LabParts {
        Objects.requireNonNull(vmm, "vmm");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(devices, "devices");
    }

    public LabParts withVmm(VmmParts v) { return new LabParts(v, exits, devices); }

    public LabParts withExits(ExitModel e) { return new LabParts(vmm, e, devices); }

    public LabParts withDevices(DeviceAccess d) { return new LabParts(vmm, exits, d); }
}
