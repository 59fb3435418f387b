package vm3000.cpu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * vm3000's trace and trace-card dump against System/161's own trace161 on the same programs
 * ({@code trace/tour.elf} and {@code trace/user.elf}, built from this project's {@code .s} files
 * there; how the goldens were made is in {@code trace/README.md}). Compared up to the store that powers the machine off, where vm3000
 * stops and System/161 runs on for 5 ms; the lines that differ by a documented departure are left
 * out of both (docs/tracing.md, "Departures").
 */
class Sys161TraceGoldenTest {
    private static final String POWER_OFF_STORE = "-> [0xbfff7e08]";

    @Test
    void tour_matchesTrace161_upToPowerOff() throws Exception {
        List<String> golden = cut(text("trace/tour.trace161"), List.of());
        List<String> ours = cut(run("tour", "kujtxi", 0).text, List.of());
        assertEquals(String.join("\n", golden), String.join("\n", ours));
    }

    /**
     * User mode, a UTLB refill, a syscall and a LAMEbus interrupt out of WAIT, traced without
     * {@code t} (System/161 also traces the TLB lookups of instruction fetches, which vm3000 does not).
     */
    @Test
    void user_matchesTrace161_upToPowerOff() throws Exception {
        List<String> departures = List.of(
                "sys161:   cpu0: ", // System/161 bills a faulting instruction to its mode, vm3000 to the kernel
                "sys161: tlb random: ", // an interrupt takes a cycle of its own on vm3000
                "sys161: VAddr register: ", "sys161: Context register: "); // cleared by every exception on System/161
        List<String> golden = cut(text("trace/user.trace161"), departures);
        List<String> ours = cut(run("user", "kujxi", 0).text, departures);
        assertEquals(String.join("\n", golden), String.join("\n", ours));
    }

    @Test
    void tracing_doesNotChangeCycleCounts() throws Exception {
        for (String program : List.of("tour", "user")) {
            Run traced = run(program, "kujtxi", 0);
            Run untraced = run(program, null, 0);
            assertEquals(untraced.cycles, traced.cycles, program);
            Run block = run(program, null, 1);
            assertEquals(untraced.cycles, block.cycles, program);
        }
    }

    @Test
    void onlyTheChosenCategories_arePrinted() throws Exception {
        String x = run("tour", "x", 0).text;
        assertTrue(x.contains("trace: 00 exception: code 12 (Arithmetic overflow), expc 800001b4"), x);
        assertFalse(x.contains(" at 800000b4:"));
        assertFalse(x.contains("jump:"));
        String j = run("tour", "j", 0).text;
        assertTrue(j.contains("trace: 00 jump: 80000150 -> 8000015c"), j);
        assertFalse(j.contains("exception:"));
    }

    /** The TLB lookups of loads and stores, as trace161 -tkujtxi printed them for user.elf. */
    @Test
    void dataTlbLookups_asTrace161PrintsThem() throws Exception {
        String t = run("user", "kujtxi", 0).text;
        assertTrue(t.contains("trace: 00 at 00400004: sw $t0, 4096($t0): 4194304 -> [0x401000]\n"
                + "trace: 00 tlblookup:  00401/000 -> no match\n"
                + "trace: 00 exception: code 3 (TLB miss - store, miss), expc 400004, vaddr 401000, sp 80003ff8\n"), t);
        assertTrue(t.contains("trace: 00 at 00400008: lw $t1, 4096($t0): [0x401000] -> tlblookup:  00401/000 -> "
                + "00002 -VD-: [30] - OK\n"), t);
    }

    /** System/161 says "Waiting for interrupt" only when an event has run and the CPU idles on. */
    @Test
    void waitingForInterrupt_notSaid_whenTheFirstEventEndsTheWait() throws Exception {
        String t = run("user", "i", 0).text;
        assertTrue(t.contains("trace: -- Slot  0: irq ON\ntrace: 00 Taking interrupt: LAMEbus\n"), t);
        assertFalse(t.contains("Waiting for interrupt"), t);
    }

