package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.kernels.Kernels;

/**
 * tinyos running user programs from boot modules (assembled ones, and GCC-built ones when a MIPS
 * cross-compiler is installed) under 1..4 trap-and-emulate VMMs and under 1..4 RMR VMMs: the bare
 * machine's transcript, stop and guest state down to the cycle count.
 */
class TinyosProgramsTest {
    private static final Path MODULES = Path.of("..", "guest-kernels", "src", "test", "resources", "modules");
    private static final String GCC = "mips-linux-gnu-gcc";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void assembledModules(int depth) throws Exception {
        List<Boot.Module> mods = List.of(assembled("hi.s"), assembled("badaddr.s"), assembled("hi.s"));
        check(depth, mods);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void gccBuiltPrograms(int depth) throws Exception {
        assumeTrue(onPath(GCC), GCC + " is not installed");
        Path elf = dir.resolve("fib.elf");
        List<String> cmd = List.of(GCC, "-EB", "-march=mips1", "-mfp32", "-msoft-float", "-mno-abicalls", "-fno-pic",
                "-static", "-nostdlib", "-fno-builtin", "-O2", "-o", elf.toString(), MODULES.resolve("fib.c").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
        Boot.Module fib = new Boot.Module("fib", elf.toString(), Files.readAllBytes(elf));
        check(depth, List.of(fib, fib, assembled("badaddr.s"), fib));
    }

    private static void check(int depth, List<Boot.Module> mods) throws Exception {
        Runs.Guest g = new Runs.Guest("tinyos", Kernels.load("tinyos"), "", Runs.KERNEL_RAM, mods);
        Runs.Outcome bare = Runs.bare(g);
        assertTrue(bare.transcript().contains("exit"), bare.transcript());
        assertEquals(bare, Runs.underVmm(depth, List.of(g)).get(0), "trap-and-emulate at depth " + depth);
        assertEquals(bare, Runs.underRmr(depth, List.of(g)).get(0), "RMR at depth " + depth);
    }

    private static Boot.Module assembled(String name) throws Exception {
        String src = Files.readString(MODULES.resolve(name), StandardCharsets.UTF_8);
        byte[] elf = Assembler.assembleElf(src, name, Assembler.Options.defaults().withBase(0x00400000));
        return new Boot.Module(name.replace(".s", ""), name, elf);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
