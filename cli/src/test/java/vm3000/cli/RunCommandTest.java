package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from {@code vm3000 run}, {@code asm}, {@code disasm}, {@code --help}. */
class RunCommandTest {
    static final Path HELLO = Path.of("../guest-kernels/src/main/resources/kernels/hello.s");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void hello_printsGreetingAndArgs_onStdout_andPowerOffOnStderr() {
        Cli c = Cli.run("run", HELLO.toString(), "one", "two");
        assertEquals(0, c.code(), c.err());
        assertEquals("Hello from vm3000, an R3000 in the System/161 dialect.\nboot arguments: one two\n", c.out());
        assertTrue(c.err().startsWith("vm3000: power off after "), c.err());
    }

    @Test
    void diskInTheConfig_imageCreated_andFreeForTheNextRun() throws IOException {
        Path img = dir.resolve("LHD0.img");
        Path conf = write("sys161.conf", "0 serial\n2 disk rpm=7200 size=5M file=" + img + " nodoom\n"
                + "30 trace\n31 mainboard ramsize=1M\n");
        Path s = write("nsect.s", "        .set noreorder\n        .text\n__start: li $t0, 0xbfe20000\n"
                + "        lw $t1, 0($t0)\n        li $t2, 0xbffe001c\n        sw $t1, 0($t2)\n");  // exit code = NSECT
        Cli first = Cli.run("run", "--config", conf.toString(), s.toString());
        assertTrue(first.err().contains("(trace: exit code 10240)"), first.err());
        assertEquals(10241L * 512, Files.size(img));
        Cli second = Cli.run("run", "--config", conf.toString(), s.toString());  // the first run let go of the image
        assertTrue(second.err().contains("(trace: exit code 10240)"), second.err());
    }

    @Test
    void builtInKernel_byName() {
        Cli c = Cli.run("run", "hello", "by", "name");
        assertEquals(0, c.code(), c.err());
        assertEquals("Hello from vm3000, an R3000 in the System/161 dialect.\nboot arguments: by name\n", c.out());
    }

    @Test
    void tinyos_runsBootModules() throws IOException {
        Path src = write("u.s", "        .set noreorder\n        .text\n__start: li $a0, 1\n        la $a1, m\n"
                + "        li $a2, 3\n        li $v0, 4004\n        syscall\n        li $a0, 5\n        li $v0, 4001\n"
                + "        syscall\n        .rodata\nm:      .ascii \"ok\\n\"\n");
        Path elf = dir.resolve("u.elf");
        Cli a = Cli.run("asm", "--base", "0x00400000", src.toString(), "-o", elf.toString());
        assertEquals(0, a.code(), a.err());
        Cli c = Cli.run("run", "tinyos", "--module", elf.toString(), "--module", elf.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("tinyos: 2 boot modules,"), c.out());
        assertTrue(c.out().contains("--- pid 1 (u.elf): exit 5\nok\n--- pid 2 (u.elf): exit 5\nok\n"), c.out());
    }

    @Test
    void unknownName_isMissingFile() {
        Cli c = Cli.run("run", "nosuchkernel");
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertEquals("vm3000: nosuchkernel: no such file\n", c.err());
    }

    @Test
    void stats_reportsCounters() {
        Cli c = Cli.run("run", "--stats", HELLO.toString());
        assertEquals(0, c.code());
        assertTrue(c.err().contains("instructions: "), c.err());
        assertTrue(c.err().contains("(user 0, kernel "), c.err());
    }

    @Test
    void guestExitCode_isTheProcessExitCode() throws IOException {
        Path s = write("seven.s", "        .text\n__start: li $t0, 0xbffe0000\n        li $t1, 7\n"
                + "        sw $t1, 0x1c($t0)\n1:      b 1b\n        nop\n");
        Cli c = Cli.run("run", s.toString());
        assertEquals(7, c.code(), c.err());
        assertTrue(c.err().contains("exit code 7"), c.err());
    }

