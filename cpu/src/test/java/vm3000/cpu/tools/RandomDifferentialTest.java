package vm3000.cpu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.Program;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Random straight-line MIPS I programs ({@link RandomProgram}) run on vm3000 bare metal and under
 * qemu-user, and must leave the same registers, HI, LO and scratch buffer.
 *
 * <p>Programs are batched: one image holds {@value #BATCH} programs one after another, each with its
 * own block in {@code .data} (scratch buffer, then the dump its epilogue writes). vm3000 runs the
 * image as a kernel (assembled by vm3000, powered off through the trace device) and the blocks are
 * read from RAM; for qemu the same source, wrapped as a Linux o32 program (GNU as, {@code ld -static
 * -nostdlib}), writes all blocks to stdout with one {@code write} and exits.
 *
 * <p>Program {@code k} of seed {@code S} is generated from {@code S} and {@code k} alone. CI runs seed
 * 1 with {@value #DEFAULT_COUNT} programs; {@code -Dvm3000.diff.seed=S -Dvm3000.diff.count=N} chooses
 * others. Big-endian programs run under qemu-mips; the same programs also run little-endian under
 * qemu-mipsel.
 */
class RandomDifferentialTest {
    static final int DEFAULT_COUNT = 1200;
    static final int BATCH = 200;
    static final int LENGTH = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String[] NAMES = names();

    @TempDir Path work;

    static long seed() { return Long.getLong("vm3000.diff.seed", 1L); }
    static int count() { return Integer.getInteger("vm3000.diff.count", DEFAULT_COUNT); }

    @Test
    void bigEndianAgreesWithQemuMips() throws Exception {
        HostTools.assumeAvailable("RandomDifferentialTest", "mips-linux-gnu-as", "mips-linux-gnu-ld", "qemu-mips");
        run(Endian.BIG, "mips-linux-gnu-", "qemu-mips");
    }

    @Test
    void littleEndianAgreesWithQemuMipsel() throws Exception {
        HostTools.assumeAvailable("RandomDifferentialTest", "mipsel-linux-gnu-as", "mipsel-linux-gnu-ld", "qemu-mipsel");
        run(Endian.LITTLE, "mipsel-linux-gnu-", "qemu-mipsel");
    }

    private void run(Endian endian, String prefix, String qemu) throws Exception {
        long seed = seed();
        int count = count();
        List<String> failures = new ArrayList<>();
        for (int first = 0; first < count; first += BATCH) {
            List<RandomProgram> batch = new ArrayList<>();
            for (int k = first; k < Math.min(count, first + BATCH); k++) {
                batch.add(new RandomProgram(seed * 0x9E3779B97F4A7C15L + k, "p" + k, LENGTH));
            }
            byte[] ours = onVm3000(batch, endian);
            byte[] theirs = underQemu(batch, endian, prefix, qemu, first);
            assertEquals(theirs.length, ours.length, "dump sizes");
            for (int i = 0; i < batch.size(); i++) {
                String diff = compare(ours, theirs, i * RandomProgram.BLOCK, endian);
                if (!diff.isEmpty()) {
                    RandomProgram p = batch.get(i);
                    failures.add("seed " + seed + " program " + (first + i) + " (" + endian + "): reproduce with -Dvm3000.diff.seed="
                            + seed + " -Dvm3000.diff.count=" + (first + i + 1) + "\n" + diff + "--- program:\n" + p.listing());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + count + " programs differ from " + qemu + "; the first:\n" + failures.get(0));
        }
    }

    private static List<String> source(List<RandomProgram> batch, List<String> exit) {
        List<String> out = new ArrayList<>(List.of(".set noreorder", ".set noat", ".text", ".globl __start", "__start:"));
        for (RandomProgram p : batch) {
            p.prologue(out);
            out.addAll(p.body);
            p.epilogue(out);
        }
        out.addAll(exit);
        out.add(".data");
        out.add(".align 4");
        out.add("blocks:");
        for (RandomProgram p : batch) p.data(out);
        out.add("blocks_end:");
        return out;
    }

    private static byte[] onVm3000(List<RandomProgram> batch, Endian endian) throws Exception {
        List<String> exit = List.of("lui $8, 0xbffe", "sw $0, 0x1c($8)", "1: b 1b", "nop");
        String text = String.join("\n", source(batch, exit)) + "\n";
        Program program = Assembler.assemble(text, "random.s", Assembler.Options.defaults().withEndian(endian));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(4 << 20).withEndian(endian)
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine m = Boot.machine(options, Sys161Config.defaults());
        Boot.load(m, ElfFile.parse(program.toElf(), "random.s"), "");
        PowerState end = m.run(10_000_000);
        assertEquals(PowerState.Reason.POWER_OFF, end.reason(), "vm3000: " + end.message() + " " + messages);
        int from = program.symbols().get("blocks");
        int to = program.symbols().get("blocks_end");
        return m.ram().read(from & 0x1FFFFFFF, to - from);
    }

    private byte[] underQemu(List<RandomProgram> batch, Endian endian, String prefix, String qemu, int first) throws Exception {
        List<String> exit = List.of(
                "li $2, 4004", "li $4, 1", "lui $5, %hi(blocks)", "addiu $5, $5, %lo(blocks)",
                "lui $6, %hi(blocks_end - blocks)", "addiu $6, $6, %lo(blocks_end - blocks)", "syscall",
                "li $2, 4001", "li $4, 0", "syscall");
        Path dir = Files.createDirectories(work.resolve(endian + "-" + first));
        Path src = dir.resolve("random.s");
        Files.writeString(src, String.join("\n", source(batch, exit)) + "\n", StandardCharsets.UTF_8);
        String e = endian == Endian.BIG ? "-EB" : "-EL";
        HostTools.check(TIMEOUT, List.of(prefix + "as", "-march=r3000", "-mno-shared", "-O1", e, "-o",
                dir.resolve("random.o").toString(), src.toString()));
        HostTools.check(TIMEOUT, List.of(prefix + "ld", e, "-static", "-nostdlib", "-e", "__start", "-o",
                dir.resolve("random").toString(), dir.resolve("random.o").toString()));
        HostTools.BytesResult r = HostTools.runBytes(TIMEOUT, List.of(qemu, "-cpu", "24Kc", dir.resolve("random").toString()), dir);
        if (r.exit() != 0) fail(qemu + " exited with " + r.exit() + ": " + r.stderr());
        return r.stdout();
    }

    /** The differences in one program's block, one line each; empty if none. */
    private static String compare(byte[] ours, byte[] theirs, int at, Endian endian) {
        StringBuilder out = new StringBuilder();
        byte[] a = Arrays.copyOfRange(ours, at, at + RandomProgram.BUFFER);
        byte[] b = Arrays.copyOfRange(theirs, at, at + RandomProgram.BUFFER);
        for (int i = 0; i < RandomProgram.BUFFER; i++) {
            if (a[i] != b[i]) out.append(String.format("  buffer[%d]: vm3000 %02x, qemu %02x%n", i, a[i] & 0xFF, b[i] & 0xFF));
        }
        for (int w = 0; w < RandomProgram.DUMP_WORDS; w++) {
            int off = at + RandomProgram.BUFFER + 4 * w;
            int x = word(ours, off, endian);
            int y = word(theirs, off, endian);
            if (x != y) out.append(String.format("  %s: vm3000 %08x, qemu %08x%n", NAMES[w], x, y));
        }
        return out.toString();
    }

    private static int word(byte[] b, int i, Endian endian) {
        int b0 = b[i] & 0xFF, b1 = b[i + 1] & 0xFF, b2 = b[i + 2] & 0xFF, b3 = b[i + 3] & 0xFF;
        return endian == Endian.BIG ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
    }

    private static String[] names() {
        String[] n = new String[RandomProgram.DUMP_WORDS];
        for (int r = RandomProgram.FIRST; r <= RandomProgram.LAST; r++) n[r - RandomProgram.FIRST] = "$" + r;
        n[RandomProgram.DUMP_WORDS - 2] = "HI";
        n[RandomProgram.DUMP_WORDS - 1] = "LO";
        return n;
    }
}
