package vm3000.vmm.devices;

import java.io.OutputStream;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.elf.ElfFile;

/**
 * A guest kernel laid out as System/161's boot ROM would lay it out on a machine with the VM's
 * RAM: the image, the boot modules and the argument string, on a scratch machine whose RAM and
 * registers a VMM then copies into the VM (both VMMs boot their VMs so).
 */
public final class GuestBoot {
    private GuestBoot() {}

    /** The scratch machine, booted: its RAM is the VM's first memory image, its CPU the VM's first registers. */
    public static Machine layOut(int ramBytes, ElfFile elf, String args, List<Boot.Module> modules) throws BadInputException {
        Machine scratch = new Machine(MachineOptions.defaults().withRam(ramBytes).withEndian(elf.endian())
                .withConsole(OutputStream.nullOutputStream()).withCore(MachineOptions.Core.INTERP));
        Boot.load(scratch, elf, args, modules);
        return scratch;
    }
}
