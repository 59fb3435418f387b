package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.realclient.CCorpus;
import vm3000.cpu.realclient.Toolchain;
import vm3000.cpu.realclient.VmRun;

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
        Toolchain.assumeTools("TinyosModulesTest.gccBuiltPrograms_runAtOnce", List.of(GCC));
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

    /** Corpus programs (cpu/src/test/c) that tinyos runs together in {@link #corpusPrograms_runAsProcesses}. */
    static final List<String> CORPUS = List.of("arith", "sort", "crc32", "strings", "sieve");

    /**
     * Acceptance: C corpus programs, built by GCC as static Linux o32 executables exactly as for
     * qemu (CCorpus, from the cpu test jar), run under tinyos as separate processes, at most
     * three at once, and each prints exactly what it prints on bare metal (which CCorpusTest
     * checks against qemu-mips).
     */
    @Test
    void corpusPrograms_runAsProcesses() throws Exception {
        CCorpus.Endian be = CCorpus.Endian.BIG;
        Toolchain.assumeTools("TinyosModulesTest.corpusPrograms_runAsProcesses", List.of(be.gcc(), be.ld()));
        List<Boot.Module> mods = new ArrayList<>();
        StringBuilder expected = new StringBuilder("tinyos: " + CORPUS.size()
                + " boot modules, at most 3 at once, 4 ASIDs, preemptive round robin\n");
        int pid = 1;
        for (String name : CORPUS) {
            CCorpus.Build build = CCorpus.build(CCorpus.program(name), be);
            VmRun bare = VmRun.of(build.baremetal());
            assertEquals(0, bare.exitCode(), name + " on bare metal: " + bare.message());
            expected.append("--- pid ").append(pid++).append(" (").append(name).append("): exit 0\n")
                    .append(bare.transcript());
            mods.add(new Boot.Module(name, build.linux().toString(), Files.readAllBytes(build.linux())));
        }
        KernelRun run = tinyos(mods);
        String t = run.transcript();
        int summary = t.lastIndexOf("tinyos: " + CORPUS.size() + " processes, ");
        assertTrue(summary > 0, t);
        assertEquals(expected.toString(), t.substring(0, summary));
        // Five programs, four ASIDs: one recycled. Each program writes at least once and exits.
        Matcher m = Pattern.compile("tinyos: \\d+ processes, (\\d+) system calls, (\\d+) demand-zero pages, 1 ASID recycles\n")
                .matcher(t.substring(summary));
        assertTrue(m.matches(), t.substring(summary));
        assertTrue(Integer.parseInt(m.group(1)) >= 2 * CORPUS.size(), t.substring(summary));
        assertTrue(Integer.parseInt(m.group(2)) >= CORPUS.size(), "each program's stack is demand-zero");
        assertTrue(run.machine().counters().interrupts() > 0, "preempted");
    }
}
