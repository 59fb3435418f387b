package vm3000.cpu.rmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.MachineOptions.Core;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.core.Counters;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.CpuContext;
import vm3000.cpu.cores.CoreDifferentialTest;
import vm3000.cpu.cores.CoreDifferentialTest.Case;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.testing.RepositorySources;

/**
 * The interpreter and the block core agree at every level of the RMR stack (docs/rmr.md). The
 * cases of {@link CoreDifferentialTest} (every guest program of the repository, random words,
 * random self-modifying and remapping programs) run at level k = 1, 2 and 3 under a stack of k
 * {@link ConsoleMonitor}s (monitor i gives monitor i+1 a window a few pages into its own memory;
 * the top one boots the guest and emulates its console) on the interpreter, on the block core,
 * and on the block core compiling every block from its second run. The guest level's observable
 * state must be the same on all three: transcript, how the run stopped, the level's counters, its
 * registers and continuation, every CP0 register, its 64 TLB entries, its window of RAM and its
 * own cycles; and so must the machine's (its clock, the stack's report, the monitors' work). Random
 * programs written for a nested level add device accesses everywhere: memory traps at any point
 * of a block, in delay slots, between LL and SC, completed or made bus errors.
 *
 * <p>The guest programs that use no device but the ones the monitor emulates behave at level k
 * exactly as on the bare machine, down to their cycles. So do a few guests written for what is
 * new at a nested level: device accesses in branch delay slots, LWL/LWR/SWL/SWR on device
 * registers (an SWL/SWR traps twice), an LL / device access / SC sequence (a memory trap is no
 * exception of the guest's level: its LL bit survives), and self-modifying code at level 2, under
 * Java monitors and under two MIPS-coded monitors (rmrmon) whose code shares the block cache.
 */
class RmrCoreDifferentialTest {
    /** Each window's base in its owner's memory: the guest at level k is k * PAD above real address 0. */
    static final int PAD = 0x3000;
    static final int[] LEVELS = {1, 2, 3};

    /** The core configurations of CoreDifferentialTest. */
    enum Config { INTERP, BLOCK, EAGER }

    /** What a run left: {@code guest} is the guest level's view (comparable with the bare machine's), {@code state} everything. */
    record Run(String guest, String state, PowerState end, ConsoleMonitor top, Counters counters, Machine machine,
               String transcript) {}

    private static PrintStream quiet() { return new PrintStream(OutputStream.nullOutputStream()); }

    private static Machine machine(Config config, int ram, long seed, int levels, OutputStream console) {
        MachineOptions o = MachineOptions.defaults().withRam(ram).withSeed(seed).withRmrLevels(levels)
                .withCore(config == Config.INTERP ? Core.INTERP : Core.BLOCK).withConsole(console).withMessages(quiet());
        Machine m = Boot.machine(o, Sys161Config.defaults(ram));
        if (config == Config.EAGER) m.blockCore().configureJit(true, 1);
        return m;
    }

    /** The CPU's registers and continuation. */
    private static CpuContext registers(Cpu cpu) {
        CpuContext c = new CpuContext();
        cpu.saveContext(c);
        return c;
    }

    /**
     * One level's observable state, as text: how the run stopped, its registers and continuation,
     * CP0, TLB, its {@code size} bytes of RAM from real address {@code base}, its cycles, its
     * counters and its console.
     */
    static String view(PowerState end, CpuContext r, Cp0 cp0, Counters counters, PhysicalMemory ram, long base, int size,
                       String transcript) {
        StringBuilder sb = new StringBuilder();
        sb.append("stopped ").append(end.reason()).append(" exit code ").append(end.exitCode()).append('\n');
        sb.append(String.format("pc %08x npc %08x delay %b ll %b hi %08x lo %08x completions pending %b%n",
                r.pc(), r.npc(), r.inDelaySlot(), r.llBit(), r.hi(), r.lo(), !r.completion().isEmpty()));
        for (int i = 0; i < 32; i++) sb.append(String.format("%08x%c", r.reg(i), i % 8 == 7 ? '\n' : ' '));
        for (int reg = 0; reg < 16; reg++) sb.append(String.format("%08x ", cp0.read(reg, 0)));
        sb.append('\n');
        Tlb tlb = cp0.tlb();
        for (int i = 0; i < Tlb.ENTRIES; i++) sb.append(String.format("%08x:%08x%c", tlb.hi(i), tlb.lo(i), i % 8 == 7 ? '\n' : ' '));
        long h = 0;
        for (long pa = base; pa < base + size; pa += 4) h = h * 31 + ram.loadWord((int) pa);
        sb.append(String.format("ram hash %016x%n", h));
        sb.append("cycles ").append(cp0.cycles()).append('\n');
        sb.append(counters.report());
        sb.append("console:\n").append(transcript);
        return sb.toString();
    }

