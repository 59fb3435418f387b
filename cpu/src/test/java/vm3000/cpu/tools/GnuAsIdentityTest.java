package vm3000.cpu.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.asm.Program;
import vm3000.cpu.testing.RepositorySources;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.elf.ElfWriter;
import vm3000.cpu.isa.Disassembler;

/**
 * Every {@code .s} file in the repository assembles with vm3000's assembler and with GNU as to
 * identical section bytes, in both byte orders.
 *
 * <p>GNU as leaves fields that refer to symbols (%hi/%lo, la, j/jal, .word label) to the linker,
 * so its object is linked with {@code mips-linux-gnu-ld} and a script that lays sections out as
 * {@link Assembler} does: .vectors at 0x80000000, .text at 0x80001000, then .rodata, .data and
 * .bss each aligned to 16 or more. The addresses, sizes and bytes of all five sections of the
 * linked file must equal ours.
 *
 * <p>GNU as runs with {@code -march=r3000 -mno-shared -O1 --no-pad-sections}: {@code -O1} keeps
 * it from moving instructions into delay slots in {@code .set reorder} code (it puts nops there,
 * as we do) without the unconditional hazard nops of {@code -O0}, and {@code --no-pad-sections}
 * keeps it from padding each section to its alignment, which would move the sections after it.
 *
 * <p>Known differences, not rewritten because they are a matter of the code, not the dialect:
 * <ul>
 *   <li>In {@code .set reorder} mode GNU as for MIPS I inserts nops for the R3000's load delay,
 *       HI/LO and CP0 hazards. vm3000 is interlocked (MIPS-161) and its assembler fills only
 *       delay slots, so reorder-mode code in the repository must not rely on hazard nops.</li>
 *   <li>GNU as calls LL, SC and SYNC MIPS II; code that uses them says {@code .set mips2}.</li>
 * </ul>
 */
class GnuAsIdentityTest {
    private static final String AS = "mips-linux-gnu-as";
    private static final String LD = "mips-linux-gnu-ld";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> SECTIONS = List.of(".vectors", ".text", ".rodata", ".data", ".bss");

    private static final String LINKER_SCRIPT = """
            SECTIONS {
              .vectors 0x80000000 : { *(.vectors) }
              .text 0x80001000 : { *(.text) *(.text.*) }
              .rodata : ALIGN(16) { *(.rodata) *(.rodata.*) }
              .data : ALIGN(16) { *(.data) *(.data.*) *(.sdata) }
              .bss : ALIGN(16) { *(.bss) *(.bss.*) *(.sbss) *(COMMON) }
              /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.pdr) *(.gnu.attributes) *(.mdebug.*) *(.comment) }
            }
            """;

    /**
     * Where vm3000's dialect and GNU as differ on purpose, the source given to GNU as is rewritten
     * so that it means what vm3000 reads. Each rewrite says why.
     */
    record Rewrite(Pattern pattern, Function<Matcher, String> replacement, String reason) {}

