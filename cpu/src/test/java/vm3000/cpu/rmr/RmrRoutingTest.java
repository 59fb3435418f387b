package vm3000.cpu.rmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.mmu.Access;

/**
 * Where the RMR stack routes a trap, and what it lets a level reach. Java monitors at levels
 * 0..d-1 record every trap they get; the guest at level d makes one access that fails exactly
 * one chosen window's bound (every other check passes), at each depth and for each window: the
 * trap must reach that window's owner and no other level, with the depth and the address in the
 * owner's child's space. An off-by-one in owner indexing, or in the bound check (p >= bound
 * traps, p < bound does not), fails here. Then a guest at level 3 reading and writing wildly
 * cannot see or change a byte of the levels below it.
 */
class RmrRoutingTest {
    static final int B = 0x10000;          // every window's base
    static final int BIG = 0x100000;       // every window's bound but the one under test
    static final int P = 0x80000;          // the guest's probe address (its physical)
    static final int EXIT = 0x1ffe001c;    // the trace card's EXIT, as a physical address
    static final int MARK = 0xC0DE0000;    // what monitor h answers the probe with: MARK | h

    /** A monitor at a known level that logs the traps it gets and answers them simply. */
    static class Router implements LevelMonitor {
        final int level;
        final int base;
        final int bound;
        final LevelMonitor above;
        final ElfFile guest;
        final List<String> log;
        final Random random;

        Router(int level, int base, int bound, LevelMonitor above, ElfFile guest, List<String> log, Random random) {
            this.level = level;
            this.base = base;
            this.bound = bound;
            this.above = above;
            this.guest = guest;
            this.log = log;
            this.random = random;
        }

        @Override
        public void start(RmrPort port) {
            port.launch(above != null ? port.newChild(base, bound, above) : boot(port, base, bound, guest));
        }

        @Override
        public void onTrap(RmrPort port, RmrTrap t) {
            log.add(String.format("%d %s depth %d paddr %08x %s", level, t.kind(), t.depth(), t.paddr(), t.access()));
            switch (t.kind()) {
                case HALT: port.halt(t.data()); return;
                case MEMORY:
                    if (t.access() == Access.STORE && t.paddr() == EXIT) port.halt(t.data());
                    else if (random != null) { if (random.nextBoolean()) port.complete(random.nextInt()); else port.busError(); }
                    else if (t.access() == Access.LOAD) port.complete(MARK | level);
                    else port.busError();
                    return;
                default: port.resume();
            }
        }
    }

