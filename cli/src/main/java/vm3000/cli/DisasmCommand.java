package vm3000.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import vm3000.cpu.BadInputException;
import vm3000.cpu.boot.Images;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.isa.Disassembler;

/** {@code vm3000 disasm}: disassemble the executable segments of an image. */
@Command(name = "disasm", mixinStandardHelpOptions = true,
        description = "Disassemble the executable loadable segments of IMAGE (an ELF file, or a .s file assembled first).")
final class DisasmCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    private static final int PF_X = 1;

    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Override
    public Integer call() {
        try {
            ElfFile elf = Images.read(image);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%s: entry 0x%08x, %s-endian%n", image, elf.entry(),
                    elf.endian().name().toLowerCase(java.util.Locale.ROOT)));
            for (ElfFile.Segment seg : elf.segments()) {
                if ((seg.flags() & PF_X) == 0) continue;
                byte[] data = elf.data(seg);
                sb.append(String.format("%nsegment %d at 0x%08x, %d bytes:%n", seg.index(), seg.vaddr(), data.length));
                for (int off = 0; off + 4 <= data.length; off += 4) {
                    int w = word(data, off, elf);
                    int pc = seg.vaddr() + off;
                    sb.append(String.format("%08x:  %08x  %s%n", pc, w, Disassembler.disassemble(w, pc)));
                }
            }
            main.out.print(sb);
            main.out.flush();
            return 0;
        } catch (BadInputException e) {
            main.err.println("vm3000: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static int word(byte[] d, int i, ElfFile elf) {
        int b0 = d[i] & 0xFF, b1 = d[i + 1] & 0xFF, b2 = d[i + 2] & 0xFF, b3 = d[i + 3] & 0xFF;
        return elf.endian() == vm3000.cpu.bus.Endian.BIG
                ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3
                : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
    }
}