    /** {@code c} on the bare machine, on the interpreter: what defines the answer where a guest uses only emulated devices. */
    static Run bare(Case c) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(c.ram()).withSeed(c.seed()).withCore(Core.INTERP)
                .withConsole(console).withMessages(quiet());
        Machine m = Boot.machine(o, Sys161Config.defaults(c.ram()));
        c.setup().accept(m);
        PowerState end = m.run(c.limit());
        String transcript = console.toString(StandardCharsets.ISO_8859_1);
        String guest = view(end, registers(m.cpu()), m.cp0(), m.counters(), m.ram(), 0, c.ram(), transcript);
        return new Run(guest, guest, end, null, m.counters(), m, transcript);
    }

    /** {@code c} at level {@code levels} under a stack of ConsoleMonitors, on {@code config}. */
    static Run nested(int levels, Config config, Case c) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream machineConsole = new ByteArrayOutputStream();
        Machine m = machine(config, c.ram() + levels * PAD, c.seed(), levels, machineConsole);
        ConsoleMonitor top = new ConsoleMonitor(PAD, c.ram(), c.setup(), console);
        List<ConsoleMonitor> monitors = new ArrayList<>(List.of(top));
        for (int h = levels - 2; h >= 0; h--) monitors.add(0, new ConsoleMonitor(PAD, c.ram() + (levels - 1 - h) * PAD, monitors.get(0)));
        RmrStack s = m.rmr();
        s.install(monitors.get(0));
        PowerState end = m.run(c.limit());
        RmrLevel g = top.guest();
        assertNotNull(g, c.name() + ": the guest was never started");
        if (s.level(levels) != null) assertSame(g, s.level(levels), c.name() + ": the guest's level");
        // The guest's registers are the CPU's while it is live, else kept in its level.
        CpuContext r = s.live() == levels ? registers(m.cpu()) : g.context();
        String transcript = console.toString(StandardCharsets.ISO_8859_1);
        String guest = view(end, r, g.cp0(), g.counters(), m.ram(), (long) levels * PAD, c.ram(), transcript);
        StringBuilder state = new StringBuilder(guest);
        state.append(String.format("%s%nmachine: cycles %d executed %d live %d%n", end.message(), m.clock().now(),
                m.cpu().executed(), s.live()));
        state.append(s.report());
        for (ConsoleMonitor mon : monitors) {
            state.append(String.format("monitor: %d memory traps (%d bus errors, %d on devices), %d other traps (%d waits)%n",
                    mon.memoryTraps, mon.busErrors, mon.deviceBusErrors, mon.otherTraps, mon.waits));
        }
        state.append("machine console:\n").append(machineConsole.toString(StandardCharsets.ISO_8859_1));
        return new Run(guest, state.toString(), end, top, g.counters(), m, transcript);
    }

    /** {@code c} at level {@code levels} on the three configurations, which must agree; the block core's run. */
    static Run assertSameOnAllCores(int levels, Case c) {
        Run interp = nested(levels, Config.INTERP, c);
        Run block = nested(levels, Config.BLOCK, c);
        String what = c.name() + " at level " + levels;
        assertEquals(interp.state(), block.state(), what + ": the cores disagree");
        assertEquals(interp.state(), nested(levels, Config.EAGER, c).state(),
                what + ": the block core with every block compiled disagrees");
        return block;
    }

    /**
     * The bare machine defines the guest's run: the guest touched no device its monitor does not
     * emulate (a bus error in the LAMEbus range) and did not WAIT (only the bare machine's devices
     * could end it), and its instruction limit, which counts the monitors' cycles too, is not
     * what stopped it after traps.
     */
    static boolean definedByBare(Run nested) {
        ConsoleMonitor top = nested.top();
        return top.deviceBusErrors == 0 && top.waits == 0
                && (nested.end().reason() != PowerState.Reason.INSTRUCTION_LIMIT || top.memoryTraps + top.otherTraps == 0);
    }

    /** The bare machine's view of each repository program, for every level (views only: a run holds all its RAM). */
    private static final Map<String, String> BARE = new ConcurrentHashMap<>();

    // --- The cases of CoreDifferentialTest ---------------------------------------------------------

    /**
     * The repository programs' instruction limit here: every program that ends ends well within
     * it (tinyos, the longest, after about a million), and the programs that wait for interrupts
     * of devices the monitor does not emulate do not spin for three million.
     */
    static final long PROGRAM_LIMIT = 1_500_000;

    @TestFactory
    Stream<DynamicTest> everyRepositoryProgram_sameOnAllCoresAtEveryLevel() throws IOException {
        List<Case> programs = CoreDifferentialTest.repositoryPrograms().stream()
                .map(c -> new Case(c.name(), c.seed(), c.setup(), Math.min(c.limit(), PROGRAM_LIMIT), c.ram())).toList();
        return IntStream.of(LEVELS).mapToObj(k -> DynamicTest.dynamicTest("level " + k, () -> {
            int ran = 0;
            List<String> compared = new ArrayList<>();
            for (Case c : programs) {
                Run r = assertSameOnAllCores(k, c);
                if (r.counters().instructions() > 0) ran++;
                if (definedByBare(r)) {
                    String bare = BARE.computeIfAbsent(c.name(), n -> bare(c).guest());
                    assertEquals(bare, r.guest(), c.name() + " at level " + k + ": not as on the bare machine");
                    compared.add(c.name());
                }
            }
            assertEquals(programs.size(), ran, "every program ran at level " + k);
            assertTrue(compared.size() >= 25 && compared.stream().anyMatch(n -> n.endsWith("kernels/tinyos.s"))
                    && compared.stream().anyMatch(n -> n.endsWith("kernels/hello.s")),
                    "too few programs compared with the bare machine at level " + k + ": " + compared);
        }));
    }

    /** Seeds per level and mode: fewer than CoreDifferentialTest's, and different ones at each level. */
    static final int WORD_SEEDS = 16, VALID_SEEDS = 12;

    @TestFactory
    Stream<DynamicTest> randomWords_sameOnAllCoresAtEveryLevel() {
        return IntStream.of(LEVELS).boxed().flatMap(k -> Stream.of(false, true).map(user ->
                DynamicTest.dynamicTest("level " + k + (user ? " user" : " kernel"), () -> {
                    long executed = 0;
                    for (int i = 0; i < WORD_SEEDS; i++) {
                        Run r = assertSameOnAllCores(k, CoreDifferentialTest.randomWords((k - 1) * WORD_SEEDS + i, user));
                        executed += r.counters().instructions() + r.counters().totalExceptions();
                    }
                    assertTrue(executed > WORD_SEEDS * 10_000L, "the guests ran only " + executed + " instructions");
                })));
    }

    @TestFactory
    Stream<DynamicTest> randomValidPrograms_sameOnAllCoresAtEveryLevel() {
        return IntStream.of(LEVELS).mapToObj(k -> DynamicTest.dynamicTest("level " + k, () -> {
            long instructions = 0, tlbWrites = 0, exceptions = 0, invalidations = 0;
            for (boolean user : new boolean[] {false, true}) {
                for (int i = 0; i < VALID_SEEDS; i++) {
                    Run r = assertSameOnAllCores(k, CoreDifferentialTest.randomValidProgram((k - 1) * VALID_SEEDS + i, user));
                    instructions += r.counters().instructions();
                    tlbWrites += r.counters().tlbWrites();
                    exceptions += r.counters().totalExceptions();
                    invalidations += r.machine().blockCore().invalidations();
                }
            }
            // As CoreDifferentialTest checks: the programs really rewrite their code and remap their pages.
            assertTrue(instructions > VALID_SEEDS * 10_000L, "the guests ran only " + instructions + " instructions");
            assertTrue(invalidations > VALID_SEEDS, "code overwritten only " + invalidations + " times");
            assertTrue(tlbWrites > VALID_SEEDS, "TLB written only " + tlbWrites + " times");
            assertTrue(exceptions > VALID_SEEDS, "only " + exceptions + " exceptions");
        }));
    }

    // --- What is new at a nested level ---------------------------------------------------------------

    /**
     * A random program for a nested level: its loads and stores (every size, LWL/LWR/SWL/SWR,
     * LL/SC, aligned or not) go to the serial card, the mainboard, the timer and random cards,
     * an empty slot and RAM through kseg0 and kseg1, often in a branch's delay slot and between
     * an LL and its SC, among ALU work, reads of Count and Random, and traps. Its monitor
     * completes the emulated accesses and makes the others bus errors; the exception handler
     * skips whatever faulted (the branch and its slot, in a slot), so the body keeps running.
     */
    static String randomDeviceSource(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(".set noreorder\n.section .vectors\n.org 0x80\n");
        sb.append("  mfc0 $k0, $13\n  mfc0 $k1, $14\n  bltz $k0, 1f\n  nop\n  addiu $k1, $k1, 4\n  jr $k1\n  rfe\n")
          .append("1: addiu $k1, $k1, 8\n  jr $k1\n  rfe\n");
        sb.append(".text\n.globl __start\n__start:\n  mtc0 $zero, $12\n");
        for (int r = 1; r < 16; r++) {
            sb.append(String.format("  li $%d, 0x%08x%n", r, rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(256)));
        }
        for (int i = 0; i < DEVICE_BASES.length; i++) sb.append(String.format("  li $%d, 0x%08x%n", 16 + i, DEVICE_BASES[i]));
        sb.append("  li $24, 0x80010000\n");                        // the LL/SC word
        int n = 200;
        boolean slot = false;
        for (int i = 0; i < n; i++) {
            sb.append("L").append(i).append(": ");
            int k = rnd.nextInt(100);
            if (slot ? k < 70 : k < 40) {
                sb.append(memoryOp(rnd));
            } else if (k < 60 || slot) {
                String[] alu = {"addu", "subu", "and", "or", "xor", "slt", "sltu"};
                sb.append(String.format("%s $%d, $%d, $%d", alu[rnd.nextInt(alu.length)], 1 + rnd.nextInt(15),
                        rnd.nextInt(16), rnd.nextInt(16)));
            } else if (k < 78 && i < n - 2) {
                int t = Math.min(n - 1, i + 2 + rnd.nextInt(10));
                String[] br = {"beq $%d, $%d", "bne $%d, $%d"};
                sb.append(rnd.nextBoolean() ? String.format(br[rnd.nextInt(2)], rnd.nextInt(16), rnd.nextInt(16))
                        : String.format("%s $%d", rnd.nextBoolean() ? "bltz" : "bgez", rnd.nextInt(16)));
                sb.append(", L").append(t).append('\n');
                slot = true;
                continue;
            } else if (k < 88) {
                sb.append(String.format("ll $%d, 0($24)%n  %s%n  sc $%d, 0($24)", 1 + rnd.nextInt(15), memoryOp(rnd),
                        1 + rnd.nextInt(15)));
            } else if (k < 96) {
                sb.append(String.format("mfc0 $%d, $%d", 1 + rnd.nextInt(15), rnd.nextBoolean() ? 9 : 1));
            } else {
                sb.append(rnd.nextBoolean() ? "syscall" : "break");
            }
            sb.append('\n');
            slot = false;
        }
        sb.append("  b L0\n  nop\n");
        return sb.toString();
    }

    /** Bases $16..$23: serial, mainboard (RAMSZ), timer, random, an empty slot, RAM in kseg0 and kseg1, serial again. */
    static final int[] DEVICE_BASES = {0xbfe00000, 0xbfff7e00, 0xbffd0000, 0xbffc0000, 0xbfe10000, 0x80010000, 0xa0010000,
        0xbfe00000};

    private static String memoryOp(SplittableRandom rnd) {
        String[] ops = {"lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr", "sb", "sh", "sw", "swl", "swr", "ll", "sc"};
        String op = ops[rnd.nextInt(ops.length)];
        int base = 16 + rnd.nextInt(DEVICE_BASES.length);
        if (base == 17 && op.startsWith("s")) op = "lw";             // no stores to the mainboard: PWR would power off
        int size = op.matches("lb|lbu|sb|lwl|lwr|swl|swr") ? 1 : op.matches("lh|lhu|sh") ? 2 : 4;
        int off = rnd.nextInt(16);
        if (rnd.nextInt(4) != 0) off &= -size;                        // mostly aligned
        return String.format("%s $%d, %d($%d)", op, 1 + rnd.nextInt(15), off, base);
    }

    static Case randomDeviceProgram(long seed) {
        Case c = kernel("device seed " + seed, randomDeviceSource(new SplittableRandom(seed)));
        return new Case(c.name(), seed, c.setup(), 30_000, c.ram());
    }

    static final int DEVICE_SEEDS = 16;

    @TestFactory
    Stream<DynamicTest> randomDevicePrograms_sameOnAllCoresAtEveryLevel() {
        return IntStream.of(LEVELS).mapToObj(k -> DynamicTest.dynamicTest("level " + k, () -> {
            long instructions = 0, traps = 0, busErrors = 0;
            for (int i = 0; i < DEVICE_SEEDS; i++) {
                Run r = assertSameOnAllCores(k, randomDeviceProgram((k - 1) * DEVICE_SEEDS + i));
                instructions += r.counters().instructions();
                traps += r.top().memoryTraps;
                busErrors += r.top().busErrors;
            }
            assertTrue(instructions > DEVICE_SEEDS * 10_000L, "the guests ran only " + instructions + " instructions");
            assertTrue(traps - busErrors > DEVICE_SEEDS * 200L && busErrors > DEVICE_SEEDS * 200L,
                    "memory traps: " + traps + ", bus errors among them: " + busErrors);
        }));
    }

    /** putc, puthex and exit for the guests below: polled console, trace EXIT. */
    static final String LIB = String.join("\n",
            ".set noreorder", ".text", ".globl __start", "__start:", "  j main", "  nop",
            "# putc(a0); uses t8, t9",
            "putc: li $t8, 0xbfe00000", "  sw $a0, 0($t8)",
            "1: lw $t9, 4($t8)", "  andi $t9, $t9, 2", "  beqz $t9, 1b", "  nop", "  jr $ra", "  sw $zero, 4($t8)",
            "# puthex(a0): 8 digits and a newline; uses t4..t6, v1",
            "puthex: move $v1, $ra", "  move $t4, $a0", "  li $t5, 8",
            "1: srl $a0, $t4, 28", "  sll $t4, $t4, 4", "  sltiu $t6, $a0, 10", "  bnez $t6, 2f",
            "  addiu $a0, $a0, '0'", "  addiu $a0, $a0, 'a' - '0' - 10",
            "2: jal putc", "  addiu $t5, $t5, -1", "  bnez $t5, 1b", "  nop",
            "  jal putc", "  li $a0, 10", "  jr $v1", "  nop",
            "# exit(a0)",
            "exit: li $t8, 0xbffe001c", "  sw $a0, 0($t8)", "1: b 1b", "  nop", "");

    static ElfFile assemble(String name, String source) {
        try {
            return ElfFile.parse(Assembler.assembleElf(source, name, Assembler.Options.defaults()), name);
        } catch (Exception e) {
            throw new AssertionError(name + " does not assemble", e);
        }
    }

    static Case kernel(String name, String source) {
        ElfFile elf = assemble(name, source);
        Consumer<Machine> boot = m -> {
            try {
                Boot.load(m, elf, "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        return new Case(name, 1, boot, 2_000_000, 1 << 20);
    }

    /**
     * Every character goes out by a store in a delay slot (of a taken branch, of a branch not
     * taken, of JAL and of JR), and the card is polled by a load in the slot of the polling
     * branch. The checksum counts the polls (and adds what the last load of each character read),
     * so it is right only if the guest's time is exact.
     */
    static final String DELAY_SLOTS = LIB + String.join("\n",
            "main: li $t0, 0xbfe00000", "  la $s1, msg", "  move $s0, $zero",
            "1: lbu $t2, 0($s1)", "  beqz $t2, 9f", "  addiu $s1, $s1, 1",
            "  andi $t3, $t2, 1", "  bnez $t3, 2f", "  sw $t2, 0($t0)",       // taken (odd) or not (even)
            "  b 3f", "  nop",
            "2: nop",
            "3: lw $t1, 4($t0)", "  addiu $s0, $s0, 1", "  andi $t1, $t1, 2", "  beqz $t1, 3b", "  lw $t3, 4($t0)",
            "  addu $s0, $s0, $t3",
            "  jal clear", "  sw $zero, 4($t0)",
            "  b 1b", "  nop",
            "clear: jr $ra", "  sw $zero, 4($t0)",
            "9: jal puthex", "  move $a0, $s0",
            "  j exit", "  andi $a0, $s0, 0xff",
            ".rodata", "msg: .asciiz \"Every character of this line is stored in a delay slot, on every level.\\n\"", "");

    /**
     * LWL and LWR of RAMSZ, WIRQ and CHAR at several offsets (one in a delay slot); characters
     * sent with SWL and SWR (read, merge, write: two traps each at a nested level); WIRQ cleared
     * with them.
     */
    static final String PARTIAL_WORDS = LIB + String.join("\n",
            "main: li $s0, 0xbfff7e00", "  li $s1, 0x11223344", "  li $s2, 0xbfe00000", "  move $s3, $zero",
            "  move $t1, $s1", "  lwl $t1, 0($s0)", "  jal puthex", "  move $a0, $t1",
            "  move $t1, $s1", "  lwl $t1, 2($s0)", "  jal puthex", "  move $a0, $t1",
            "  move $t1, $s1", "  lwr $t1, 1($s0)", "  jal puthex", "  move $a0, $t1",
            "  move $t1, $s1", "  lwr $t1, 3($s0)", "  jal puthex", "  move $a0, $t1",
            "  move $t1, $s1", "  b 1f", "  lwl $t1, 1($s0)",                  // in a delay slot
            "1: lwr $t1, 2($s0)", "  jal puthex", "  move $a0, $t1",
            "  li $t2, 'A'", "  swr $t2, 3($s2)",                               // the low lane of CHAR: 'A'
            "2: lw $t1, 4($s2)", "  andi $t1, $t1, 2", "  beqz $t1, 2b", "  nop",
            "  move $t1, $s1", "  lwl $t1, 6($s2)", "  lwr $t1, 7($s2)", "  addu $s3, $s3, $t1",  // WIRQ: CMPL
            "  swr $zero, 7($s2)",                                              // clear WIRQ's low byte
            "  lw $t1, 4($s2)", "  addu $s3, $s3, $t1",
            "  li $t2, 0x42000000", "  swl $t2, 3($s2)",                        // 'B' from the top byte
            "3: lw $t1, 4($s2)", "  andi $t1, $t1, 2", "  beqz $t1, 3b", "  nop",
            "  swl $zero, 4($s2)",
            "  li $t2, 'C'", "  b 4f", "  swl $t2, 0($s2)",                     // the whole word, in a delay slot
            "4: lw $t1, 4($s2)", "  andi $t1, $t1, 2", "  beqz $t1, 4b", "  nop",
            "  swr $zero, 7($s2)",
            "  li $t2, 'D'", "  swr $t2, 2($s2)",                               // merges CHAR's read: sends 0
            "5: lw $t1, 4($s2)", "  andi $t1, $t1, 2", "  beqz $t1, 5b", "  nop",
            "  sw $zero, 4($s2)",
            "  move $t1, $s1", "  lwl $t1, 1($s2)", "  lwr $t1, 2($s2)", "  addu $s3, $s3, $t1",  // CHAR reads 0
            "  jal putc", "  li $a0, 10",
            "  jal puthex", "  move $a0, $s3",
            "  j exit", "  andi $a0, $s3, 0xff", "");

    /**
     * LL, then a device access (load, store, LWL, SWR, a load in a delay slot), then SC: the SC
     * succeeds, as on the bare machine, because the memory trap is no exception of the guest's
     * level. A SYSCALL between them (the level's own exception) makes it fail. Exit code: the SC
     * results as bits, 1111101.
     */
    static final String LINKED = String.join("\n",
            ".set noreorder", ".section .vectors", ".org 0x80",
            "  mfc0 $k0, $14", "  addiu $k0, $k0, 4", "  jr $k0", "  rfe", "")
            + LIB + String.join("\n",
            "main: mtc0 $zero, $12", "  la $s0, word", "  li $s1, 0xbfe00000", "  li $s2, 0xbfff7e00", "  move $s4, $zero",
            "  ll $t0, 0($s0)", "  lw $t1, 4($s1)", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  sw $zero, 4($s1)", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  lwl $t1, 1($s2)", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  swr $zero, 7($s1)", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  b 1f", "  lw $t1, 0($s2)", "1: addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  syscall", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  ll $t0, 0($s0)", "  addiu $t0, $t0, 1", "  sc $t0, 0($s0)",
            "  sll $s4, $s4, 1", "  or $s4, $s4, $t0",
            "  jal puthex", "  move $a0, $s4",
            "  jal puthex", "  lw $a0, 0($s0)",
            "  j exit", "  move $a0, $s4",
            ".data", "word: .word 0", "");

    /**
     * A routine on a page of its own rewritten every 64 calls (so that it is compiled in
     * between, at the default threshold too), its first word or its delay slot, by SW through
     * kseg0, kseg1 and a TLB-mapped kuseg alias and by SWL and SH; then a loop that rewrites the
     * instruction after its store, in the same block, every time round; then a loop, compiled by
     * then, whose store rewrites the instruction after it once.
     */
    static final String SELF_MODIFYING = LIB + String.join("\n",
            "main: la $s7, patch", "  li $t1, 0x1ffff000", "  and $t1, $s7, $t1", "  ori $t1, $t1, 0x700",   // D V G
            "  mtc0 $t1, $2", "  li $t2, 0x00400000", "  mtc0 $t2, $10", "  mtc0 $zero, $0", "  tlbwi",
            "  andi $t3, $s7, 0xfff", "  or $s5, $t2, $t3",                     // s5: the kuseg alias of patch
            "  li $t3, 0x20000000", "  or $s6, $s7, $t3",                       // s6: its kseg1 alias
            "  li $s2, 640", "  move $s0, $zero",
            "loop: jal patch", "  nop", "  addu $s0, $s0, $v0", "  sll $t0, $s0, 3", "  xor $s0, $s0, $t0",
            "  andi $t0, $s2, 63", "  bnez $t0, 8f",
            "  andi $t4, $s2, 0xffff", "  lui $t5, 0x2402", "  or $t5, $t5, $t4",   // addiu $v0, $zero, s2
            "  srl $t6, $s2, 6", "  andi $t6, $t6, 7",
            "  li $t7, 1", "  beq $t6, $t7, 1f", "  li $t7, 2", "  beq $t6, $t7, 2f", "  li $t7, 3", "  beq $t6, $t7, 3f",
            "  li $t7, 4", "  beq $t6, $t7, 4f", "  li $t7, 5", "  beq $t6, $t7, 5f", "  nop",
            "  b 8f", "  sw $t5, 0($s7)",                                        // kseg0, first word
            "1: lui $t5, 0x2442", "  or $t5, $t5, $t4", "  b 8f", "  sw $t5, 8($s6)",   // kseg1, the slot: addiu $v0, $v0, s2
            "2: b 8f", "  sw $t5, 0($s5)",                                       // kuseg through the TLB
            "3: b 8f", "  swl $t5, 0($s7)",                                      // SWL of the whole word
            "4: b 8f", "  sh $t4, 10($s7)",                                      // the slot's immediate only
            "5: sh $t4, 2($s5)",                                                 // the first word's immediate
            "8: addiu $s2, $s2, -1", "  bnez $s2, loop", "  nop",
            "  jal puthex", "  move $a0, $s0",
            "  la $t0, next", "  lui $t1, 0x2631", "  li $s2, 100", "  move $s1, $zero",  // addiu $s1, $s1, n
            "6: andi $t2, $s2, 3", "  or $t2, $t1, $t2", "  sw $t2, 0($t0)",
            "next: nop", "  addiu $s2, $s2, -1", "  bnez $s2, 6b", "  nop",
            "  jal puthex", "  move $a0, $s1",
            // A block that stores to a data word each time round, but once to its own next
            // instruction: the rest of the block must run the new word from then on.
            "  la $t0, next2", "  la $t3, scratch", "  lui $t1, 0x2673", "  ori $t1, $t1, 100",  // addiu $s3, $s3, 100
            "  li $s2, 100", "  move $s3, $zero",
            "7: xori $t4, $s2, 40", "  sltu $t4, $zero, $t4", "  subu $t4, $zero, $t4",  // -1 unless s2 == 40
            "  xor $t5, $t3, $t0", "  and $t5, $t5, $t4", "  xor $t5, $t5, $t0",           // scratch, or next2
            "  sw $t1, 0($t5)",
            "next2: nop", "  addiu $s2, $s2, -1", "  bnez $s2, 7b", "  nop",
            "  jal puthex", "  move $a0, $s3",
            "  xor $a0, $s0, $s1", "  xor $a0, $a0, $s3", "  j exit", "  andi $a0, $a0, 0xff",
            ".data", "scratch: .word 0",
            ".text", ".align 12",
            "patch: addiu $v0, $zero, 7", "  jr $ra", "  addiu $v0, $v0, 1", ".align 12", "");

    static final Case DELAY_SLOTS_CASE = kernel("delay-slot device accesses", DELAY_SLOTS);
    static final Case PARTIAL_WORDS_CASE = kernel("LWL/LWR/SWL/SWR on device registers", PARTIAL_WORDS);
    static final Case LINKED_CASE = kernel("LL, device access, SC", LINKED);
    static final Case SELF_MODIFYING_CASE = kernel("self-modifying code", SELF_MODIFYING);

    /** {@code c} on the bare machine and at every level on every core: all alike. The bare run. */
    static Run assertSameAsBareAtEveryLevel(Case c, int... levels) {
        Run b = bare(c);
        assertEquals(PowerState.Reason.POWER_OFF, b.end().reason(), c.name() + ": " + b.end().message() + "\n" + b.guest());
        for (int k : levels) {
            Run r = assertSameOnAllCores(k, c);
            assertEquals(0, r.top().busErrors, c.name() + " at level " + k + ": used a device the monitor does not emulate");
            assertEquals(b.guest(), r.guest(), c.name() + " at level " + k + ": not as on the bare machine");
        }
        return b;
    }

    @Test
    void deviceAccessesInDelaySlots_asOnTheBareMachine() {
        Run b = assertSameAsBareAtEveryLevel(DELAY_SLOTS_CASE, LEVELS);
        // 0x1e18: the polls of the card and what the last load of each character read.
        assertEquals("Every character of this line is stored in a delay slot, on every level.\n00001e18\n", b.transcript());
    }

    @Test
    void partialWordAccessesToDeviceRegisters_asOnTheBareMachine() {
        Run b = assertSameAsBareAtEveryLevel(PARTIAL_WORDS_CASE, LEVELS);
        // RAMSZ (1 MiB) merged into 0x11223344 by LWL/LWR; 'D' merged into CHAR's read sends NUL.
        assertEquals("00100000\n00003344\n11220010\n00100000\n10001000\nABC\u0000\n00000002\n", b.transcript());
    }

    @Test
    void linkedAccessAroundAMemoryTrap_scSucceedsAsOnTheBareMachine() {
        Run b = assertSameAsBareAtEveryLevel(LINKED_CASE, LEVELS);
        assertEquals(0b1111101, b.end().exitCode(), b.guest());
        assertEquals("0000007d\n00000006\n", b.transcript());
    }

    @Test
    void selfModifyingCodeAtLevel2_asOnTheBareMachine() {
        Run b = assertSameAsBareAtEveryLevel(SELF_MODIFYING_CASE, 2);
        assertEquals("2478ef88\n00000096\n00000fa0\n", b.transcript());
        BlockCore core = nested(2, Config.EAGER, SELF_MODIFYING_CASE).machine().blockCore();
        assertTrue(core.invalidations() >= 110, "the code was rewritten only " + core.invalidations() + " times");
        assertTrue(core.compiledRuns() > 500, "compiled code ran only " + core.compiledRuns() + " times");
    }

    // --- MIPS-coded monitors: their code and the guest's in one block cache --------------------------

    static final Path RMRMON = RepositorySources.root().resolve("guest-kernels/src/main/resources/kernels/rmrmon.s");

    /**
     * {@code guest} at level {@code depth} under {@code depth} rmrmons (level 0's booted by the
     * machine, each booting the next from its boot modules), on {@code config}. Each rmrmon takes
     * time slices (its {@code rmrmon.slice=} argument), of a different length at each level, so
     * that its timer preempts the levels above it at points unrelated to theirs.
     */
    static Run underRmrmon(int depth, Config config, ElfFile guest, byte[] guestBytes) throws Exception {
        if (depth > 3) throw new IllegalArgumentException("slices are chosen for up to 3 rmrmons");
        StringBuilder slices = new StringBuilder();
        for (int i = 0; i < depth; i++) slices.append(i == 0 ? "" : " ").append("rmrmon.slice=").append(20_000 - 7_000 * i);
        String src = Files.readString(RMRMON, StandardCharsets.UTF_8);
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        byte[] monBytes = Assembler.assembleElf(src, RMRMON.toString(), asm);
        ElfFile mon = ElfFile.parse(monBytes, RMRMON.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Machine m = machine(config, 4 << 20, 1, depth, console);
        List<Boot.Module> mods = new ArrayList<>();
        for (int i = 1; i < depth; i++) mods.add(new Boot.Module("rmrmon", "rmrmon", monBytes));
        mods.add(new Boot.Module("guest", "guest", guestBytes));
        Boot.load(m, mon, slices.toString(), mods);
        PowerState end = m.run(20_000_000);
        RmrStack s = m.rmr();
        RmrLevel g = s.level(depth);
        String transcript = console.toString(StandardCharsets.ISO_8859_1);
        String view = g == null ? "the guest's level is not on the stack\n" + transcript
                : view(end, s.live() == depth ? registers(m.cpu()) : g.context(), g.cp0(), g.counters(), m.ram(),
                        s.composedBase(depth), (int) g.bound(), transcript);
        StringBuilder state = new StringBuilder(view);
        state.append(String.format("%s%nmachine: cycles %d executed %d live %d%n", end.message(), m.clock().now(),
                m.cpu().executed(), s.live()));
        state.append(s.report());
        for (int h = 0; h < depth && s.level(h) != null; h++) {
            CpuContext c = s.live() == h ? registers(m.cpu()) : s.level(h).context();
            state.append(view(end, c, s.level(h).cp0(), s.level(h).counters(), m.ram(), s.composedBase(h),
                    (int) Math.min(s.composedLimit(h), m.ram().size()), ""));
        }
        return new Run(view, state.toString(), end, null, g == null ? new Counters() : g.counters(), m, transcript);
    }

    @Test
    void selfModifyingCodeAtLevel2_underTwoMipsMonitors_sameOnAllCoresAndAsBare() throws Exception {
        byte[] bytes = Assembler.assembleElf(SELF_MODIFYING, "self-modifying", Assembler.Options.defaults());
        ElfFile guest = ElfFile.parse(bytes, "self-modifying");
        Run interp = underRmrmon(2, Config.INTERP, guest, bytes);
        assertNotNull(interp.machine().rmr().level(2), "rmrmon launched no guest: " + interp.state());
        assertEquals(interp.state(), underRmrmon(2, Config.BLOCK, guest, bytes).state(), "the cores disagree");
        Run eager = underRmrmon(2, Config.EAGER, guest, bytes);
        assertEquals(interp.state(), eager.state(), "the block core with every block compiled disagrees");
        int ram = (int) interp.machine().rmr().level(2).bound();
        Run b = bare(new Case("self-modifying", 1, m -> {
            try {
                Boot.load(m, guest, "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 2_000_000, ram));
        assertEquals(b.guest(), interp.guest(), "not as on the bare machine");
        for (int h = 0; h < 2; h++) {
            Counters monitor = interp.machine().rmr().level(h).counters();
            assertTrue(monitor.entries(RmrTrap.Kind.INTERRUPT.ordinal()) > 0, "level " + h
                    + ": rmrmon's time slices preempted the levels above it: " + monitor.report());
        }
        assertTrue(eager.machine().blockCore().compiledRuns() > 500, "compiled code ran");
    }
}
