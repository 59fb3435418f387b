package vm3000.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import vm3000.cpu.BadInputException;
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

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the ELF file to write")
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

    /** Writes through a temporary file and a rename, so OUT is never half-written. */
    static void writeWhole(Path out, byte[] bytes) throws BadInputException {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".vm3000-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw BadInputException.in(out.toString(), "cannot write: " + e.getMessage());
        }
    }
}
