package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code vm3000 run --rmr-levels N}: the RMR-stack machine from the command line. */
class RmrRunTest {
    @Test
    void rmrmonTwoDeep_runsHello_andStatsShowEveryLevel() {
        Cli c = Cli.run("run", "--stats", "--rmr-levels", "2", "rmrmon", "--module", "rmrmon", "--module", "hello", "hi");
        assertEquals(0, c.code(), c.err());
        assertEquals("Hello from vm3000, an R3000 in the System/161 dialect.\nboot arguments: hi\n", c.out());
        assertTrue(c.err().contains("RMR stack: 2 levels above level 0"), c.err());
        assertTrue(c.err().contains("level 1:") && c.err().contains("level 2:"), c.err());
        assertTrue(c.err().contains("monitor entries:"), c.err());
    }

    @Test
    void rmrmonOnThePlainMachine_saysSo() {
        Cli c = Cli.run("run", "rmrmon", "--module", "hello");
        assertEquals(3, c.code(), c.err());
        assertTrue(c.out().contains("this machine has no RMR stack"), c.out());
    }

    @Test
    void tooFewLevelsForTheStack_isAMachineCheckOfTheLevelThatAsked() {
        // The rmrmon at level 1 has no level to launch hello at: a machine check of level 1, routed to
        // the rmrmon at level 0, which says so and powers off with code 125: a guest's code, which
        // vm3000 does not pass through as its own machine-check status.
        Cli c = Cli.run("run", "--rmr-levels", "1", "rmrmon", "--module", "rmrmon", "--module", "hello");
        assertEquals(ExitCodes.GUEST_OTHER, c.code(), c.err());
        assertTrue(c.err().contains("the guest's exit code 125 is reported as 64"), c.err());
        assertEquals("rmrmon: the kernel stopped with a machine check\n", c.out());
        Cli one = Cli.run("run", "--rmr-levels", "0", "rmrmon", "--module", "hello");
        assertEquals(3, one.code(), "no stack at all: LRMR is reserved");
    }

    @Test
    void badLevelCount_isOneLineError() {
        for (String n : new String[] {"17", "-1"}) {
            Cli c = Cli.run("run", "--rmr-levels", n, "hello");
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.oneLineError(), c.err());
            assertTrue(c.err().contains("--rmr-levels must be 0..16"), c.err());
        }
        Cli notNumber = Cli.run("run", "--rmr-levels", "two", "hello");
        assertEquals(ExitCodes.BAD_INPUT, notNumber.code(), notNumber.err());
    }

    @Test
    void withVmm_isRefused() {
        Cli c = Cli.run("run", "--rmr-levels", "2", "--vmm", "trap", "hello");
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
    }
}