    /** {@code elf} booted in a fresh child (System/161's protocol, a RAM of {@code bound} bytes). */
    static RmrImage boot(RmrPort port, int base, int bound, ElfFile elf) {
        RmrImage child = port.newChild(base, bound);
        Machine scratch = new Machine(MachineOptions.defaults().withRam(bound).withEndian(elf.endian())
                .withConsole(OutputStream.nullOutputStream()).withCore(MachineOptions.Core.INTERP));
        try {
            Boot.load(scratch, elf, "");
        } catch (vm3000.cpu.BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (int pa = 0; pa < bound; pa += 4) {
            int w = scratch.ram().loadWord(pa);
            if (w != 0) port.storePhysical(base + pa, 4, w);
        }
        for (int r = 1; r < 32; r++) child.top().setReg(r, scratch.cpu().reg(r));
        child.top().setPc(scratch.cpu().pc());
        return child;
    }

    static ElfFile assemble(String source) throws Exception {
        return ElfFile.parse(Assembler.assembleElf(source, "guest.s", Assembler.Options.defaults()), "guest.s");
    }

    /** Loads the word at physical P (through kseg0) and powers off with it as the exit code. */
    static final String PROBE = String.join("\n", ".set noreorder", ".text", ".globl __start", "__start:",
            "  li $t0, 0x80000000 | " + P, "  lw $a0, 0($t0)", "  li $t1, 0xbffe001c", "  sw $a0, 0($t1)",
            "1: b 1b", "  nop", "");

    record Run(Machine machine, PowerState end, List<String> log) {}

    /** A stack of d Routers under a guest; window j (1..d) has base B and bound {@code bounds[j]}. */
    static Run run(int d, int[] bounds, ElfFile guest, Random random, long limit) {
        List<String> log = new ArrayList<>();
        LevelMonitor above = null;
        for (int h = d - 1; h >= 0; h--) {
            above = new Router(h, B, bounds[h + 1], above, h == d - 1 ? guest : null, log, random);
        }
        Machine m = machine(d);
        m.rmr().install(above);
        PowerState end = m.run(limit);
        return new Run(m, end, log);
    }

    static Stream<Arguments> windows() {
        List<Arguments> a = new ArrayList<>();
        for (int d = 1; d <= 4; d++) for (int w = 1; w <= d; w++) a.add(Arguments.of(d, w));
        return a.stream();
    }

    /** Level w's physical address of the probe: P plus the bases of the windows above w. */
    static int probeAt(int d, int w) { return P + (d - w) * B; }

    @ParameterizedTest(name = "depth {0}, failing window {1}")
    @MethodSource("windows")
    void accessPastOneWindow_trapsToItsOwnerOnly(int d, int w) throws Exception {
        int[] bounds = new int[d + 1];
        java.util.Arrays.fill(bounds, BIG);
        bounds[w] = probeAt(d, w); // p == bound: the check fails
        Run r = run(d, bounds, assemble(PROBE), null, 1_000_000);
        int owner = w - 1;
        assertEquals(PowerState.Reason.POWER_OFF, r.end().reason(), r.end().message() + " " + r.log());
        assertEquals(MARK | owner, r.end().exitCode(), "the probe was answered by the window's owner: " + r.log());
        List<String> probes = r.log().stream().filter(s -> s.contains("LOAD")).toList();
        assertEquals(List.of(String.format("%d MEMORY depth %d paddr %08x LOAD", owner, d - owner, probeAt(d, w))), probes);
        for (int h = 0; h < d; h++) {
            Counters c = r.machine().rmr().level(h).counters();
            long expected = (h == owner ? 1 : 0) + (h == d - 1 ? 1 : 0); // the probe; the EXIT store
            assertEquals(expected, c.entries(RmrTrap.Kind.MEMORY.ordinal()), "memory traps at level " + h + ": " + r.log());
        }
    }

    @ParameterizedTest(name = "depth {0}, window {1} one page larger")
    @MethodSource("windows")
    void accessJustInsideEveryWindow_readsRamAndTrapsNowhere(int d, int w) throws Exception {
        int[] bounds = new int[d + 1];
        java.util.Arrays.fill(bounds, BIG);
        bounds[w] = probeAt(d, w) + 0x1000; // p < bound: passes
        Run r = runWithRamWord(d, bounds, d * B + P, 0x5EC12E7);
        assertEquals(PowerState.Reason.POWER_OFF, r.end().reason(), r.end().message());
        assertEquals(0x5EC12E7, r.end().exitCode(), "read the guest's own RAM at real address P + d * B");
        assertTrue(r.log().stream().noneMatch(s -> s.contains("LOAD")), r.log().toString());
    }

    /** As {@link #run} with the probe as the guest, with the word at real address {@code real} set first. */
    private static Run runWithRamWord(int d, int[] bounds, int real, int value) throws Exception {
        List<String> log = new ArrayList<>();
        LevelMonitor above = null;
        ElfFile guest = assemble(PROBE);
        for (int h = d - 1; h >= 0; h--) above = new Router(h, B, bounds[h + 1], above, h == d - 1 ? guest : null, log, null);
        Machine m = machine(d);
        m.rmr().install(above);
        m.ram().storeWord(real, value); // the guest's boot copies only its image's nonzero words
        PowerState end = m.run(1_000_000);
        return new Run(m, end, log);
    }

    static Machine machine(int levels) {
        return Boot.machine(MachineOptions.defaults().withRam(4 << 20).withRmrLevels(levels)
                .withConsole(OutputStream.nullOutputStream()).withMessages(new PrintStream(OutputStream.nullOutputStream())),
                Sys161Config.defaults(4 << 20));
    }

    /**
     * A machine check at a nested level (here duplicate TLB entries at level 2) stops that level
     * only: its owner gets a MACHINE_CHECK trap with the diagnostic and the pc, the machine runs on
     * (the owner then halts, and the halts reach level 0, which powers off with its code).
     */
    @Test
    void machineCheckAtANestedLevel_goesToItsOwner_notTheMachine() throws Exception {
        String dup = String.join("\n", ".set noreorder", ".text", ".globl __start", "__start:",
                "  li $t0, 0x00400000", "  mtc0 $t0, $10", "  mtc0 $zero, $2", "  mtc0 $zero, $0", "  tlbwi",
                "  li $t1, 0x100", "  mtc0 $t1, $0", "f_dup: tlbwi", "1: b 1b", "  nop", "");
        List<String> log = new ArrayList<>();
        ElfFile guest = assemble(dup);
        List<RmrTrap> checks = new ArrayList<>();
        LevelMonitor top = new Router(1, B, BIG, null, guest, log, null) {
            @Override public void onTrap(RmrPort port, RmrTrap t) {
                if (t.kind() == RmrTrap.Kind.MACHINE_CHECK) {
                    checks.add(t);
                    port.halt(77);
                } else {
                    super.onTrap(port, t);
                }
            }
        };
        Machine m = machine(2);
        m.rmr().install(new Router(0, B, 2 * BIG, top, null, log, null));
        PowerState end = m.run(1_000_000);
        assertEquals(1, checks.size(), log.toString());
        assertTrue(checks.get(0).message().contains("duplicate TLB entries 1 and 0"), checks.get(0).message());
        assertEquals(guest.symbol("f_dup"), checks.get(0).pc());
        assertEquals(PowerState.Reason.POWER_OFF, end.reason(), "the machine did not stop on the guest's check: " + end.message());
        assertEquals(77, end.exitCode());
        assertTrue(log.contains("0 HALT depth 1 paddr 00000000 null"), log.toString());
    }

    /**
     * A level-3 guest doing wild things (stores, loads and byte stores at random addresses in
     * every segment, random TLB entries that map user pages onto random physical pages, stores
     * through them), its own faults skipped by its handler, under three monitors that answer its
     * memory traps at random: the RAM of levels 0..2 outside the guest's window is the same word
     * for word afterwards, for every seed.
     */
    @Test
    void hostileLevel3Guest_changesNothingBelowIt() throws Exception {
        int traps = 0;
        long instructions = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<String> log = new ArrayList<>();
            LevelMonitor above = null;
            ElfFile guest = assemble(hostile(new Random(seed)));
            Random answers = new Random(seed * 31);
            int[] bounds = {0, 0x300000, 0x200000, BIG};
            for (int h = 2; h >= 0; h--) above = new Router(h, B, bounds[h + 1], above, h == 2 ? guest : null, log, answers);
            Machine m = machine(3);
            Random fill = new Random(~seed);
            int guestBase = 3 * B, guestEnd = guestBase + BIG;
            int[] before = new int[m.ram().size() / 4];
            // The guest's window is filled by its monitor's boot; everything else gets a pattern.
            for (int a = 0; a < m.ram().size(); a += 4) {
                if (a >= guestBase && a < guestEnd) continue;
                before[a / 4] = fill.nextInt();
                m.ram().storeWord(a, before[a / 4]);
            }
            m.rmr().install(above);
            PowerState end = m.run(60_000);
            assertEquals(PowerState.Reason.INSTRUCTION_LIMIT, end.reason(), "seed " + seed + ": " + end.message());
            for (int a = 0; a < m.ram().size(); a += 4) {
                if (a >= guestBase && a < guestEnd) continue;
                assertEquals(before[a / 4], m.ram().loadWord(a), String.format("seed %d: real 0x%08x changed", seed, a));
            }
            traps += (int) log.stream().filter(x -> x.contains("MEMORY")).count();
            instructions += m.rmr().level(3).counters().instructions();
        }
        assertTrue(traps > 6 * 1000, "the guests tried to reach outside their window: " + traps + " memory traps");
        assertTrue(instructions > 6 * 40_000, "the guests ran: " + instructions + " instructions");
    }

