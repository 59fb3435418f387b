package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.elf.ElfFile;

/** tinyos really exercises the paths it exists for, and isolates a faulting process. */
class TinyosTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "tinyos: (\\d+) processes, (\\d+) system calls, (\\d+) demand-zero pages, (\\d+) ASID recycles\n");

    @Test
    void run_doesRefillsSyscallsTimerInterruptsDemandZeroAndAsidRecycling() throws Exception {
        KernelRun run = KernelRun.boot("tinyos", "");
        assertEquals(PowerState.Reason.POWER_OFF, run.end().reason(), run.outcome());
        assertEquals(0, run.end().exitCode(), run.outcome());
        Counters c = run.machine().counters();
        assertTrue(c.utlbRefills() > 0, "TLB refills");
        assertTrue(c.exceptions(ExcCode.SYS) > 0, "system calls");
        assertTrue(c.interrupts() > 0, "timer interrupts");
        assertTrue(c.exceptions(ExcCode.TLBL) + c.exceptions(ExcCode.TLBS) > 0, "faults on invalid entries");

        Matcher m = SUMMARY.matcher(run.transcript());
        assertTrue(m.find(), run.transcript());
        int processes = Integer.parseInt(m.group(1));
        assertTrue(processes >= 3, "at least 3 processes");
        assertEquals(c.exceptions(ExcCode.SYS), Long.parseLong(m.group(2)), "every syscall counted by the kernel");
        assertTrue(Integer.parseInt(m.group(3)) > 0, "demand-zero pages");
        assertTrue(Integer.parseInt(m.group(4)) > 0, "ASID recycles");
    }

    @Test
    void faultingProcesses_areKilled_andTheOthersFinish() throws Exception {
        String t = KernelRun.boot("tinyos", "").transcript();
        assertTrue(t.contains("--- pid 4 (fault): killed by TLBS at EPC "), t);
        assertTrue(t.contains(", BadVAddr 0x00000010\nfault: storing to address 0x10\n--- pid 5"), t);
        assertTrue(t.contains("--- pid 6 (textwrite): killed by Mod at EPC "), t);
        assertTrue(!t.contains("not reached"), t);
        for (int pid : new int[] {1, 2, 3, 5, 7, 8}) {
            assertTrue(Pattern.compile("--- pid " + pid + " \\(\\w+\\): exit \\d+\n").matcher(t).find(), "pid " + pid + " finished:\n" + t);
        }
        assertTrue(t.contains("--- pid 8 (sum): exit 0\nsum of 1..20000 = 200010000\n"), t);
    }

    @Test
    void kernelFault_panicsWithDiagnostic_andNonZeroExit() throws Exception {
        KernelRun run = KernelRun.boot("tinyos", "panic");
        assertEquals(PowerState.Reason.POWER_OFF, run.end().reason(), run.outcome());
        assertEquals(3, run.end().exitCode(), run.outcome());
        assertTrue(run.transcript().startsWith("tinyos: panic: exception in the kernel: Cause 0x0000001c EPC 0x8"), run.transcript());
        assertTrue(run.transcript().contains(" BadVAddr 0x"), run.transcript());
    }

    /** Other time slices interleave the processes differently; the transcript must not change. */
    @ParameterizedTest(name = "quantum {0}")
    @ValueSource(ints = {500, 1777, 20000})
    void transcript_doesNotDependOnTiming(int quantum) throws Exception {
        String source = Kernels.source("tinyos");
        String changed = source.replace(".equ    QUANTUM, 3000", ".equ    QUANTUM, " + quantum);
        assertTrue(!changed.equals(source), "QUANTUM definition not found");
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(changed, Kernels.resource("tinyos"), Kernels.options()), "tinyos");
        KernelRun run = KernelRun.boot(elf, "");
        assertEquals(0, run.end().exitCode(), run.outcome());
        assertEquals(KernelsTest.expected("tinyos"), run.transcript());
    }
}
