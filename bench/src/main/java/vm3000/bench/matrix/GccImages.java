package vm3000.bench.matrix;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vm3000.cpu.asm.Assembler;

/**
 * The GCC-built images of the realistic workloads, built from the sources in the project tree
 * (nothing binary is committed): compute.c by bench/scripts/build-ccompute.sh, the tinyos user
 * program fib.c with the flags of the vmm module's TinyosProgramsTest. Without the MIPS cross
 * compiler (or without the project tree, or with VM3000_NO_HOST_TOOLS=1) {@link #build} says why
 * and the workloads that need it are skipped, visibly, in the report.
 */
public final class GccImages {
    static final String COMPUTE = "compute-baremetal.elf";
    static final String FIB = "fib.elf";
    static final String GCC = "mips-linux-gnu-gcc";
    private static final String FIB_SOURCE = "guest-kernels/src/test/resources/modules/fib.c";
    private static final String BADADDR_SOURCE = "guest-kernels/src/test/resources/modules/badaddr.s";
    private static Path root;

    private GccImages() {}

    /**
     * Builds both images into {@code dir}; returns null when they are there, else why they are
     * not (one line). {@code quick}: compute.c with 1 round instead of 128.
     */
    public static String build(Path dir, boolean quick) {
        if ("1".equals(System.getenv("VM3000_NO_HOST_TOOLS"))) return GCC + " not used (VM3000_NO_HOST_TOOLS=1)";
        if (!onPath(GCC)) return GCC + " not found (install gcc-mips-linux-gnu)";
        Path top = root();
        if (top == null) return "the project tree (" + FIB_SOURCE + ") not found from " + Path.of("").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            List<String> script = new ArrayList<>(List.of("sh", top.resolve("bench/scripts/build-ccompute.sh").toString(),
                    dir.toString()));
            if (quick) script.add("-DROUNDS=1");
            Files.deleteIfExists(dir.resolve(COMPUTE));
            String why = exec(script);
            if (why != null) return why;
            why = exec(List.of(GCC, "-EB", "-march=mips1", "-mfp32", "-msoft-float", "-mno-abicalls", "-fno-pic", "-static",
                    "-nostdlib", "-fno-builtin", "-O2", "-o", dir.resolve(FIB).toString(), top.resolve(FIB_SOURCE).toString()));
            if (why != null) return why;
            if (!Files.exists(dir.resolve(COMPUTE))) return dir.resolve(COMPUTE) + " was not built";
            return null;
        } catch (IOException | InterruptedException e) {
            return "building the GCC images failed: " + e.getMessage();
        }
    }

    /** tinyos's faulting user program, assembled at tinyos's user base. */
    static byte[] badaddr() throws Exception {
        Path top = root();
        if (top == null) throw new IllegalStateException(BADADDR_SOURCE + " not found");
        String src = Files.readString(top.resolve(BADADDR_SOURCE), StandardCharsets.UTF_8);
        return Assembler.assembleElf(src, "badaddr.s", Assembler.Options.defaults().withBase(0x00400000));
    }

    /**
     * The project tree: the first of the working directory, the directory of this class's jar
     * and their parents that holds fib.c; null if none does.
     */
    static synchronized Path root() {
        if (root != null) return root;
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(GccImages.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | SecurityException e) {
            // the working directory only
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(FIB_SOURCE))) return root = p;
            }
        }
        return null;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + ": took more than 120 s";
        }
        if (p.exitValue() != 0) {
            String first = out.isEmpty() ? "" : ": " + out.lines().findFirst().orElse("");
            return String.join(" ", cmd.subList(0, Math.min(2, cmd.size()))) + " failed (exit " + p.exitValue() + ")" + first;
        }
        return null;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