    /** A kernel that loops over wild accesses and TLB writes; its handler skips what faults. */
    static String hostile(Random r) {
        StringBuilder s = new StringBuilder(String.join("\n", ".set noreorder", ".section .vectors",
                "  j handler", "  nop", ".org 0x80", "  j handler", "  nop", ".text", "handler:",
                "  mfc0 $k0, $14", "  addiu $k0, $k0, 4", "  jr $k0", "  rfe", ".globl __start", "__start:",
                "  mtc0 $zero, $12", "loop:", ""));
        for (int i = 0; i < 200; i++) {
            s.append(String.format("  li $t0, 0x%08x%n", r.nextInt()));
            switch (r.nextInt(5)) {
                case 0: s.append("  sw $t0, 0($t0)\n"); break;
                case 1: s.append("  lw $t1, 0($t0)\n  sw $t1, 4($t0)\n"); break;
                case 2: s.append("  sb $t0, 1($t0)\n  sh $t0, 2($t0)\n"); break;
                case 3: // a user page of its own per site (no two entries alike), onto a random page
                    s.append(String.format("  li $t1, 0x%08x%n  mtc0 $t1, $10%n  mtc0 $t0, $2%n  li $t2, %d%n"
                            + "  mtc0 $t2, $0%n  tlbwi%n  sw $t0, 0($t1)%n", (r.nextInt() & 0x7FF00000) | i << 12,
                            (8 + i % 56) << 8));
                    break;
                default: s.append(String.format("  li $t1, 0x%08x%n  swl $t0, 0($t1)%n  lwr $t2, 3($t1)%n",
                        0x80000000 | r.nextInt() & 0x3FFFFFFF)); break;
            }
        }
        return s.append("  b loop\n  nop\n").toString();
    }

