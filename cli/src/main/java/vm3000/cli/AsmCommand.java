package vm3000.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import vm3000.cpu.BadInputException;
import vm3000.cpu.OutputFiles;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Images;
import vm3000.cpu.bus.Endian;

/** {@code vm3000 asm}: assemble GNU-as syntax to an ELF32 executable. */
@Command(name = "asm", mixinStandardHelpOptions = true,
        description = {"Assemble IN (GNU as syntax, .set noreorder/reorder) to an ELF32 MIPS executable.",
                "Code is linked at 0x80001000 (kseg0); a '.section .vectors' is placed at 0x80000000. The entry "
                + "is __start, else _start, else the start of .text."})
final class AsmCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "IN", description = "assembly source")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the ELF file to write: "
            + "written whole to a temporary file and renamed over OUT (through a symbolic link, over its target), so it is "
            + "never half-written; a new file gets mode 0666 less the umask, a replaced one keeps its mode. A FIFO or "
            + "character device (/dev/null, /dev/stdout, a terminal) is written into, not replaced; a directory, block "
            + "device or socket is refused")
    Path out;

    @Option(names = "-I", paramLabel = "DIR", description = "also look for .include files in DIR (after the "
            + "including file's own directory); may be repeated")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--base", paramLabel = "ADDR", converter = NumberConverter.class,
            description = "where .text starts (default 0x80001000), e.g. 0x00400000 for a user program")
    Long base;

    @Option(names = {"-EL", "--little-endian"}, description = "little-endian output (default big-endian)")
    boolean little;

    @Override
    public Integer call() {
        try {
            String source = Images.readSource(in);
            Assembler.Options options = Assembler.Options.defaults().withEndian(little ? Endian.LITTLE : Endian.BIG)
                    .withIncludeResolver(IncludeResolver.files(includeDirs));
            if (base != null) {
                // A 32-bit address, unsigned (0x80001000) or signed (-0x7ffff000); never silently its low 32 bits.
                if (base < Integer.MIN_VALUE || base > 0xFFFFFFFFL) {
                    throw new BadInputException("--base: 0x" + Long.toHexString(base) + " is not a 32-bit address");
                }
                options = options.withBase(base.intValue());
            }
            byte[] elf = Assembler.assembleElf(source, in.toString(), options);
            writeWhole(out, elf);
            return 0;
        } catch (BadInputException e) {
            main.err.println("vm3000: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Writes OUT as {@link OutputFiles#write} does: whole or not at all, and never a device replaced by a file. */
    static void writeWhole(Path out, byte[] bytes) throws BadInputException {
        try {
            OutputFiles.write(out, bytes);
        } catch (OutputFiles.Refused e) {
            throw BadInputException.in(out.toString(), e.getMessage());
        } catch (IOException e) {
            throw BadInputException.in(out.toString(), "cannot write: " + e.getMessage());
        }
    }
}
