package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vm3000 run --vmm trap}: several VMs, their outputs apart, their exit codes, nesting, stats. */
class VmmRunTest {
    private static final String HELLO = "Hello from vm3000, an R3000 in the System/161 dialect.\n";

    @TempDir
    Path dir;

    @Test
    void twoVms_prefixedOutput_exitZero() {
        Cli c = Cli.run("run", "--vmm", "trap", "hello:one", "cp0:20");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("[vm0] " + HELLO), c.out());
        assertTrue(c.out().contains("[vm0] boot arguments: one\n"), c.out());
        assertTrue(c.out().contains("[vm1] cp0: 20 iterations"), c.out());
        assertTrue(c.err().contains("vm0 (hello): exit code 0"), c.err());
        assertTrue(c.err().contains("vm1 (cp0): exit code 0"), c.err());
    }

    @Test
    void depth3_withStats_reportsEveryLevel() {
        Cli c = Cli.run("run", "--vmm", "trap", "--depth", "3", "--stats", "syscall:5");
        assertEquals(0, c.code(), c.err());
        assertEquals("[vm0] syscall: 5 user -> kernel -> user round trips\n", c.out());
        for (int level = 1; level <= 3; level++) assertTrue(c.err().contains("level " + level + ": monitor entries"), c.err());
        assertTrue(c.err().contains("shadow-TLB refills"), c.err());
        assertTrue(c.err().contains("instructions interpreted"), c.err());
    }

    @Test
    void vmOutput_oneFilePerVm() throws Exception {
        Cli c = Cli.run("run", "--vmm", "trap", "--vm-output", dir.toString(), "hello:a", "hello:b");
        assertEquals(0, c.code(), c.err());
        assertEquals("", c.out());
        assertEquals(HELLO + "boot arguments: a\n", Files.readString(dir.resolve("vm0.txt")));
        assertEquals(HELLO + "boot arguments: b\n", Files.readString(dir.resolve("vm1.txt")));
    }

    @Test
    void machineCheckInOneVm_firstNonZeroCode_othersFinish() throws Exception {
        Path bad = Files.writeString(dir.resolve("bev.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: syscall\n        nop\n");
        Cli c = Cli.run("run", "--vmm", "trap", "hello", bad.toString());
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.out().contains("[vm0] " + HELLO), c.out());
        assertTrue(c.err().contains("vm1 (" + bad + "): exit code " + ExitCodes.MACHINE_CHECK), c.err());
        assertTrue(c.err().contains("boot ROM"), c.err());
    }

    @Test
    void modules_goToEveryVm() throws Exception {
        Path hi = Path.of("../guest-kernels/src/test/resources/modules/hi.s");
        Path elf = dir.resolve("hi.elf");
        Cli asm = Cli.run("asm", "--base", "0x00400000", "-o", elf.toString(), hi.toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(asm.code() == 0, asm.err());
        Cli c = Cli.run("run", "--vmm", "trap", "--module", elf.toString(), "tinyos", "tinyos");
        assertEquals(0, c.code(), c.err());
        for (int vm = 0; vm < 2; vm++) assertTrue(c.out().contains("[vm" + vm + "] hi from a boot module"), c.out());
    }

    @Test
    void unknownVmm_badInput() {
        Cli c = Cli.run("run", "--vmm", "rmr2", "hello");
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertTrue(c.err().contains("--vmm"), c.err());
    }
}
