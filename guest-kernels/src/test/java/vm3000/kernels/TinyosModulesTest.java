package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;

/** tinyos runs the user programs it is given as boot modules (vm3000 run tinyos --module ...). */
class TinyosModulesTest {
    private static final String GCC = "mips-linux-gnu-gcc";

    private static String resource(String name) throws Exception {
        try (InputStream in = TinyosModulesTest.class.getResourceAsStream("/modules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Boot.Module assembled(String name) throws Exception {
        byte[] elf = Assembler.assembleElf(resource(name), name, Assembler.Options.defaults().withBase(0x00400000));
        return new Boot.Module(name.replace(".s", ""), name, elf);
    }

    private static KernelRun tinyos(List<Boot.Module> modules) throws Exception {
        KernelRun run = KernelRun.boot(Kernels.load("tinyos"), "", modules);
        assertEquals(0, run.end().exitCode(), run.outcome());
        return run;
    }

    @Test
    void assembledModules_runAsSeparateProcesses_badOnesKilledOrRefused() throws Exception {
        Boot.Module hi = assembled("hi.s");
        Boot.Module bad = assembled("badaddr.s");
        Boot.Module notElf = new Boot.Module("text", "text", "just text".getBytes(StandardCharsets.US_ASCII));
        KernelRun run = tinyos(List.of(hi, hi, bad, notElf, hi));
        assertEquals("tinyos: 5 boot modules, at most 3 at once, 4 ASIDs, preemptive round robin\n"
                + "--- pid 1 (hi): exit 42\nhi from a boot module\n"
                + "--- pid 2 (hi): exit 42\nhi from a boot module\n"
                + "--- pid 3 (badaddr): killed by TLBL at EPC 0x00400020, BadVAddr 0x00200000\n"
                + "badaddr: loading from 0x00200000\n"
                + "--- pid 4 (text): not started: not a loadable big-endian MIPS ELF executable\n"
                + "--- pid 5 (hi): exit 42\nhi from a boot module\n"
                + "tinyos: 5 processes, 7 system calls, 0 demand-zero pages, 1 ASID recycles\n", run.transcript());
    }

    /** Acceptance: at least three GCC-built programs at once, and a faulting one killed meanwhile. */
    @Test
    void gccBuiltPrograms_runAtOnce(@TempDir Path dir) throws Exception {
        assumeTrue(onPath(GCC), GCC + " is not installed");
        Path c = dir.resolve("fib.c");
        Files.writeString(c, resource("fib.c"));
        Path elf = dir.resolve("fib.elf");
        List<String> cmd = List.of(GCC, "-EB", "-march=mips1", "-mfp32", "-msoft-float", "-mno-abicalls", "-fno-pic",
                "-static", "-nostdlib", "-fno-builtin", "-O2", "-o", elf.toString(), c.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
        Boot.Module fib = new Boot.Module("fib", elf.toString(), Files.readAllBytes(elf));
        List<Boot.Module> mods = new ArrayList<>(List.of(fib, fib, assembled("badaddr.s"), fib));
        KernelRun run = tinyos(mods);
        String t = run.transcript();
        for (int pid : new int[] {1, 2, 4}) {
            assertTrue(t.contains("--- pid " + pid + " (fib): exit 0\npid " + pid
                    + ": fib(20) = 6765, heap sum = 4294963200, table[999] = 998001\n"), t);
        }
        assertTrue(t.contains("--- pid 3 (badaddr): killed by TLBL"), t);
        assertTrue(run.machine().counters().interrupts() > 0, "preempted");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