    @Test
    void instructionLimit_stopsAnEndlessLoop_withItsOwnCode() throws IOException {
        Path s = write("loop.s", "        .text\n__start: b __start\n        nop\n");
        Cli c = Cli.run("run", "--max-instructions", "1000", s.toString());
        assertEquals(ExitCodes.INSTRUCTION_LIMIT, c.code());
        assertTrue(c.err().contains("instruction limit of 1000 reached"), c.err());
    }

    @Test
    void machineCheck_hasItsOwnCode_andADiagnostic() throws IOException {
        Path s = write("dup.s", "        .set noreorder\n        .text\n__start:\n"
                + "        li $t0, 0x00400000\n        mtc0 $t0, $10\n        mtc0 $zero, $2\n"
                + "        li $t1, 0x100\n        mtc0 $t1, $0\n        tlbwi\n"
                + "        li $t1, 0x200\n        mtc0 $t1, $0\n        tlbwi\n1:      b 1b\n        nop\n");
        Cli c = Cli.run("run", s.toString());
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("duplicate TLB entries 2 and 1"), c.err());
    }

    @Test
    void trace_writesExceptionsToStderr_notStdout() throws IOException {
        Path s = write("sys.s", "        .set noreorder\n        .text\n__start:\n        syscall\n");
        Cli c = Cli.run("run", "--trace", "x", s.toString());
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err()); // BEV is still set: the boot ROM stops it
        assertTrue(c.err().contains("sys161: Tracing enabled: exn \n"), c.err());
        assertTrue(c.err().contains("trace: 00 exception: code 8 (System call), expc 80001000, vaddr 0, sp "), c.err());
        assertTrue(c.err().contains("boot ROM vector 0xbfc00180"), c.err());
        assertEquals("", c.out());
    }

    @Test
    void asmThenDisasm_showsTheCode() throws IOException {
        Path s = write("p.s", "        .set noreorder\n        .text\n__start: addiu $sp, $sp, -32\n        jr $ra\n        nop\n");
        Path elf = dir.resolve("p.elf");
        assertEquals(0, Cli.run("asm", s.toString(), "-o", elf.toString()).code());
        Cli c = Cli.run("disasm", elf.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("80001000:  27bdffe0  addiu $sp, $sp, -32"), c.out());
        assertTrue(c.out().contains("80001004:  03e00008  jr $ra"), c.out());
    }

    @Test
    void asmLittleEndian_runsTheSame() throws IOException {
        Path elf = dir.resolve("hello-el.elf");
        assertEquals(0, Cli.run("asm", "-EL", HELLO.toString(), "-o", elf.toString()).code());
        Cli c = Cli.run("run", elf.toString(), "le");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().endsWith("boot arguments: le\n"), c.out());
    }

    @Test
    void help_andVersion_exitZero() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("run") && help.out().contains("asm") && help.out().contains("disasm"));
        Cli runHelp = Cli.run("run", "--help");
        assertTrue(runHelp.out().contains("--max-instructions"), runHelp.out());
        Cli version = Cli.run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("vm3000 "), version.out());
    }

    @Test
    void noCommand_isAUsageError() {
        Cli c = Cli.run();
        assertEquals(ExitCodes.BAD_INPUT, c.code());
        assertTrue(c.oneLineError(), c.err());
    }

    @Test
    void traceDeviceDump_printsRegistersOnStderr() throws IOException {
        Path s = write("dump.s", "        .text\n__start: li $s0, 0x1234abcd\n        li $t0, 0xbffe0000\n"
                + "        sw $zero, 0x0c($t0)\n        sw $zero, 0x1c($t0)\n");
        Cli c = Cli.run("run", s.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("sys161: trace: dump with code 0 (0x0)"), c.err());
        assertTrue(c.err().contains("sys161: r16: 0x1234abcd  "), c.err());
        assertTrue(c.err().contains("sys161: Status register: ---------B----------------------"), c.err());
        assertTrue(c.err().contains("sys161: trace: dump complete"), c.err());
        assertEquals("", c.out());
    }
}