    /** The trace card's TRACE_ON and TRACE_OFF switch the categories of a running trace. */
    @Test
    void traceCard_switchesCategories_whileTheMachineRuns() throws Exception {
        String src = String.join("\n",
                "        .set noreorder", "        .text", "__start:",
                "        li    $t0, 0xbffe0000",
                "        li    $t1, 'k'",
                "        addiu $s0, $zero, 1",        // not traced: k is off
                "        sw    $t1, 0($t0)",           // TRACE_ON 'k'
                "        addiu $s0, $zero, 2",        // traced
                "        sw    $t1, 4($t0)",           // TRACE_OFF 'k': its own line is traced
                "        addiu $s0, $zero, 3",        // not traced
                "        sw    $zero, 0x1c($t0)", "");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(1 << 20).withConsole(new ByteArrayOutputStream())
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine m = Boot.machine(options, Sys161Config.defaults());
        Boot.load(m, ElfFile.parse(vm3000.cpu.asm.Assembler.assembleElf(src, "switch.s",
                vm3000.cpu.asm.Assembler.Options.defaults()), "switch.s"), "");
        m.trace(TraceFlags.parse(""));
        m.run(100);
        m.sys161Output().finish();
        String t = messages.toString(StandardCharsets.UTF_8);
        assertFalse(t.contains("0 + 1 -> 1"), t);
        assertTrue(t.contains("addiu $s0, $z0, 2: 0 + 2 -> 2\n"), t);
        assertTrue(t.contains("sw $t1, 4($t0): 107 -> [0xbffe0004]\n"), t);
        assertFalse(t.contains("0 + 3 -> 3"), t);
    }

    /** The on-chip timer's line, as System/161 traces it: ON at the match, OFF when a Compare write lowers it. */
    @Test
    void onChipTimer_onAtTheMatch_offAtTheCompareWrite() throws Exception {
        String src = String.join("\n",
                "        .set noreorder", "        .text", "__start:",
                "        mtc0  $zero, $9",             // Count 0
                "        li    $t0, 4",
                "        mtc0  $t0, $11",              // Compare 4: the match a few cycles on
                "        nop", "        nop", "        nop", "        nop", "        nop",
                "        mtc0  $t0, $11",              // lowers the line
                "        li    $t0, 0xbffe0000",
                "        sw    $zero, 0x1c($t0)", "");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(1 << 20).withConsole(new ByteArrayOutputStream())
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine m = Boot.machine(options, Sys161Config.defaults());
        Boot.load(m, ElfFile.parse(vm3000.cpu.asm.Assembler.assembleElf(src, "timer.s",
                vm3000.cpu.asm.Assembler.Options.defaults()), "timer.s"), "");
        m.trace(TraceFlags.parse("ki"));
        m.run(100);
        m.sys161Output().finish();
        String t = messages.toString(StandardCharsets.UTF_8);
        int on = t.indexOf("trace: 00 Timer irq ON\n");
        int off = t.indexOf("mtc0 $t0, $11: 0x4 -> ...\ntrace: 00 Timer irq OFF\n", on);
        assertTrue(on > 0 && off > on, t);
    }

    /** The lines before and at the power-off store, without those a departure decides. */
    private static List<String> cut(String text, List<String> alsoLeftOut) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            boolean departure = alsoLeftOut.stream().anyMatch(line::startsWith)
                    || line.startsWith("sys161: gdb support:") // vm3000 has no debugger
                    || line.matches("sys161: \\d+ cycles \\(.*") // cycles counted when a run slice ends
                    || line.matches("sys161: clock: \\d+\\.\\d+ secs.*") // host time (System/161's cleanlog.sh drops it)
                    || line.startsWith("sys161: tlb index:"); // Index after a failed TLBP
            if (!departure) out.add(line);
            if (line.endsWith(POWER_OFF_STORE)) break;
        }
        return out;
    }

    record Run(String text, long cycles) {}

    /** Runs trace/PROGRAM.elf on System/161's test machine; flags null: no trace; core 1: the block core. */
    static Run run(String program, String flags, int core) throws Exception {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(messages, true, StandardCharsets.UTF_8);
        Sys161Config cfg = Sys161Config.parse("sys161.conf", text("trace/sys161.conf"));
        MachineOptions options = MachineOptions.defaults().withMessages(ps).withConsole(new ByteArrayOutputStream())
                .withRam(cfg.ramSize()).withCore(core == 0 ? MachineOptions.Core.INTERP : MachineOptions.Core.BLOCK);
        Machine m = Boot.configured(options, cfg, null);
        Boot.load(m, ElfFile.parse(bytes("trace/" + program + ".elf"), program + ".elf"), "");
        if (flags != null) m.trace(TraceFlags.parse(flags)).printEnabled();
        m.run(5000);
        m.sys161Output().finish();
        return new Run(messages.toString(StandardCharsets.UTF_8), m.clock().now());
    }

    static String text(String resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = Sys161TraceGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            return in.readAllBytes();
        }
    }
}
