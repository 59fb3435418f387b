package vm3000.cpu.asm;

import java.util.List;
import java.util.Map;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.elf.ElfWriter;

/**
 * The output of the assembler: the laid-out sections, the symbols and the entry point.
 *
 * @param symbols every label and {@code .equ} value by name (local numeric labels excluded)
 */
public record Program(Endian endian, int entry, List<ElfWriter.Section> sections,
                      List<ElfWriter.Symbol> elfSymbols, Map<String, Integer> symbols) {

    /** The program as an ELF32 executable. */
    public byte[] toElf() {
        return ElfWriter.write(endian, entry, sections, elfSymbols);
    }

    /** The section called {@code name} ({@code .vectors}, {@code .text}, ...). */
    public ElfWriter.Section section(String name) {
        for (ElfWriter.Section s : sections) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("no section " + name);
    }

    /** The words of section {@code name}, in the program's byte order. */
    public int[] words(String name) {
        byte[] b = section(name).bytes();
        int[] out = new int[b.length / 4];
        for (int i = 0; i < out.length; i++) {
            int b0 = b[4 * i] & 0xFF, b1 = b[4 * i + 1] & 0xFF, b2 = b[4 * i + 2] & 0xFF, b3 = b[4 * i + 3] & 0xFF;
            out[i] = endian == Endian.BIG ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
        }
        return out;
    }
}
