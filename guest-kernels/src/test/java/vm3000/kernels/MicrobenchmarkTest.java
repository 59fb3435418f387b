package vm3000.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.cpu.core.Counters;
import vm3000.cpu.cp0.ExcCode;

/** Each microbenchmark kernel exercises its path once per iteration, and nothing else much. */
class MicrobenchmarkTest {
    private static Counters run(String name, int n) throws Exception {
        KernelRun run = KernelRun.boot(name, Integer.toString(n));
        assertEquals(0, run.end().exitCode(), run.outcome());
        assertTrue(run.transcript().startsWith(name + ": " + n + " "), run.transcript());
        return run.machine().counters();
    }

    @Test
    void cp0_noExceptions_allInKernelMode() throws Exception {
        Counters c = run("cp0", 500);
        assertEquals(0, c.totalExceptions());
        assertEquals(0, c.userInstructions());
        assertEquals(0, c.tlbWrites());
    }

    @Test
    void tlbwrite_twoWritesPerIteration() throws Exception {
        assertEquals(2 * 500, run("tlbwrite", 500).tlbWrites());
    }

    @Test
    void syscall_oneSyscallPerIteration_plusTheLast() throws Exception {
        Counters c = run("syscall", 500);
        assertEquals(501, c.exceptions(ExcCode.SYS));
        assertEquals(501, c.totalExceptions());
        assertEquals(0, c.utlbRefills());
    }

    @Test
    void tlbmiss_mostLoadsRefill() throws Exception {
        Counters c = run("tlbmiss", 2000);
        assertTrue(c.utlbRefills() > 1000 && c.utlbRefills() <= 2000, "refills: " + c.utlbRefills());
        assertEquals(c.utlbRefills() + 1, c.totalExceptions());
    }

    @Test
    void interrupt_oneTimerInterruptPerIteration() throws Exception {
        Counters c = run("interrupt", 500);
        assertEquals(500, c.interrupts());
        assertEquals(500, c.totalExceptions());
    }

    @Test
    void compute_userModeOnly_oneSyscallAtTheEnd() throws Exception {
        Counters c = run("compute", 2000);
        assertEquals(1, c.totalExceptions());
        assertTrue(c.userInstructions() > 10 * 2000, "user instructions: " + c.userInstructions());
    }
}