    /**
     * A level-3 guest that reads every word of physical memory from 0 to 2 MiB (its window is
     * 1 MiB) sees its own RAM and nothing else: every word past its window is a trap whose
     * answer is 0, whatever the RAM of the levels below holds there.
     */
    @Test
    void level3Guest_readsOnlyItsOwnWindow() throws Exception {
        String scan = String.join("\n", ".set noreorder", ".text", ".globl __start", "__start:",
                "  li $t0, 0xa0000000", "  li $t1, 0xa0200000", "  move $a0, $zero",
                "1: lw $t2, 0($t0)", "  addiu $t0, $t0, 4", "  bne $t0, $t1, 1b", "  addu $a0, $a0, $t2",
                "  li $t1, 0xbffe001c", "  sw $a0, 0($t1)", "2: b 2b", "  nop", "");
        int[] bounds = {0, 0x300000, 0x200000, BIG};
        List<String> log = new ArrayList<>();
        LevelMonitor above = null;
        ElfFile guest = assemble(scan);
        for (int h = 2; h >= 0; h--) above = new Router(h, B, bounds[h + 1], above, h == 2 ? guest : null, log, null) {
            @Override public void onTrap(RmrPort port, RmrTrap t) {
                if (t.kind() == RmrTrap.Kind.MEMORY && t.access() == Access.LOAD) {
                    log.add(level + " MEMORY LOAD " + Integer.toHexString(t.paddr()));
                    port.complete(0);
                } else {
                    super.onTrap(port, t);
                }
            }
        };
        Machine m = machine(3);
        for (int a = 0; a < m.ram().size(); a += 4) m.ram().storeWord(a, 0x01010101); // the levels below's "secrets"
        m.rmr().install(above);
        PowerState end = m.run(20_000_000);
        int own = 0;
        for (int a = 3 * B; a < 3 * B + BIG; a += 4) own += m.ram().loadWord(a);
        assertEquals(PowerState.Reason.POWER_OFF, end.reason(), end.message());
        assertEquals(own, end.exitCode(), "the sum of the guest's own RAM");
        assertEquals((2 << 20) / 4 - BIG / 4, log.stream().filter(s -> s.contains("LOAD")).count(), "one trap per word past the window");
    }
}
