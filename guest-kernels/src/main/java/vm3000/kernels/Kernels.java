package vm3000.kernels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.elf.ElfFile;

/**
 * The built-in guest kernels, by name. Each is the assembly source {@code kernels/<name>.s} on
 * the class path (this module's resources), assembled on demand with the project's assembler;
 * {@code .include "lib/x.s"} is resolved from the class path too. The golden transcript of each
 * is {@code kernels/<name>.expected} (see docs/guest-kernels.md).
 */
public final class Kernels {
    private Kernels() {}

    /** Every built-in kernel; a test checks that this is exactly the set of sources. */
    public static final List<String> NAMES = List.of(
            "hello", "tinyos", "cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute", "rmrmon", "echo", "lsbus",
            "lab1", "lab2", "lab3", "lab4", "lab6");

    private static final String ROOT = "kernels/";

    /** True if {@code name} is a built-in kernel. */
    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** The class-path resource of kernel {@code name}'s source. */
    public static String resource(String name) {
        return ROOT + name + ".s";
    }

    /** The assembly source of kernel {@code name}. */
    public static String source(String name) throws BadInputException {
        if (!exists(name)) throw BadInputException.in(name, "no such kernel (built-in kernels: " + String.join(", ", NAMES) + ")");
        try (InputStream in = Kernels.class.getClassLoader().getResourceAsStream(resource(name))) {
            if (in == null) throw BadInputException.in(resource(name), "missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.in(resource(name), "cannot read: " + e.getMessage());
        }
    }

    /**
     * What is typed on the console in kernel {@code name}'s golden run (its {@code # golden-input:}
     * header line, with the escapes {@code \n \r \t \\ \xHH}), or {@code null}: nothing is.
     */
    public static byte[] goldenInput(String name) throws BadInputException {
        Matcher m = GOLDEN_INPUT.matcher(source(name));
        if (!m.find()) return null;
        String s = m.group(1).strip();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n': out.write('\n'); break;
                case 'r': out.write('\r'); break;
                case 't': out.write('\t'); break;
                case 'x':
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                default: out.write(e); break;
            }
        }
        return out.toByteArray();
    }

    private static final Pattern GOLDEN_INPUT = Pattern.compile("^#\\s*golden-input:(.*)$", Pattern.MULTILINE);

    /** The options kernels are assembled with: the defaults, includes from the class path. */
    public static Assembler.Options options() {
        return Assembler.Options.defaults()
                .withIncludeResolver(IncludeResolver.classpath(Kernels.class.getClassLoader(), List.of(ROOT)));
    }

    /** Kernel {@code name} assembled to an ELF image; errors name the source file and line. */
    public static ElfFile load(String name) throws BadInputException {
        return ElfFile.parse(bytes(name), name);
    }

    /** The ELF file of kernel {@code name}, as bytes (to give it as a boot module). */
    public static byte[] bytes(String name) throws BadInputException {
        return Assembler.assembleElf(source(name), resource(name), options());
    }
}
