package vm3000.cpu.realclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the C corpus ({@code src/test/c/*.c}) with the Debian MIPS cross compilers, twice per
 * byte order: bare metal for vm3000 and Linux o32 user mode for qemu. Both builds link the very
 * same program object; only the runtime differs. Output goes to {@code target/ccorpus/}.
 *
 * <p>A program's header comment may carry two markers:
 * {@code ccorpus-endian: both} (also build and compare it little-endian) and
 * {@code ccorpus-emits: lwl lwr ...} (its object code must contain these mnemonics, so that the
 * program really exercises what it claims to).
 */
public final class CCorpus {
    private CCorpus() {}

    /**
     * Pure MIPS-I, no PIC, no small-data section, no FPU, no libgcc (docs/testing.md explains
     * each). -fno-tree-loop-distribute-patterns stops GCC from turning the runtime's own memset
     * and memcpy loops into calls to themselves.
     */
    static final List<String> CFLAGS = List.of(
            "-march=r3000", "-mabi=32", "-mno-abicalls", "-fno-pic", "-G0", "-O2",
            "-ffreestanding", "-fno-builtin", "-nostdlib", "-nostartfiles", "-mno-llsc",
            "-msoft-float", "-mfp32", "-fno-stack-protector", "-fno-tree-loop-distribute-patterns",
            "-Wall", "-Werror");

    private static final long TOOL_TIMEOUT = 120;

    public enum Endian {
        BIG("mips-linux-gnu-", "-EB", "qemu-mips", "be"),
        LITTLE("mipsel-linux-gnu-", "-EL", "qemu-mipsel", "le");

        final String prefix;
        final String flag;
        final String qemu;
        final String dir;

        Endian(String prefix, String flag, String qemu, String dir) {
            this.prefix = prefix;
            this.flag = flag;
            this.qemu = qemu;
            this.dir = dir;
        }

        public String gcc() { return prefix + "gcc"; }
        public String ld() { return prefix + "ld"; }
        public String objdump() { return prefix + "objdump"; }

        /** Every outside tool a differential run in this byte order needs. */
        public List<String> tools() { return List.of(gcc(), ld(), objdump(), qemu); }
    }

    enum Flavour {
        BAREMETAL("baremetal"), LINUX("linux");

        final String dir;

        Flavour(String dir) { this.dir = dir; }
    }

    /** One corpus program and its header markers. */
    public record Program(String name, Path source, boolean littleEndianToo, List<String> emits) {}

    /** The two ELF files of one program in one byte order, plus the program's own object. */
    public record Build(Path object, Path baremetal, Path linux) {}

    private static final Pattern ENDIAN_MARK = Pattern.compile("ccorpus-endian:\\s*both");
    private static final Pattern EMITS_MARK = Pattern.compile("ccorpus-emits:([a-z0-9 \\t]+)");

    /**
     * The cpu module's directory, where the corpus sources are. Tests run with {@code basedir}
     * (or the working directory) at their own module: cpu itself, a sibling module that uses the
     * cpu test jar (guest-kernels), or the repository root.
     */
    static Path moduleDir() {
        Path own = ownDir();
        if (Files.isDirectory(own.resolve("src/test/c"))) return own;
        if (Files.isDirectory(own.resolve("cpu/src/test/c"))) return own.resolve("cpu");
        Path sibling = own.resolveSibling("cpu");
        if (Files.isDirectory(sibling.resolve("src/test/c"))) return sibling;
        return own;
    }

    private static Path ownDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath().normalize();
    }

    static Path sourceDir() { return moduleDir().resolve("src/test/c"); }
    static Path runtimeDir() { return sourceDir().resolve("runtime"); }
    /** Build outputs: the cpu module's target, or the calling module's own when it is another one. */
    static Path outputDir() {
        Path own = ownDir();
        boolean cpuOrRoot = Files.isDirectory(own.resolve("src/test/c")) || Files.isDirectory(own.resolve("cpu/src/test/c"));
        return (cpuOrRoot ? moduleDir() : own).resolve("target/ccorpus");
    }

    /** Every program of the corpus, by name. */
    public static List<Program> programs() {
        try (Stream<Path> files = Files.list(sourceDir())) {
            List<Program> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".c")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String name = p.getFileName().toString().replaceFirst("\\.c$", "");
                Matcher m = EMITS_MARK.matcher(text);
                List<String> emits = m.find() ? Arrays.asList(m.group(1).trim().split("\\s+")) : List.of();
                out.add(new Program(name, p, ENDIAN_MARK.matcher(text).find(), emits));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Program program(String name) {
        return programs().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no corpus program " + name));
    }

    private static final Memo<List<Path>> RUNTIMES = new Memo<>();

    /** The runtime objects (start-up first) of one flavour and byte order, built once per run. */
    static List<Path> runtime(Endian endian, Flavour flavour) {
        return RUNTIMES.get(endian.dir + "/" + flavour.dir, () -> buildRuntime(endian, flavour));
    }

    private static List<Path> buildRuntime(Endian endian, Flavour flavour) {
        Path out = outputDir().resolve(endian.dir).resolve(flavour.dir);
        createDirectories(out);
        Path rt = runtimeDir();
        List<Path> objects = new ArrayList<>();
        objects.add(compile(endian, rt.resolve(flavour.dir).resolve("start.S"), out.resolve("start.o")));
        objects.add(compile(endian, rt.resolve(flavour.dir).resolve("console.c"), out.resolve("console.o")));
        objects.add(compile(endian, rt.resolve("common.c"), out.resolve("common.o")));
        return objects;
    }

    private static final Memo<Build> BUILDS = new Memo<>();

    /**
     * Compiles {@code program} once and links it for both vm3000 and qemu in {@code endian}.
     * Built once per test run: tests run concurrently and may ask for the same build.
     */
    public static Build build(Program program, Endian endian) {
        return BUILDS.get(endian.dir + "/" + program.name(), () -> buildNow(program, endian));
    }

    private static Build buildNow(Program program, Endian endian) {
        Path out = outputDir().resolve(endian.dir);
        createDirectories(out.resolve(Flavour.BAREMETAL.dir));
        createDirectories(out.resolve(Flavour.LINUX.dir));
        Path object = compile(endian, program.source(), out.resolve(program.name() + ".o"));
        Path bare = link(endian, Flavour.BAREMETAL, object, out.resolve(Flavour.BAREMETAL.dir).resolve(program.name() + ".elf"));
        Path linux = link(endian, Flavour.LINUX, object, out.resolve(Flavour.LINUX.dir).resolve(program.name() + ".elf"));
        return new Build(object, bare, linux);
    }

    private static Path compile(Endian endian, Path source, Path object) {
        List<String> cmd = new ArrayList<>();
        cmd.add(endian.gcc());
        cmd.add(endian.flag);
        cmd.addAll(CFLAGS);
        cmd.add("-I" + runtimeDir());
        cmd.addAll(List.of("-c", source.toString(), "-o", object.toString()));
        Toolchain.check(cmd, object.getParent(), TOOL_TIMEOUT);
        return object;
    }

    private static Path link(Endian endian, Flavour flavour, Path object, Path elf) {
        List<Path> rt = runtime(endian, flavour);
        List<String> cmd = new ArrayList<>(List.of(endian.ld(), endian.flag, "-nostdlib"));
        if (flavour == Flavour.BAREMETAL) {
            cmd.addAll(List.of("-T", runtimeDir().resolve("baremetal/baremetal.ld").toString()));
        } else {
            cmd.addAll(List.of("-static", "-e", "__start"));
        }
        cmd.add(rt.get(0).toString());
        cmd.add(object.toString());
        for (Path p : rt.subList(1, rt.size())) cmd.add(p.toString());
        cmd.addAll(List.of("-o", elf.toString()));
        Toolchain.check(cmd, elf.getParent(), TOOL_TIMEOUT);
        return elf;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
