package vm3000.cpu.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Disk;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * The disk test kernels of the {@code disk/} test resources, two runs on one image: disk/write
 * creates it and writes sectors, disk/read, a second machine, reads them back. Each must power
 * off with exit code 0 and print its {@code .expected} transcript.
 */
class DiskProgramTest {
    private static final long LIMIT = 50_000_000;

    @TempDir Path dir;

    /** How a run ended, and its console. */
    record Run(PowerState.Reason reason, int exitCode, String message, String console) {
        String outcome() { return reason + " exit " + exitCode + " (" + message + ")\n" + console; }
    }

    /** System/161's sample slots, 1 MiB of RAM, and a 5 MiB disk at 7200 rpm in slot 2 on {@code image}. */
    static String config(Path image) {
        return "0 serial\n2 disk rpm=7200 size=5M file=" + image + "\n28 random\n29 timer\n30 trace\n"
                + "31 mainboard ramsize=1M cpus=1\n";
    }

    static Path program(String name) throws Exception {
        return Path.of(DiskProgramTest.class.getResource("/disk/" + name).toURI());
    }

    /** Assembles the kernel {@code disk/<name>}. */
    static ElfFile kernel(String name) throws Exception {
        Path p = program(name);
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        return ElfFile.parse(Assembler.assembleElf(Files.readString(p, StandardCharsets.UTF_8), p.toString(), asm), name);
    }

    static String expected(String name) throws Exception {
        return Files.readString(program(name.replace(".s", ".expected")), StandardCharsets.ISO_8859_1);
    }

    private Run run(String name, Path image) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(1 << 20).withConsole(console)
                .withMessages(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Machine m = Boot.configured(options, Sys161Config.parse("disk.conf", config(image)), null);
        try {
            Boot.load(m, kernel(name), name);
            PowerState end = m.run(LIMIT);
            return new Run(end.reason(), end.exitCode(), end.message(), console.toString(StandardCharsets.ISO_8859_1));
        } finally {
            m.close();
        }
    }

    @Test
    void writeThenRead_twoRunsOnOneImage() throws Exception {
        Path image = dir.resolve("LHD0.img");
        Run w = run("write.s", image);
        assertEquals(PowerState.Reason.POWER_OFF, w.reason(), w.outcome());
        assertEquals(0, w.exitCode(), w.outcome());
        assertEquals(expected("write.s"), w.console());
        assertEquals(10241L * 512, Files.size(image), "created with the configured size");

        Run r = run("read.s", image);
        assertEquals(PowerState.Reason.POWER_OFF, r.reason(), r.outcome());
        assertEquals(0, r.exitCode(), r.outcome());
        assertEquals(expected("read.s"), r.console());
    }

    @Test
    void read_withoutTheWriteRun_failsAtTheFirstSector() throws Exception {
        Run r = run("read.s", dir.resolve("fresh.img"));
        assertEquals(3, r.exitCode(), r.outcome());
        assertTrue(r.console().contains("sector 0 reads back as written FAIL 00000080"), r.console());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endian.class)
    void byteStoreIntoTheBuffer_landsAtItsAddressInTheImage(Endian endian) throws Exception {
        Path image = dir.resolve(endian + ".img");
        MachineOptions options = MachineOptions.defaults().withRam(1 << 20).withEndian(endian)
                .withMessages(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Machine m = Boot.configured(options, Sys161Config.parse("disk.conf", config(image)), null);
        try {
            int slot2 = 0x1fe20000;
            assertTrue(m.bus().store(slot2 + Disk.BUFFER + 1, 1, 0x11));  // sector byte 1
            assertTrue(m.bus().store(slot2 + Disk.STAT, 4, Disk.WRITING));
            m.clock().advanceTo(m.clock().nextEvent());
            m.clock().runDue();
            assertEquals(6, m.bus().load(slot2 + Disk.STAT, 4));
        } finally {
            m.close();
        }
        byte[] sector0 = Arrays.copyOfRange(Files.readAllBytes(image), 512, 516);
        assertArrayEquals(new byte[] {0, 0x11, 0, 0}, sector0);
    }
}
