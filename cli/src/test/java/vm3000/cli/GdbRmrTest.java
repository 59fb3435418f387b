package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vm3000.cpu.MachineOptions;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Fields;
import vm3000.cpu.isa.Op;
import vm3000.cpu.rmr.RmrStack;
import vm3000.kernels.Kernels;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.VmmStack;

/**
 * gdb's protocol against a VM of two stacked RMR VMMs, the guest at level 2 of the RMR stack: the
 * stub sees the VM as a bare machine (its registers, its guest-physical memory through its window,
 * which the test reads in the machine's RAM itself), steps over a branch and its delay slot and
 * over a console store that traps to the VMM, stops at a watchpoint, and leaves the VM's run what
 * it is without gdb; a VM beside a debugged one runs as it runs alone.
 */
class GdbRmrTest {
    private static final int PC = 37, SP = 29, RA = 31, SR = 32;
    private static final int DEPTH = 2;
    private static final int RAM = MachineOptions.DEFAULT_RAM;

    private static String expected(String kernel) throws IOException {
        try (InputStream in = Kernels.class.getClassLoader().getResourceAsStream("kernels/" + kernel + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A stack of {@code DEPTH} RMR VMMs, its VMs and their consoles, run with --gdb 0 -w on a thread of its own. */
    private static final class Debugged {
        final RmrVmmStack stack;
        final List<RmrVm> vms = new ArrayList<>();
        final List<ByteArrayOutputStream> consoles = new ArrayList<>();
        final RmrGdb gdb;
        final CompletableFuture<Void> done;

        Debugged(String... kernels) throws Exception {
            ElfFile first = Kernels.load(kernels[0]);
            stack = RmrVmmStack.create(VmmStack.hostRam((long) RAM * kernels.length, DEPTH), first.endian(),
                    MachineOptions.Core.BLOCK, DEPTH, Allocator.DEFAULT_SLICE);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            for (String k : kernels) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                vms.add(stack.top().createVm(RAM, Kernels.load(k), "", List.of(), console, quiet,
                        MachineOptions.DEFAULT_SEED));
                consoles.add(console);
            }
            gdb = RmrGdb.attach(stack, vms, new GdbRun.Address(0, null), true, quiet);
            done = CompletableFuture.runAsync(() -> {
                try {
                    gdb.run();
                    gdb.finish();
                } finally {
                    gdb.close();
                }
            });
        }

        RspClient connect(int vm) throws IOException { return RspClient.connect(gdb.stubs().get(vm).port()); }

        void ended() throws Exception {
            done.get(RspClient.GUARD_SECONDS, TimeUnit.SECONDS);
            for (RmrVm vm : vms) vm.close();
        }

        String console(int vm) { return consoles.get(vm).toString(StandardCharsets.ISO_8859_1); }

        /**
         * The word at the VM's guest-physical {@code pa}, read in the machine's RAM through the VM's
         * window composed down to level 0 (the machine is stopped for gdb, its thread waiting).
         */
        int ramWord(int pa) {
            RmrStack rmr = stack.host().rmr();
            PhysicalMemory ram = stack.host().ram();
            assertTrue(pa + 4 <= rmr.composedLimit(DEPTH));
            return ram.loadWord((int) (rmr.composedBase(DEPTH) + pa));
        }
    }

    /** The bare machine's run of {@code kernel}: its transcript and cycles. */
    private static long bareCycles(String kernel) {
        Cli c = Cli.run("run", kernel);
        assertEquals(0, c.code(), c.err());
        Matcher m = Pattern.compile("after (\\d+) cycles").matcher(c.err());
        assertTrue(m.find(), c.err());
        return Long.parseLong(m.group(1));
    }

    private static String hex(int a) { return Integer.toHexString(a); }

    /** The first SW in {@code from}'s code whose base is $t0: the console store of lib/console.s's puts. */
    private static int consoleStore(RspClient gdb, int from) throws IOException {
        for (int a = from; a < from + 64; a += 4) {
            int w = gdb.word(a);
            if (Decoder.decode(w) == Op.SW && Fields.rs(w) == 8) return a;
        }
        throw new AssertionError("no console store in puts");
    }

    @Test
    void aSessionAtLevelTwo_seesTheVmAsABareMachine() throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int spawn = elf.symbol("spawn");
        int frameEnter = elf.symbol("frame_enter");
        int counter = elf.symbol("n_syscalls");
        Debugged d = new Debugged("tinyos");
        RmrVm vm = d.vms.get(0);
        try (RspClient gdb = d.connect(0)) {
            assertEquals("S05", gdb.ask("?"));
            assertEquals(elf.entry(), gdb.register(PC), "the VM's first instruction");

            // A breakpoint at a kernel symbol; registers from the VM's context and its own CP0.
            assertEquals("OK", gdb.ask("Z1," + hex(spawn) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            assertEquals(spawn, gdb.register(PC));
            assertEquals("OK", gdb.ask("z1," + hex(spawn) + ",4"));
            assertEquals(DEPTH, d.stack.host().rmr().live(), "stopped while the VM's level is live");
            assertEquals(vm.level().cp0().status(), gdb.register(SR), "Status: the VM's level's own");
            int sp = gdb.register(SP);
            assertTrue(sp < 0x80000000L + RAM && sp >= 0x80000000, "a kseg0 stack in the VM's RAM: " + hex(sp));
            String g = gdb.ask("g");
            assertEquals(String.format("%08x", spawn), g.substring(PC * 8, PC * 8 + 8));
            assertEquals(String.format("%08x", sp), g.substring(SP * 8, SP * 8 + 8));

            // Memory: the VM's guest-physical RAM, as the machine's RAM holds it through the VM's window.
            int progs = elf.symbol("progs");
            for (int a : new int[] {progs, progs + 4, spawn, sp, sp + 4, counter}) {
                assertEquals(d.ramWord(a & 0x1FFFFFFF), gdb.word(a), "the word at " + hex(a));
                assertEquals(gdb.word(a), gdb.word(a + 0x20000000), "kseg1 is the same RAM: " + hex(a));
            }
            assertEquals(elf.symbol("prog_hello"), gdb.word(progs));
            assertNotEquals(0, d.stack.host().rmr().composedBase(DEPTH), "the window is somewhere else in the machine's RAM");
            assertEquals("E03", gdb.ask("m" + hex(0x80000000 + RAM) + ",4"), "past the VM's RAM: nothing");
            assertEquals("E03", gdb.ask("mbfe00000,4"), "a device register is not read for the debugger");
            String old = gdb.ask("m80f00000,4");
            assertEquals("OK", gdb.ask("M80f00000,4:cafef00d"));
            assertEquals(0xcafef00d, d.ramWord(0x00f00000), "a write lands in the VM's window");
            assertEquals("OK", gdb.ask("M80f00000,4:" + old));

            // A step over a jal and its delay slot.
            int jal = spawn + 4;
            int w = gdb.word(jal);
            assertEquals(Op.JAL, Decoder.decode(w));
            int slot = gdb.word(jal + 4);
            assertEquals("S05", gdb.ask("s"));
            assertEquals(jal, gdb.register(PC));
            assertEquals("S05", gdb.ask("s"));
            assertEquals(jal + 4, gdb.register(PC), "the delay slot");
            assertEquals(jal + 8, gdb.register(RA));
            assertEquals(sp, gdb.register(SP));
            assertEquals("S05", gdb.ask("s"));
            assertEquals(frameEnter, gdb.register(PC), "the jal's target, the slot done");
            assertEquals(sp + Fields.simm(slot), gdb.register(SP));

            // A watchpoint that fires, before the store; a step over it.
            String at = hex(counter);
            assertEquals("OK", gdb.ask("Z2," + at + ",4"));
            assertEquals("T05watch:" + at + ";", gdb.ask("c"));
            int store = gdb.register(PC);
            assertEquals(Op.SW, Decoder.decode(gdb.word(store)));
            assertEquals(0, gdb.word(counter));
            assertEquals("OK", gdb.ask("z2," + at + ",4"));
            assertEquals("S05", gdb.ask("s"));
            assertEquals(store + 4, gdb.register(PC));
            assertEquals(1, gdb.word(counter));
            assertEquals(1, d.ramWord(counter & 0x1FFFFFFF));

            // A step over the console store, a memory trap to the VMM: the VM's next instruction.
            int sw = consoleStore(gdb, elf.symbol("puts"));
            assertEquals("OK", gdb.ask("Z0," + hex(sw) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            assertEquals(sw, gdb.register(PC));
            assertEquals("OK", gdb.ask("z0," + hex(sw) + ",4"));
            long traps = d.stack.top().stats().deviceAccesses();
            String printed = d.console(0);
            assertEquals("S05", gdb.ask("s"));
            assertEquals(sw + 4, gdb.register(PC), "the store done, the VM at its next instruction");
            assertEquals(traps + 1, d.stack.top().stats().deviceAccesses(), "the store trapped to the VMM once");
            assertEquals(printed.length() + 1, d.console(0).length(), "and printed its character");
            assertEquals(Op.LW, Decoder.decode(gdb.word(sw + 4)), "the poll of WIRQ, a device load");
            assertEquals("S05", gdb.ask("s"));
            assertEquals(sw + 8, gdb.register(PC), "a step over a load that traps too");
            assertEquals(DEPTH, d.stack.host().rmr().live());

            assertEquals("W00", gdb.ask("c"));
        }
        d.ended();
        assertEquals(PowerState.Reason.POWER_OFF, vm.power().reason(), vm.power().message());
        assertEquals(expected("tinyos"), d.console(0), "the bare transcript");
        assertEquals(bareCycles("tinyos"), vm.clock().now(), "the bare run's cycles: stops and steps take none");
    }

    @Test
    void twoVms_oneDebugged_theOtherRunsAsAlone() throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int spawn = elf.symbol("spawn");
        Debugged d = new Debugged("tinyos", "hello");
        // vm1's debugger only lets it go: --gdb-wait stops it before its first instruction.
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
            try (RspClient vm1 = d.connect(1)) {
                String why = vm1.ask("?");
                return why + " " + vm1.ask("D");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (RspClient gdb = d.connect(0)) {
            assertEquals("OK", gdb.ask("Z0," + hex(spawn) + ",4"));
            for (int i = 0; i < 3; i++) {
                assertEquals("S05", gdb.ask("c"), "spawn runs three times");
                assertEquals(spawn, gdb.register(PC));
                assertEquals("S05", gdb.ask("s"));
                assertEquals(spawn + 4, gdb.register(PC));
            }
            assertEquals("OK", gdb.ask("z0," + hex(spawn) + ",4"));
            assertEquals("OK", gdb.ask("Z2," + hex(elf.symbol("n_syscalls")) + ",4"));
            assertEquals("T05watch:" + hex(elf.symbol("n_syscalls")) + ";", gdb.ask("c"));
            assertEquals("OK", gdb.ask("z2," + hex(elf.symbol("n_syscalls")) + ",4"));
            assertEquals("W00", gdb.ask("c"));
        }
        assertEquals("S05 OK", other.get(RspClient.GUARD_SECONDS, TimeUnit.SECONDS));
        d.ended();
        assertEquals(expected("tinyos"), d.console(0));
        assertEquals(expected("hello").lines().findFirst().get() + "\nboot arguments: \n", d.console(1),
                "the other VM's transcript is its bare one");
        assertEquals(bareCycles("hello"), d.vms.get(1).clock().now(), "and so are its cycles");
        assertEquals(bareCycles("tinyos"), d.vms.get(0).clock().now());
    }

    @Test
    void kill_stopsThatVmOnly() throws Exception {
        RspClient.Running run = RspClient.start("run", "--vmm", "rmr", "--depth", "2", "--gdb", "0", "-w", "tinyos", "hello");
        try (RspClient vm0 = RspClient.connect(run, "vm0")) {
            assertEquals("S05", vm0.ask("?"));
            vm0.send("k");
        }
        try (RspClient vm1 = RspClient.connect(run, "vm1")) {
            assertEquals("S05", vm1.ask("?"));
            assertEquals("W00", vm1.ask("c"), "the other VM runs to its end");
        }
        Cli c = run.ended();
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("vm0 (tinyos): exit code 125 after 0 cycles (gdb: killed by the debugger)"), c.err());
        assertTrue(c.err().contains("vm1 (hello): exit code 0 after " + bareCycles("hello") + " cycles"), c.err());
        assertEquals("[vm1] " + expected("hello").lines().findFirst().get() + "\n[vm1] boot arguments: \n", c.out());
    }

    /** --stats without the host's own line and without gdb's messages. */
    private static String statsOf(Cli c) {
        StringBuilder sb = new StringBuilder();
        for (String line : c.err().split("\n")) {
            if (line.startsWith("vm3000: gdb") || line.startsWith("host time:")) continue;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void continuedOnly_sameTranscriptCyclesAndCounters() throws Exception {
        String[] machine = {"run", "--vmm", "rmr", "--depth", "2", "--stats"};
        Cli plain = Cli.run(concat(machine, "tinyos", "hello:a"));
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.err().contains("level switches"), plain.err());
        RspClient.Running run = RspClient.start(concat(machine, "--gdb", "0", "-w", "tinyos", "hello:a"));
        try (RspClient vm0 = RspClient.connect(run, "vm0")) {
            assertEquals("S05", vm0.ask("?"));
            vm0.send("c");
            try (RspClient vm1 = RspClient.connect(run, "vm1")) {
                assertEquals("S05", vm1.ask("?"));
                assertEquals("W00", vm1.ask("c"));
            }
            assertEquals("W00", vm0.reply());
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(plain.out(), c.out(), "the transcripts");
        assertEquals(statsOf(plain), statsOf(c), "every VM's cycles, every VMM's and level's counters, the machine's cycles");
    }

    @Test
    void stopsAndSteps_changeNoCounterEither() throws Exception {
        int spawn = Kernels.load("tinyos").symbol("spawn");
        String[] machine = {"run", "--vmm", "rmr", "--depth", "2", "--stats"};
        Cli plain = Cli.run(concat(machine, "tinyos", "hello:a"));
        RspClient.Running run = RspClient.start(concat(machine, "--gdb", "0", "-w", "tinyos", "hello:a"));
        try (RspClient vm0 = RspClient.connect(run, "vm0")) {
            assertEquals("OK", vm0.ask("Z0," + hex(spawn) + ",4"));
            vm0.send("c");
            try (RspClient vm1 = RspClient.connect(run, "vm1")) {
                assertEquals("OK", vm1.ask("D"));
            }
            assertEquals("S05", vm0.reply());
            for (int i = 0; i < 50; i++) assertEquals("S05", vm0.ask("s"));
            assertEquals("OK", vm0.ask("z0," + hex(spawn) + ",4"));
            assertEquals("W00", vm0.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(plain.out(), c.out());
        assertEquals(statsOf(plain), statsOf(c), "the machine ran on the interpreter meanwhile: the same counts");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
