package vm3000.cpu.tools;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sections of an ELF32 file by name: just enough to compare linked output of GNU tools. */
final class ElfSections {
    private ElfSections() {}

    static final int SHT_NOBITS = 8;

    record Section(String name, int type, int address, int size, byte[] bytes) {}

    static Map<String, Section> read(byte[] elf) {
        if (elf.length < 52 || elf[0] != 0x7F || elf[1] != 'E' || elf[4] != 1) throw new IllegalArgumentException("not ELF32");
        ByteBuffer b = ByteBuffer.wrap(elf).order(elf[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int shoff = b.getInt(32);
        int shentsize = b.getShort(46) & 0xFFFF;
        int shnum = b.getShort(48) & 0xFFFF;
        int shstrndx = b.getShort(50) & 0xFFFF;
        int strOff = b.getInt(shoff + shstrndx * shentsize + 16);
        Map<String, Section> out = new LinkedHashMap<>();
        for (int i = 1; i < shnum; i++) {
            int h = shoff + i * shentsize;
            int nameAt = strOff + b.getInt(h);
            int end = nameAt;
            while (elf[end] != 0) end++;
            String name = new String(elf, nameAt, end - nameAt, StandardCharsets.ISO_8859_1);
            int type = b.getInt(h + 4);
            int addr = b.getInt(h + 12);
            int off = b.getInt(h + 16);
            int size = b.getInt(h + 20);
            byte[] bytes = type == SHT_NOBITS ? new byte[0] : Arrays.copyOfRange(elf, off, off + size);
            out.put(name, new Section(name, type, addr, size, bytes));
        }
        return out;
    }
}
