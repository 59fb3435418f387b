package vm3000.cpu.profile;

import java.util.List;

import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;
import vm3000.cpu.mmu.Translation;

/**
 * Which program's code is at the pc, and at which address of that program's link map: the
 * question a sample answers while the machine's state is at hand, since the TLB and RAM it looks
 * at change later.
 *
 * <ul>
 *   <li>kseg0, kseg1, kseg2: the kernel's own addresses, looked up as they are.</li>
 *   <li>kuseg: translated through the TLB with the current ASID (R3000 manual, "Memory
 *       Management"). Code whose physical page is part of the kernel image runs at an alias of
 *       the kernel's own address: the user loops of the microbenchmarks and tinyos's built-in
 *       programs are linked into the kernel at kseg0 and mapped to kuseg, so the pc is named by
 *       its kseg0 address {@code 0x80000000 | pa}.</li>
 *   <li>Else a boot module whose segments hold the virtual pc, if its file has the instruction
 *       RAM holds there (modules linked at the same address are told apart by their code); with
 *       several such modules, the first. With no translation (the fetch is about to miss in the
 *       TLB) the first module that holds the pc.</li>
 *   <li>Else no known program: {@link Site#UNKNOWN} at the virtual pc (a user program the
 *       kernel loaded from a disk or emufs).</li>
 * </ul>
 *
 * <p>The translation is {@link Mmu#translate}, which changes nothing the guest can see: no
 * exception, no TLB or CP0 register written.
 */
final class Attribution {
    private static final int KSEG0 = 0x80000000;
    private static final int KSEG_SIZE = 0x20000000;

    private final Cp0 cp0;
    private final PhysicalMemory ram;
    private final List<CodeImage> images;

    Attribution(Cp0 cp0, PhysicalMemory ram, List<CodeImage> images) {
        this.cp0 = cp0;
        this.ram = ram;
        this.images = images;
    }

    Site of(int pc, boolean user) {
        if (pc < 0) return new Site(Site.KERNEL, pc, user);
        long t = Mmu.translate(cp0, pc, Access.FETCH);
        boolean mapped = !Translation.isFault(t) && t < KSEG_SIZE;
        int pa = (int) t;
        if (mapped && images.get(Site.KERNEL).holds(KSEG0 | pa)) return new Site(Site.KERNEL, KSEG0 | pa, user);
        for (int i = 1; i < images.size(); i++) {
            CodeImage m = images.get(i);
            if (m.holds(pc) && (!mapped || m.loadedAt(pc, ram, pa))) return new Site(i, pc, user);
        }
        return new Site(Site.UNKNOWN, pc, user);
    }
}