    static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("^(\\s*)\\.rodata\\b", Pattern.MULTILINE),
                    m -> m.group(1) + ".section .rodata",
                    "vm3000 accepts .rodata as a directive like .data; GNU as for MIPS has only .section .rodata (or .rdata)"),
            new Rewrite(Pattern.compile("^(\\s*\\.section\\s+\\.vectors)\\s*$", Pattern.MULTILINE),
                    m -> m.group(1) + ",\"ax\",@progbits",
                    "vm3000 knows .vectors is code; GNU as gives a section it does not know no flags (not loaded)"),
            new Rewrite(Pattern.compile("^(\\s*(?:\\w+:\\s*)*)li\\s+(\\$\\w+)\\s*,\\s*([A-Za-z_.][\\w.]*\\s*-\\s*[A-Za-z_.][\\w.]*[^#\\n]*?)\\s*(#.*)?$",
                            Pattern.MULTILINE),
                    m -> m.group(1) + "lui " + m.group(2) + ", ((" + m.group(3) + ") >> 16) & 0xffff; ori " + m.group(2)
                            + ", " + m.group(2) + ", (" + m.group(3) + ") & 0xffff",
                    "GNU as 2.40 assembles 'li $r, later_label - label + 0x400000' as one addiu and silently drops the "
                            + "high half; vm3000 gives lui+ori with the full value, which is what the rewrite spells out"));

    @TempDir static Path work;

    /** The repository: the parent of the cpu module that the tests run in. */
    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (Files.exists(dir.resolve("cpu/pom.xml"))) return dir;
        return dir.getParent();
    }

    /** The programs: files that another file includes are compared inside their includers. */
    static List<Path> sourceFiles() throws IOException {
        return RepositorySources.programs();
    }

    @Test
    void findsTheRepositorysSourceFiles() throws IOException {
        List<Path> files = sourceFiles();
        assertTrue(files.size() > 10, "expected more than 10 .s files under " + repositoryRoot() + ", found " + files);
        assertTrue(files.stream().anyMatch(p -> p.endsWith("kernels/hello.s")), "hello.s not found");
    }

    @TestFactory
    Stream<DynamicTest> bigEndian() throws IOException {
        return cases(Endian.BIG);
    }

    @TestFactory
    Stream<DynamicTest> littleEndian() throws IOException {
        return cases(Endian.LITTLE);
    }

    private static Stream<DynamicTest> cases(Endian endian) throws IOException {
        if (HostTools.find(AS).isEmpty() || HostTools.find(LD).isEmpty()) {
            // One skipped test, so that the report counts the skip as well as printing it.
            return Stream.of(DynamicTest.dynamicTest("GNU binutils", () -> HostTools.assumeAvailable("GnuAsIdentityTest", AS, LD)));
        }
        Path root = repositoryRoot();
        return sourceFiles().stream().map(p -> DynamicTest.dynamicTest(
                root.relativize(p).toString().replace('\\', '/'), p.toUri(), () -> compare(p, endian)));
    }

    static String forGnuAs(String source) {
        for (Rewrite r : REWRITES) {
            Matcher m = r.pattern().matcher(source);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(r.replacement().apply(m)));
            m.appendTail(out);
            source = out.toString();
        }
        return source;
    }

    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*\\.include\\s+\"([^\"]+)\".*$");

    /**
     * The source with every {@code .include} replaced by the file it names (relative to the
     * including file), so that the rewrites for GNU as reach included text too.
     */
    static String expandIncludes(String source, Path dir, int depth) throws IOException {
        if (depth > 16) throw new IOException("includes nested too deeply in " + dir);
        Matcher m = INCLUDE.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path inc = dir.resolve(m.group(1)).normalize();
            String text = expandIncludes(Files.readString(inc, StandardCharsets.UTF_8), inc.getParent(), depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void compare(Path file, Endian endian) throws Exception {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        Program ours = Assembler.assemble(source, file.toString(), Assembler.Options.defaults().withEndian(endian)
                .withIncludeResolver(IncludeResolver.files(List.of())));

        String e = endian == Endian.BIG ? "-EB" : "-EL";
        String stem = file.getFileName().toString().replace(".s", "") + "-" + Integer.toHexString(file.toString().hashCode()) + e;
        Path dir = Files.createDirectories(work.resolve(stem));
        Path src = dir.resolve("gnu.s");
        Path obj = dir.resolve("gnu.o");
        Path elf = dir.resolve("gnu.elf");
        Path script = dir.resolve("vm3000.ld");
        Files.writeString(src, forGnuAs(expandIncludes(source, file.getParent(), 0)), StandardCharsets.UTF_8);
        Files.writeString(script, LINKER_SCRIPT, StandardCharsets.UTF_8);
        HostTools.check(TIMEOUT, List.of(AS, "-march=r3000", "-mno-shared", "-O1", "--no-pad-sections", e,
                "-I", file.getParent().toString(), "-o", obj.toString(), src.toString()));
        HostTools.check(TIMEOUT, List.of(LD, e, "-nostdlib", "--no-relax", "-T", script.toString(),
                "-o", elf.toString(), obj.toString()));
        Map<String, ElfSections.Section> gnu = ElfSections.read(Files.readAllBytes(elf));

        List<String> problems = new ArrayList<>();
        for (String name : SECTIONS) {
            ElfWriter.Section our = ours.section(name);
            ElfSections.Section their = gnu.get(name);
            int theirSize = their == null ? 0 : their.size();
            if (our.size() != theirSize) {
                problems.add(name + ": size " + our.size() + ", GNU " + theirSize + "; the first differences:");
                if (their != null && !our.nobits() && our.address() == their.address()) {
                    int n = Math.min(our.size(), theirSize);
                    words(problems, name, our.address(), java.util.Arrays.copyOf(our.bytes(), n),
                            java.util.Arrays.copyOf(their.bytes(), n), endian);
                }
                continue;
            }
            if (our.size() == 0) continue;
            if (our.address() != their.address()) {
                problems.add(String.format("%s: at 0x%08x, GNU at 0x%08x", name, our.address(), their.address()));
                continue;
            }
            if (our.nobits()) continue;
            words(problems, name, our.address(), our.bytes(), their.bytes(), endian);
        }
        if (!problems.isEmpty()) {
            fail(file + " (" + e + ") differs from GNU as:\n  " + String.join("\n  ", problems));
        }
    }

    private static void words(List<String> problems, String section, int base, byte[] ours, byte[] theirs, Endian endian) {
        int shown = 0;
        int differing = 0;
        for (int i = 0; i < ours.length; i += 4) {
            int n = Math.min(4, ours.length - i);
            boolean same = true;
            for (int k = 0; k < n; k++) same &= ours[i + k] == theirs[i + k];
            if (same) continue;
            differing++;
            if (shown++ >= 12) continue;
            int addr = base + i;
            if (n == 4) {
                int o = word(ours, i, endian);
                int t = word(theirs, i, endian);
                problems.add(String.format("%s 0x%08x: ours %08x %-28s GNU %08x %s", section, addr, o,
                        Disassembler.disassemble(o, addr), t, Disassembler.disassemble(t, addr)));
            } else {
                problems.add(String.format("%s 0x%08x: last %d bytes differ", section, addr, n));
            }
        }
        if (differing > shown) problems.add(section + ": " + (differing - 12) + " more differing words");
    }

    private static int word(byte[] b, int i, Endian endian) {
        int b0 = b[i] & 0xFF, b1 = b[i + 1] & 0xFF, b2 = b[i + 2] & 0xFF, b3 = b[i + 3] & 0xFF;
        return endian == Endian.BIG ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
    }
}
