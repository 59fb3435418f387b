package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Fields;
import vm3000.cpu.isa.Op;
import vm3000.kernels.Kernels;

/**
 * The gdb stub spoken to in its own protocol by a small client ({@link RspClient}): packets,
 * registers, memory through the current translation, breakpoints, watchpoints, single steps
 * through delay slots, Ctrl-C, kill and detach, the guest's own request for the debugger, on the
 * bare machine, on a VM of the trap-and-emulate VMM and on a VM of the RMR VMM; and a run that gdb
 * only continues is the run without gdb, cycle for cycle.
 */
class GdbStubTest {
    private static final int PC = 37;
    private static final int SP = 29;
    private static final int RA = 31;

    @TempDir
    Path dir;

    /** The machines a debugger can be attached to: the bare machine (each core), a VM at depth 1 and 2, a VM of the RMR VMM at depth 2. */
    static Stream<Arguments> machines() {
        return Stream.of(Arguments.of(List.of("--core", "block")), Arguments.of(List.of("--core", "interp")),
                Arguments.of(List.of("--vmm", "trap")), Arguments.of(List.of("--vmm", "trap", "--depth", "2")),
                Arguments.of(List.of("--vmm", "rmr", "--depth", "2")));
    }

    private static String[] args(List<String> machine, String... rest) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(machine);
        a.addAll(List.of(rest));
        return a.toArray(new String[0]);
    }

    private static String expected(String kernel) throws IOException {
        try (InputStream in = Kernels.class.getClassLoader().getResourceAsStream("kernels/" + kernel + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long cycles(String err) {
        Matcher m = Pattern.compile("after (\\d+) cycles").matcher(err);
        assertTrue(m.find(), err);
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void continueOnly_sameTranscriptAndCycles(List<String> machine) throws Exception {
        Cli plain = Cli.run(args(machine, "tinyos"));
        assertEquals(0, plain.code(), plain.err());
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "--gdb-wait", "tinyos"));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("S05", gdb.ask("?"));
            assertEquals("W00", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(plain.out(), c.out());
        assertEquals(expected("tinyos"), c.out());
        assertEquals(cycles(plain.err()), cycles(c.err()), c.err());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void registersAndMemory_atTheFirstInstruction(List<String> machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "tinyos"));
        try (RspClient gdb = RspClient.connect(run)) {
            String supported = gdb.ask("qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+");
            assertTrue(supported.contains("PacketSize="), supported);
            assertEquals("1", gdb.ask("qAttached"));
            assertEquals("vCont;c;C;s;S", gdb.ask("vCont?"));
            assertEquals("", gdb.ask("vMustReplyEmpty"));
            assertEquals("S05", gdb.ask("?"));

            String g = gdb.ask("g");
            assertEquals(38 * 8, g.length(), g);
            assertEquals(String.format("%08x", elf.entry()), g.substring(PC * 8, PC * 8 + 8));
            assertEquals(elf.entry(), gdb.register(PC));
            assertEquals("00000000", g.substring(0, 8));
            assertEquals("xxxxxxxx", gdb.ask("p46"), "fsr: no FPU");
            assertEquals("E01", gdb.ask("p5a"), "past gdb's MIPS registers");

            assertEquals("OK", gdb.ask("P8=12345678"));
            assertEquals(0x12345678, gdb.register(8));
            assertEquals("OK", gdb.ask("P0=ffffffff"));
            assertEquals(0, gdb.register(0), "$0 stays 0");
            assertEquals("OK", gdb.ask("P8=00000000"));
            assertEquals("OK", gdb.ask("P20=0000ff00"), "Status, as MTC0 writes it (tinyos clears it first thing)");
            assertEquals(0xff00, gdb.register(32));

            assertEquals(textWord(elf, elf.entry()), gdb.word(elf.entry()), "kseg0 text, as in the ELF");
            assertEquals(textWord(elf, elf.entry()), gdb.word(elf.entry() + 0x20000000), "the same through kseg1");
            int scratch = 0x80f00000;
            String old = gdb.ask("m80f00000,4");
            assertEquals("OK", gdb.ask("M80f00000,4:cafef00d"));
            assertEquals(0xcafef00d, gdb.word(scratch));
            assertEquals("OK", gdb.ask("X80f00000,2:" + "\u0001}\u0003")); // 0x01, then '#' escaped as }\x03
            assertEquals("0123f00d", gdb.ask("m80f00000,4"));
            assertEquals("OK", gdb.ask("M80f00000,4:" + old));

            assertEquals(gdb.ask("m80fffffe,2"), gdb.ask("m80fffffe,4"), "a read stops where RAM (16 MiB) ends");
            assertEquals("E03", gdb.ask("m00400000,4"), "kuseg with nothing in the TLB: an error, not a guest exception");
            assertEquals("E03", gdb.ask("mbfe00000,4"), "a device register is not read for the debugger");
            assertEquals("E03", gdb.ask("Mc0000000,4:00000000"));
            assertEquals("E01", gdb.ask("mzz,4"));
            assertEquals("", gdb.ask("bc"), "an unsupported packet has the empty reply");

            gdb.sendRaw("$g#00"); // g's checksum is 67
            assertEquals('-', gdb.readByte(), "a bad checksum is refused");
            assertEquals(elf.entry(), gdb.register(PC), "and the stub goes on");

            assertEquals("W00", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("tinyos"), c.out(), "the debugger's reads had no effect on the guest");
    }

    private static int textWord(ElfFile elf, int address) {
        for (ElfFile.Segment s : elf.segments()) {
            if (address - s.vaddr() >= 0 && address - s.vaddr() < s.filesz()) {
                byte[] d = elf.data(s);
                int o = address - s.vaddr();
                return (d[o] & 0xFF) << 24 | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | d[o + 3] & 0xFF;
            }
        }
        throw new AssertionError("no segment holds " + Integer.toHexString(address));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void breakpoints_andSingleStepsThroughADelaySlot(List<String> machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int spawn = elf.symbol("spawn");
        int frameEnter = elf.symbol("frame_enter");
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "tinyos"));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("OK", gdb.ask("Z1," + Integer.toHexString(spawn) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            assertEquals(spawn, gdb.register(PC), "a hardware breakpoint");
            assertEquals("OK", gdb.ask("z1," + Integer.toHexString(spawn) + ",4"));

            int jal = spawn + 4;
            int w = gdb.word(jal);
            assertEquals(Op.JAL, Decoder.decode(w), "spawn's second instruction is the jal this test steps");
            assertEquals(frameEnter, (jal & 0xF0000000) | Fields.target(w) << 2);
            int slot = gdb.word(jal + 4);
            assertEquals(Op.ADDIU, Decoder.decode(slot));
            assertEquals(SP, Fields.rt(slot));

            assertEquals("OK", gdb.ask("Z0," + Integer.toHexString(jal) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            assertEquals(jal, gdb.register(PC), "a software breakpoint, guest memory untouched:");
            assertEquals(w, gdb.word(jal));
            int sp = gdb.register(SP);

            assertEquals("S05", gdb.ask("s"));
            assertEquals(jal + 4, gdb.register(PC), "a step of the jal stops at its delay slot");
            assertEquals(jal + 8, gdb.register(RA));
            assertEquals(sp, gdb.register(SP));
            assertEquals("S05", gdb.ask("vCont;s:1;c"));
            assertEquals(frameEnter, gdb.register(PC), "the step of the slot goes to the jal's target");
            assertEquals(sp + Fields.simm(slot), gdb.register(SP));

            assertEquals("S05", gdb.ask("c"), "the breakpoint still holds: spawn runs three times");
            assertEquals(jal, gdb.register(PC));
            assertEquals("OK", gdb.ask("D"), "detach: the machine runs on, its breakpoints gone");
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("tinyos"), c.out());
        assertTrue(c.err().contains("debugger detached"), c.err());
        assertEquals(cycles(Cli.run(args(machine, "tinyos")).err()), cycles(c.err()),
                "stops, steps and the interpreter's turns changed nothing in the machine's time");
    }

    @ParameterizedTest
    @MethodSource("machines")
    void userModeBreakpoint_memoryThroughTheTlb(List<String> machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int kseg0 = elf.symbol("prog_hello") + 4;
        int user = kseg0 & 0x1FFFFFFF; // tinyos maps its programs' code at virtual = physical
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "tinyos"));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("OK", gdb.ask("Z0," + Integer.toHexString(user) + ",4"));
            assertEquals("S05", gdb.ask("c"), "user mode runs one instruction at a time while a breakpoint is set");
            assertEquals(user, gdb.register(PC));
            assertEquals(Cp0.SR_KUC, gdb.register(32) & Cp0.SR_KUC, "Status.KUc: user mode");
            assertEquals(gdb.word(kseg0), gdb.word(user), "the page through the TLB is the kernel's view of it");
            String code = gdb.ask("m" + Integer.toHexString(user) + ",4");
            assertEquals("OK", gdb.ask("M" + Integer.toHexString(user) + ",4:" + code), "read-only text (D=0) is written");
            assertEquals("OK", gdb.ask("z0," + Integer.toHexString(user) + ",4"));
            assertEquals("W00", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("tinyos"), c.out());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void watchpoints_stopBeforeTheAccess(List<String> machine) throws Exception {
        ElfFile elf = Kernels.load("tinyos");
        int counter = elf.symbol("n_syscalls");
        String at = Integer.toHexString(counter);
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "tinyos"));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("OK", gdb.ask("Z3," + at + ",4"));
            assertEquals("T05rwatch:" + at + ";", gdb.ask("c"));
            assertEquals(Op.LW, Decoder.decode(gdb.word(gdb.register(PC))), "stopped at the load");
            assertEquals("OK", gdb.ask("z3," + at + ",4"));

            assertEquals("OK", gdb.ask("Z2," + at + ",4"));
            assertEquals("T05watch:" + at + ";", gdb.ask("c"));
            int store = gdb.register(PC);
            assertEquals(Op.SW, Decoder.decode(gdb.word(store)), "stopped at the store");
            assertEquals(0, gdb.word(counter), "before it");
            assertEquals("OK", gdb.ask("z2," + at + ",4"));
            assertEquals("S05", gdb.ask("s"));
            assertEquals(1, gdb.word(counter), "the step stored the first system call's count");

            assertEquals("OK", gdb.ask("Z4," + Integer.toHexString(counter + 2) + ",1"));
            assertEquals("T05awatch:" + Integer.toHexString(counter + 2) + ";", gdb.ask("c"),
                    "an access watchpoint on one byte of the word: the next load of it");
            assertEquals(Op.LW, Decoder.decode(gdb.word(gdb.register(PC))));
            assertEquals("OK", gdb.ask("z4," + Integer.toHexString(counter + 2) + ",1"));
            assertEquals("W00", gdb.ask("C05"), "continue with a signal: there is none to deliver");
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("tinyos"), c.out());
        assertEquals(cycles(Cli.run(args(machine, "tinyos")).err()), cycles(c.err()), "watching changed no timing");
    }

    private Path loop() throws IOException {
        return Files.writeString(dir.resolve("loop.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: b __start\n        nop\n");
    }

    @ParameterizedTest
    @MethodSource("machines")
    void ctrlC_stopsARunningGuest_thenKill(List<String> machine) throws Exception {
        Path loop = loop();
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", loop.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            int entry = gdb.register(PC);
            gdb.send("c");
            gdb.sendRaw("\u0003");
            assertEquals("S02", gdb.reply(), "Ctrl-C: SIGINT");
            int pc = gdb.register(PC);
            assertTrue(pc == entry || pc == entry + 4, Integer.toHexString(pc));
            gdb.send("k");
        }
        Cli c = run.ended();
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("killed by the debugger"), c.err());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void connectingWhileItRuns_stopsTheMachine(List<String> machine) throws Exception {
        Path loop = loop();
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", loop.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("S05", gdb.ask("?"));
            long before = Long.parseLong(gdb.ask("p9"), 16);
            assertEquals("OK", gdb.ask("P9=00000007"), "stopped: the loop does not touch $t1 and nor does time");
            assertEquals(7, gdb.register(9));
            assertEquals(0, before);
            gdb.send("k");
        }
        Cli c = run.ended();
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void theEnd_isToldToAWaitingDebugger(List<String> machine) throws Exception {
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "--max-instructions", "5000",
                loop().toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("X18", gdb.ask("c"), "the instruction limit: SIGXCPU");
        }
        assertEquals(ExitCodes.INSTRUCTION_LIMIT, run.ended().code());

        Path waitForever = Files.writeString(dir.resolve("wait.s"), "        .set noreorder\n        .text\n"
                + "        .globl __start\n__start: wait\n        nop\n");
        run = RspClient.start(args(machine, "--gdb", "0", "-w", waitForever.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("X06", gdb.ask("c"), "a machine check (WAIT with nothing to wake it): SIGABRT");
        }
        assertEquals(ExitCodes.MACHINE_CHECK, run.ended().code());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void bootRomException_summonsTheDebugger(List<String> machine) throws Exception {
        Path bev = Files.writeString(dir.resolve("bev.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: syscall\n        nop\n");
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", bev.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            int entry = gdb.register(PC);
            assertEquals("S05", gdb.ask("c"), "System/161's boot ROM holds a breakpoint for the debugger");
            assertEquals(0xbfc00180, gdb.register(PC), "at the BEV general vector");
            assertEquals(8, (gdb.register(36) >>> 2) & 31, "Cause: Sys");
            assertEquals(Cp0.SR_BEV, gdb.register(32) & Cp0.SR_BEV);
            assertEquals("OK", gdb.ask("P25=" + String.format("%08x", entry + 4)), "gdb may go on elsewhere");
            assertEquals("OK", gdb.ask("Z0," + Integer.toHexString(entry + 8) + ",4"));
            assertEquals("S05", gdb.ask("c"));
            assertEquals(entry + 8, gdb.register(PC), "the nop after the syscall ran, and the breakpoint after it holds");
            gdb.send("k");
        }
        Cli c = run.ended();
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("went to the boot ROM"), c.err());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void connectionDropped_theMachineRunsOn(List<String> machine) throws Exception {
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", "-w", "hello"));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("OK", gdb.ask("Z0,80002000,4"));
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertEquals(expected("hello").lines().findFirst().get() + "\nboot arguments: \n", c.out());
        assertTrue(c.err().contains("connection lost"), c.err());
    }

    private Path debuggerRequest() throws IOException {
        return Files.writeString(dir.resolve("request.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: lui $t0, 0xbffe\n"
                + "        sw $zero, 0x10($t0)     # trace card: DEBUGGER\n"
                + "        li $t1, 5\n"
                + "        sw $t1, 0x1c($t0)       # trace card: EXIT 5\n"
                + "        nop\n");
    }

    @ParameterizedTest
    @MethodSource("machines")
    void guestRequest_waitsForTheDebugger(List<String> machine) throws Exception {
        Path request = debuggerRequest();
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", request.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            assertEquals("S05", gdb.ask("?"));
            int pc = gdb.register(PC);
            int sw = gdb.word(pc - 4);
            assertEquals(Op.SW, Decoder.decode(sw), "stopped after the store to DEBUGGER");
            assertEquals(0x10, Fields.simm(sw));
            assertEquals("W05", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(5, c.code(), c.err());
        assertTrue(c.err().contains("the guest asked for the debugger"), c.err());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void codePatchedByTheDebugger_runsPatched(List<String> machine) throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.s"), "        .set noreorder\n        .text\n        .globl __start\n"
                + "__start: lui $t0, 0xbffe\n"
                + "        li $t2, 0\n"
                + "        jal count               # t2 += 10\n"
                + "        nop\n"
                + "        sw $zero, 0x10($t0)     # trace card: DEBUGGER (the test patches count)\n"
                + "        jal count\n"
                + "        nop\n"
                + "        sw $t2, 0x1c($t0)       # trace card: EXIT t2\n"
                + "        nop\n"
                + "count:  li $t3, 10\n"
                + "1:      addiu $t2, $t2, 1\n"
                + "        addiu $t3, $t3, -1\n"
                + "        bnez $t3, 1b\n"
                + "        nop\n"
                + "        jr $ra\n"
                + "        nop\n");
        int addiu = 0x254a0001; // addiu $t2, $t2, 1
        RspClient.Running run = RspClient.start(args(machine, "--gdb", "0", twice.toString()));
        try (RspClient gdb = RspClient.connect(run)) {
            int at = gdb.register(PC);
            while (gdb.word(at) != addiu) at += 4;
            assertEquals("OK", gdb.ask("M" + Integer.toHexString(at) + ",4:254a0003"));
            assertEquals("W28", gdb.ask("c"));
        }
        Cli c = run.ended();
        assertEquals(40, c.code(), "10 before the patch, 30 after: the decoded code was dropped " + c.err());
    }

    @Test
    void guestRequest_withoutGdb_isStillAMachineCheck() throws Exception {
        Cli c = Cli.run("run", debuggerRequest().toString());
        assertEquals(ExitCodes.MACHINE_CHECK, c.code(), c.err());
        assertTrue(c.err().contains("no debugger"), c.err());
    }

    @Test
    void severalVms_vmIListensOnPortPlusI() throws Exception {
        int port = RspClient.freePort();
        RspClient.Running run = RspClient.start("run", "--vmm", "trap", "--gdb", "" + port, "-w", "hello:a", "hello:b");
        assertEquals(port, run.port("vm0"));
        assertEquals(port + 1, run.port("vm1"));
        try (RspClient vm0 = RspClient.connect(run, "vm0")) {
            vm0.send("c");
            try (RspClient vm1 = RspClient.connect(run, "vm1")) {
                assertEquals("S05", vm1.ask("?"));
                assertNotEquals(0, vm1.register(4), "vm1's own $a0: its boot arguments");
                assertEquals("W00", vm1.ask("c"));
            }
            assertEquals("W00", vm0.reply());
        }
        Cli c = run.ended();
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("[vm0] boot arguments: a\n"), c.out());
        assertTrue(c.out().contains("[vm1] boot arguments: b\n"), c.out());
        assertTrue(c.err().contains("gdb (vm1): debugger connected on port " + (port + 1)), c.err());
    }

    @Test
    void portZero_eachVmAFreePortOfItsOwn() throws Exception {
        RspClient.Running run = RspClient.start("run", "--vmm", "trap", "--gdb", "0", "-w", "hello:a", "hello:b");
        assertNotEquals(run.port("vm0"), run.port("vm1"));
        try (RspClient vm0 = RspClient.connect(run, "vm0")) {
            vm0.send("c");
            try (RspClient vm1 = RspClient.connect(run, "vm1")) {
                assertEquals("W00", vm1.ask("c"));
            }
            assertEquals("W00", vm0.reply());
        }
        assertEquals(0, run.ended().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gdb -1 hello", "--gdb 65536 hello", "--gdb-wait hello", "-w hello",
            "--gdb 7000 --rmr-levels 1 hello", "--vmm trap --gdb 65535 hello hello", "--vmm rmr --gdb 65535 hello hello",
            "--vmm rmr --gdb-wait hello"})
    void badOptions_oneLineExit2(String line) {
        Cli c = Cli.run(("run " + line).split(" "));
        assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
        assertTrue(c.oneLineError(), c.err());
    }

    @Test
    void portInUse_oneLineExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli c = Cli.run("run", "--gdb", "" + taken.getLocalPort(), "hello");
            assertEquals(ExitCodes.BAD_INPUT, c.code(), c.err());
            assertTrue(c.oneLineError(), c.err());
            assertTrue(c.err().contains("cannot listen on port " + taken.getLocalPort()), c.err());
        }
    }
}
