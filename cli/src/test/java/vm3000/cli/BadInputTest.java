package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one clear line on stderr and exit code 2; nothing is half-written. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path assembled(String source) throws IOException {
        Path s = write("prog.s", source);
        Path elf = dir.resolve("prog.elf");
        Cli c = Cli.run("asm", s.toString(), "-o", elf.toString());
        assertEquals(0, c.code(), c.err());
        return elf;
    }

    private static void assertBadInput(Cli c, String... mustContain) {
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), "one-line error expected, got: " + c.err());
        for (String s : mustContain) assertTrue(c.err().contains(s), "'" + s + "' missing from: " + c.err());
    }

    @Test
    void unknownOption_isOneLineUsageError() {
        assertBadInput(Cli.run("run", "--no-such-option", "x.elf"), "--no-such-option");
    }

    @Test
    void unknownCommand_isOneLineUsageError() {
        assertBadInput(Cli.run("frobnicate"), "frobnicate");
    }

    @Test
    void missingImage_namesTheFile() {
        assertBadInput(Cli.run("run", dir.resolve("nothere.elf").toString()), "nothere.elf", "no such file");
    }

    @Test
    void assemblyError_namesFileAndLine() throws IOException {
        Path s = write("bad.s", "        .text\n__start:\n        addx $t0, $t1, $t2\n");
        assertBadInput(Cli.run("run", s.toString()), "bad.s:3:");
    }

    @Test
    void assemblyError_writesNoOutputFile() throws IOException {
        Path s = write("bad.s", "        .text\n        lw $t0, ($nosuch)\n");
        Path out = dir.resolve("out.elf");
        assertBadInput(Cli.run("asm", s.toString(), "-o", out.toString()), "bad.s:2:");
        assertFalse(Files.exists(out), "no output file may be left behind");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void textFileAsElf_isNotAnElfFile() throws IOException {
        Path f = write("notelf.elf", "this is not an ELF file at all, just text\n");
        assertBadInput(Cli.run("run", f.toString()), "notelf.elf");
    }

    @Test
    void truncatedElf_namesTheFile() throws IOException {
        Path elf = assembled("        .text\n__start: li $t0, 1\n        .data\n        .space 64\n");
        byte[] bytes = Files.readAllBytes(elf);
        for (int cut : new int[] {3, 20, 51, 60, bytes.length / 2, bytes.length - 1}) {
            Path t = dir.resolve("cut" + cut + ".elf");
            Files.write(t, Arrays.copyOf(bytes, cut));
            assertBadInput(Cli.run("run", t.toString()), "cut" + cut + ".elf");
        }
    }

    @Test
    void elfWithCorruptHeader_namesTheFile() throws IOException {
        Path elf = assembled("        .text\n__start: li $t0, 1\n");
        byte[] bytes = Files.readAllBytes(elf);
        bytes[18] = 0; // e_machine: no longer MIPS
        bytes[19] = 62;
        Path t = dir.resolve("x86.elf");
        Files.write(t, bytes);
        assertBadInput(Cli.run("run", t.toString()), "x86.elf");
    }

    @Test
    void imageLargerThanRam_isRefused() throws IOException {
        Path s = write("big.s", "        .text\n__start: b __start\n        nop\n        .data\n        .space 2000000\n");
        assertBadInput(Cli.run("run", "--ram", "1M", s.toString()), "big.s", "does not fit");
    }

    @Test
    void badRamSize_isRefused() {
        assertBadInput(Cli.run("run", "--ram", "12Q", "x.elf"), "12Q");
        assertBadInput(Cli.run("run", "--ram", "1000", "x.elf"), "multiple of 4K");
    }

    @Test
    void badTraceFlag_isRefused() throws IOException {
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--trace", "kq", s.toString()), "'q'");
    }

    @Test
    void badConfig_namesFileAndLine() throws IOException {
        Path conf = write("sys161.conf", "0 serial\n5 disk\n31 mainboard\n");
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--config", conf.toString(), s.toString()), "sys161.conf:2:");
    }

    @Test
    void diskImageThatIsNotOne_namesConfigLineAndImage() throws IOException {
        Path img = write("LHD0.img", "not a disk image\n");
        Path conf = write("sys161.conf", "0 serial\n2 disk file=" + img + "\n31 mainboard ramsize=1M\n");
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--config", conf.toString(), s.toString()),
                "sys161.conf:2: disk: slot 2: " + img + ": not a disk image");
        assertEquals("not a disk image\n", Files.readString(img), "the file is left as it was");
    }

    @Test
    void missingDiskImageWithoutSize_isRefused_andNotCreated() throws IOException {
        Path img = dir.resolve("LHD1.img");
        Path conf = write("sys161.conf", "0 serial\n31 mainboard ramsize=1M\n3 disk rpm=7200 file=" + img + "\n");
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--config", conf.toString(), s.toString()),
                "sys161.conf:3: disk: slot 3: " + img + ": no such file");
        assertFalse(Files.exists(img));
    }

    @Test
    void nonPositiveInstructionLimit_isRefused() throws IOException {
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--max-instructions", "0", s.toString()), "--max-instructions");
    }

    @Test
    void unknownCore_isRefused() throws IOException {
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--core", "jit", s.toString()), "'jit'");
    }

    @Test
    void vmmOptionsWithoutVmm_areRefused() throws IOException {
        Path s = write("ok.s", "        .text\n__start: b __start\n        nop\n");
        assertBadInput(Cli.run("run", "--depth", "2", s.toString()), "--depth needs --vmm");
        assertBadInput(Cli.run("run", "--vm-output", dir.toString(), s.toString()), "--vm-output needs --vmm");
    }

    // ---- files that are not regular files, or larger than they may be: refused, never read whole ----

    /** A command that would read forever without the fix fails the test instead of hanging it. */
    private static Cli timed(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(args));
    }

    private static Path devZero() {
        Path z = Path.of("/dev/zero");
        assumeTrue(Files.exists(z), "no /dev/zero on this system");
        return z;
    }

    /** A FIFO with no writer: opening it to read would block for ever. */
    private Path fifo() throws IOException, InterruptedException {
        Path f = dir.resolve("fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", f.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return null;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(f), "mkfifo failed");
        return f;
    }

    @Test
    void deviceAsImage_isRefused() {
        assertBadInput(timed("run", devZero().toString()), "/dev/zero: not a regular file");
    }

    @Test
    void deviceAsModule_isRefused() {
        assertBadInput(timed("run", "hello", "--module", devZero().toString()), "/dev/zero: not a regular file");
    }

    @Test
    void deviceAsConfig_isRefused() {
        assertBadInput(timed("run", "--config", devZero().toString(), "hello"), "/dev/zero: not a regular file");
    }

    @Test
    void deviceAsAssemblySource_isRefused() throws IOException {
        assertBadInput(timed("asm", devZero().toString(), "-o", dir.resolve("out.elf").toString()), "/dev/zero: not a regular file");
        Path link = Files.createSymbolicLink(dir.resolve("zero.s"), devZero());
        assertBadInput(timed("run", link.toString()), "zero.s: not a regular file");
        assertFalse(Files.exists(dir.resolve("out.elf")));
    }

    @Test
    void includeOfDevice_namesFileAndLine() throws IOException {
        Path s = write("inc.s", "        .text\n__start: nop\n        .include \"" + devZero() + "\"\n");
        assertBadInput(timed("run", s.toString()), "inc.s:3: cannot include '/dev/zero': not a regular file");
    }

    @Test
    void fifoAsImageOrConfig_isRefusedWithoutWaitingForAWriter() throws Exception {
        Path f = fifo();
        assertBadInput(timed("run", f.toString()), "fifo: not a regular file");
        assertBadInput(timed("run", "--config", f.toString(), "hello"), "fifo: not a regular file");
        assertBadInput(timed("asm", f.toString(), "-o", dir.resolve("x.elf").toString()), "fifo: not a regular file");
    }

    @Test
    void sourceLargerThanTheAssemblerReads_isRefusedUnread() throws IOException {
        Path big = dir.resolve("big.s");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(65L << 20 /* sparse */);
        }
        assertBadInput(timed("asm", big.toString(), "-o", dir.resolve("big.elf").toString()), "big.s: larger than 64 MiB");
    }

    @Test
    void moduleLargerThanRam_isRefusedHavingReadNoMoreThanFits() throws Exception {
        // 400 MiB (sparse) under a 64 MiB heap: read whole, as it used to be, it ran out of memory.
        Path big = dir.resolve("big.mod");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(400L << 20);
        }
        ChildCli c = ChildCli.run(dir, List.of("-Xmx64m"), null, "run", "--ram", "4M", "hello", "--module", big.toString());
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().contains("big.mod: boot module does not fit in 4096 KiB of RAM"), c.err());
    }

    @Test
    void secondModuleBeyondRam_isRefusedWhenRead() throws IOException {
        Path a = dir.resolve("a.mod");
        Files.write(a, new byte[600 << 10]);
        Path b = dir.resolve("b.mod");
        Files.write(b, new byte[600 << 10]);
        assertBadInput(Cli.run("run", "--ram", "1M", "hello", "--module", a.toString(), "--module", b.toString()),
                "b.mod: boot module does not fit in 1024 KiB of RAM");
    }

    // ---- out of memory: one line and its own exit code, never a stack trace ----

    @Test
    void outOfMemory_isOneLineAndExitCode71() throws Exception {
        Path s = write("huge.s", "        .text\n__start: nop\n        .data\n        .space 200000000, 1\n");
        ChildCli c = ChildCli.run(dir, List.of("-Xmx32m"), null, "asm", s.toString(), "-o", dir.resolve("huge.elf").toString());
        assertEquals(ExitCodes.OUT_OF_MEMORY, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
        assertTrue(c.err().startsWith("vm3000: out of memory: this needs more than the "), c.err());
        assertFalse(Files.exists(dir.resolve("huge.elf")));
    }

    // ---- sizes and numbers: exact arithmetic, never a value that wrapped around ----

    @Test
    void ramSizeThatWrapsAround64Bits_isRefused() {
        // 2^64 + 16 MiB, in M and in K: multiplied in 64 bits it was 16 MiB, and accepted.
        assertBadInput(Cli.run("run", "--ram", "17592186044432M", "hello"), "17592186044432M", "from 4K to 508M");
        assertBadInput(Cli.run("run", "--ram", "18014398509498368K", "hello"), "18014398509498368K", "from 4K to 508M");
        assertBadInput(Cli.run("run", "--ram", "18446744073726328832", "hello"), "18446744073726328832", "from 4K to 508M");
        assertBadInput(Cli.run("run", "--ram", "-16M", "hello"), "-16M");
    }

    @Test
    void configRamSizeThatWrapsAround64Bits_isRefused() throws IOException {
        for (String size : new String[] {"17592186044432M", "18014398509498368K", "36028797018996736s", "18446744073726328832"}) {
            Path conf = write("sys161.conf", "0 serial\n31 mainboard ramsize=" + size + "\n");
            assertBadInput(Cli.run("run", "--config", conf.toString(), "hello"), "sys161.conf:2: ramsize");
        }
    }

    @Test
    void numberBeyond64Bits_isOutOfRange() {
        assertBadInput(Cli.run("run", "--max-instructions", "18446744073709551617", "hello"), "'18446744073709551617' is out of range");
        assertBadInput(Cli.run("run", "--seed", "0x1_0000_0000_0000_0000", "hello"), "is out of range");
        assertBadInput(Cli.run("run", "--seed", "12z", "hello"), "'12z' is not a number");
    }

    @Test
    void asmBaseBeyond32Bits_isRefused() throws IOException {
        Path s = write("ok.s", "        .text\n__start: nop\n");
        Path out = dir.resolve("ok.elf");
        assertBadInput(Cli.run("asm", "--base", "0x100400000", s.toString(), "-o", out.toString()), "--base: 0x100400000 is not a 32-bit address");
        assertFalse(Files.exists(out));
        assertEquals(0, Cli.run("asm", "--base", "0x00400000", s.toString(), "-o", out.toString()).code());
    }

    @Test
    void vmOutputThatIsAFile_isRefusedAndUntouched() throws IOException {
        Path f = write("notadir", "mine");
        assertBadInput(Cli.run("run", "--vmm", "trap", "--vm-output", f.toString(), "hello"), "--vm-output: " + f + " is not a directory");
        assertEquals("mine", Files.readString(f));
    }
}
