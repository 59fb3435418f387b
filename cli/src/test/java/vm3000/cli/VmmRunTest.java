package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vm3000 run --vmm trap|rmr}: several VMs, their outputs apart, their exit codes, nesting, stats. */
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
        assertEquals("syscall: 5 user -> kernel -> user round trips\n", c.out());
        for (int level = 0; level <= 2; level++) assertTrue(c.err().contains("level " + level + ": monitor entries"), c.err());
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

    /** One VM looks like bare metal: its console is standard output byte for byte, for both VMMs and every depth. */
    @Test
    void oneVm_outputIsTheBareMachines_byteForByte() throws Exception {
        Path src = Files.writeString(dir.resolve("p.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: li $t0, 0xbfe00000\n        li $t1, '>'\n        sw $t1, 0($t0)\n1:      lw $t2, 4($t0)\n"
                + "        andi $t2, $t2, 2\n        beqz $t2, 1b\n        nop\n        li $t0, 0xbffe001c\n"
                + "        sw $zero, 0($t0)\n");
        Cli bare = Cli.run("run", src.toString());
        assertEquals(">", bare.out(), "a prompt without a newline");
        for (String vmm : new String[] {"trap", "rmr"}) {
            for (int depth = 1; depth <= 4; depth++) {
                Cli c = Cli.run("run", "--vmm", vmm, "--depth", String.valueOf(depth), src.toString());
                assertEquals(0, c.code(), c.err());
                assertEquals(bare.out(), c.out(), vmm + " at depth " + depth);
            }
        }
    }

    @Test
    void rmr_twoVmsAtDepth2_withStats() {
        Cli c = Cli.run("run", "--vmm", "rmr", "--depth", "2", "--stats", "hello:one", "syscall:5");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("[vm0] " + HELLO), c.out());
        assertTrue(c.out().contains("[vm1] syscall: 5 user -> kernel -> user round trips\n"), c.out());
        assertTrue(c.err().contains("vmm: RMR stack, depth 2, 2 VMs"), c.err());
        for (int level = 0; level <= 1; level++) assertTrue(c.err().contains("level " + level + ": monitor entries"), c.err());
        assertTrue(c.err().contains("instructions interpreted 0"), c.err());
    }

    @Test
    void prefixedOutput_controlCharactersCannotForgeAnotherVm() throws Exception {
        PrefixedLinesProbe p = new PrefixedLinesProbe();
        p.write("ok\r[vm1] forged\n\u001b[2Kx\n");
        assertEquals("[vm0] ok^M[vm1] forged\n[vm0] ^[[2Kx\n", p.text());
    }

    @Test
    void prefixedOutput_aLineThatNeverEnds_goesOutInBoundedPieces() {
        PrefixedLinesProbe p = new PrefixedLinesProbe();
        p.write("x".repeat(3 * PrefixedLines.MAX_LINE + 5));
        String text = p.text();
        java.util.List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), "pieces of at most MAX_LINE bytes, each a line with its prefix");
        for (String l : lines) assertTrue(l.startsWith("[vm0] ") && l.length() <= "[vm0] ".length() + PrefixedLines.MAX_LINE, l);
        assertEquals("x".repeat(3 * PrefixedLines.MAX_LINE + 5), text.replace("[vm0] ", "").replace("\n", ""));
    }

    /** Drives a PrefixedLines on a buffer. */
    static final class PrefixedLinesProbe {
        final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        final PrefixedLines lines = new PrefixedLines(new java.io.PrintStream(buf, true), "[vm0] ");
        void write(String s) { for (char ch : s.toCharArray()) lines.write(ch); }
        String text() { lines.flush(); return buf.toString(java.nio.charset.StandardCharsets.ISO_8859_1); }
    }

    @Test
    void traceWithVmm_isRefused_coreIsTheHosts() {
        Cli t = Cli.run("run", "--vmm", "rmr", "--trace", "x", "hello");
        assertEquals(ExitCodes.BAD_INPUT, t.code(), t.err());
        assertTrue(t.oneLineError(), t.err());
        Cli c = Cli.run("run", "--vmm", "trap", "--core", "interp", "hello:x");
        assertEquals(0, c.code(), c.err());
        Cli bad = Cli.run("run", "--vmm", "rmr", "--core", "fast", "hello");
        assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.err());
    }

    @Test
    void diskInTheConfig_eachVmm_letsGoOfTheImageForTheNextRun() throws Exception {
        Path img = dir.resolve("LHD0.img");
        Path conf = Files.writeString(dir.resolve("sys161.conf"), "0 serial\n2 disk size=5M file=" + img + "\n"
                + "30 trace\n31 mainboard ramsize=1M\n");
        Path s = Files.writeString(dir.resolve("nsect.s"), "        .set noreorder\n        .text\n"
                + "__start: li $t0, 0xbfe20000\n        lw $t1, 0($t0)\n        li $t2, 0xbffe001c\n"
                + "        sw $t1, 0($t2)\n");  // exit code = NSECT
        for (String vmm : new String[] {"trap", "rmr", "trap"}) {
            Cli c = Cli.run("run", "--vmm", vmm, "--config", conf.toString(), s.toString());
            assertTrue(c.err().contains("exit code 10240"), vmm + ": " + c.err());
        }
        assertEquals(10241L * 512, Files.size(img));
    }

    @Test
    void readOnlyOrMissingDiskImage_eachVmm_oneLine_nothingCreated() throws Exception {
        Path ro = dir.resolve("ro.img");
        Path made = Files.writeString(dir.resolve("ro.conf"), "0 serial\n2 disk size=5M file=" + ro + "\n30 trace\n31 mainboard ramsize=1M\n");
        assertEquals(0, Cli.run("run", "--config", made.toString(), "hello").code(), "the image is made bare");
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Path missing = dir.resolve("missing.img");
        Path noSize = Files.writeString(dir.resolve("missing.conf"), "0 serial\n2 disk file=" + missing + "\n31 mainboard ramsize=1M\n");
        for (String vmm : new String[] {"trap", "rmr"}) {
            Cli r = Cli.run("run", "--vmm", vmm, "--depth", "2", "--config", made.toString(), "hello");
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertTrue(r.oneLineError() && r.err().contains(made + ":2: disk: slot 2: " + ro + ": read-only"), r.err());
            Cli m = Cli.run("run", "--vmm", vmm, "--depth", "2", "--config", noSize.toString(), "hello");
            assertEquals(ExitCodes.BAD_INPUT, m.code(), m.err());
            assertTrue(m.oneLineError() && m.err().contains(noSize + ":2: disk: slot 2: " + missing + ": no such file"), m.err());
            assertTrue(!Files.exists(missing), "nothing created");
        }
    }

    @Test
    void twoVmsOnOneDiskImage_secondRefused() throws Exception {
        Path img = dir.resolve("LHD0.img");
        Path conf = Files.writeString(dir.resolve("sys161.conf"), "0 serial\n2 disk size=5M file=" + img + "\n"
                + "31 mainboard ramsize=1M\n");
        Cli c = Cli.run("run", "--vmm", "trap", "--config", conf.toString(), "hello", "hello");
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.err().contains(conf + ":2: disk: slot 2: " + img + ": locked by another disk or another process"), c.err());
    }

    @Test
    void unknownVmm_badInput() {
        Cli c = Cli.run("run", "--vmm", "rmr2", "hello");
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertTrue(c.err().contains("--vmm"), c.err());
    }

    /** Level 0's monitor entries, from --stats. */
    private static long entries(Cli c) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("level 0: monitor entries (\\d+)").matcher(c.err());
        assertTrue(m.find(), c.err());
        return Long.parseLong(m.group(1));
    }

    /**
     * --lab N builds the VMM as exercise N's grader does: with --lab 1, exercise 4's virtual time is
     * OneStep's, one instruction per direct run, so the same run costs a trap per user instruction.
     */
    @Test
    void lab_buildsTheVmmAsTheExercisesGraderDoes() {
        Cli reference = Cli.run("run", "--vmm", "trap", "--stats", "compute:200");
        Cli lab1 = Cli.run("run", "--vmm", "trap", "--lab", "1", "--stats", "compute:200");
        Cli lab4 = Cli.run("run", "--vmm", "trap", "--lab", "4", "--stats", "compute:200");
        assertEquals(0, lab1.code(), lab1.err());
        assertEquals(reference.out(), lab1.out());
        assertEquals(reference.out(), lab4.out());
        assertTrue(entries(lab1) > 10 * entries(reference), entries(lab1) + " entries with --lab 1, " + entries(reference) + " without");
        assertEquals(entries(reference), entries(lab4), "exercise 4's grader uses every part as written");
    }

    @Test
    void lab_withoutATrapVmm_orNoSuchExercise_isRefused() {
        for (String[] args : new String[][] {{"run", "--lab", "1", "hello"}, {"run", "--vmm", "rmr", "--lab", "1", "hello"},
                {"run", "--vmm", "trap", "--lab", "9", "hello"}}) {
            Cli c = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.err().contains("--lab"), c.err());
        }
    }

    @Test
    void aStudentTreesUnwrittenPart_isNamedInOneLine() {
        Exception stub = new UnsupportedOperationException("exercise 3: precise invalidation");
        assertEquals("exercise 3: precise invalidation", Main.unwrittenExercise(new RuntimeException(stub)));
        assertEquals(null, Main.unwrittenExercise(new UnsupportedOperationException("something else")));
    }
}
