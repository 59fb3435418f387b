package vm3000.cpu.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

class BootModulesTest {
    private static final String KERNEL = ".text\n__start: b __start\nnop\n";

    private static Machine machine(int ram) {
        return Boot.machine(MachineOptions.defaults().withRam(ram), Sys161Config.defaults());
    }

    private static ElfFile kernel(String source) throws BadInputException {
        return ElfFile.parse(Assembler.assembleElf(source, "k.s", Assembler.Options.defaults()), "k.s");
    }

    private static String bootString(Machine m) {
        int at = m.cpu().reg(4) & 0x1FFFFFFF;
        StringBuilder s = new StringBuilder();
        for (int b; (b = m.ram().loadByte(at++) & 0xFF) != 0; ) s.append((char) b);
        return s.toString();
    }

    @Test
    void modules_arePlacedBelowTheArguments_pageAligned_firstHighest_andAnnounced() throws Exception {
        Machine m = machine(1 << 20);
        byte[] a = {1, 2, 3, 4, 5};
        byte[] b = new byte[5000];
        b[4999] = 9;
        Boot.load(m, kernel(KERNEL), "x=1", List.of(new Boot.Module("a.elf", "dir/a.elf", a),
                new Boot.Module("my prog,2:b", "b", b)));
        assertEquals("x=1 modules=0x800ff000:5:a.elf,0x800fd000:5000:my_prog_2_b", bootString(m));
        assertEquals(0x01020304, m.ram().loadWord(0xff000));
        assertEquals(9, m.ram().loadByte(0xfd000 + 4999));
    }

    @Test
    void noArguments_theModulesWordAlone() throws Exception {
        Machine m = machine(1 << 20);
        Boot.load(m, kernel(KERNEL), "", List.of(new Boot.Module("m", "m", new byte[4096])));
        assertEquals("modules=0x800fe000:4096:m", bootString(m)); // it must end below the top 1 KiB
    }

    @Test
    void noModules_bootStringUnchanged() throws Exception {
        Machine m = machine(1 << 20);
        Boot.load(m, kernel(KERNEL), "plain", List.of());
        assertEquals("plain", bootString(m));
    }

    @Test
    void moduleTooBigForRam_namesTheModuleFile() throws Exception {
        Machine m = machine(64 << 10);
        String msg = assertThrows(BadInputException.class, () -> Boot.load(m, kernel(KERNEL), "",
                List.of(new Boot.Module("big", "files/big.elf", new byte[1 << 20])))).getMessage();
        assertEquals("files/big.elf: boot module does not fit in 64 KiB of RAM", msg);
    }

    @Test
    void kernelOverlappingModules_isAnError() throws Exception {
        Machine m = machine(64 << 10);
        ElfFile big = kernel(KERNEL + ".bss\n.space 0xc000\n");
        String msg = assertThrows(BadInputException.class, () -> Boot.load(m, big, "",
                List.of(new Boot.Module("m", "m.elf", new byte[0x2000])))).getMessage();
        assertTrue(msg.startsWith("k.s: segment at 0x"), msg);
        assertTrue(msg.contains("overlaps the boot modules"), msg);
    }
}
