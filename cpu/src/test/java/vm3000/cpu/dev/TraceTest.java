package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PowerState;

class TraceTest {
    private final TestBoard b = new TestBoard();
    private final Trace t = new Trace(b.slot(30));

    @Test
    void ids_areDocumented() {
        assertEquals(1, t.vendorId());
        assertEquals(8, t.deviceId());
        assertEquals(3, t.revision());
    }

    @Test
    void traceOnOff_recordsFlags() {
        assertTrue(t.write(Trace.TRACE_ON, 'k'));
        assertTrue(t.write(Trace.TRACE_ON, 'u'));
        assertEquals("ku", t.traceFlags());
        assertTrue(t.isTracing('k'));
        assertTrue(t.write(Trace.TRACE_OFF, 'k'));
        assertFalse(t.isTracing('k'));
        assertEquals("u", t.traceFlags());
    }

    @Test
    void traceOn_invalidCode_machineCheck() {
        t.write(Trace.TRACE_ON, 0x1234);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @Test
    void traceOn_letterThatIsNoTrace161Flag_machineCheck() {
        t.write(Trace.TRACE_ON, 'z');
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @Test
    void traceOnOff_tellTheTracerWhichCategory() {
        java.util.List<String> told = new java.util.ArrayList<>();
        t.setFlagListener((f, on) -> told.add(f + "=" + on));
        t.write(Trace.TRACE_ON, 'j');
        t.write(Trace.TRACE_OFF, 'k');
        assertEquals(java.util.List.of("JUMPS=true", "KERNEL=false"), told);
    }

    @Test
    void print_goesToMessages_notConsole() {
        assertTrue(t.write(Trace.PRINT, 255));
        assertEquals("sys161: trace: code 255 (0xff)\n", b.messageText());
        assertEquals("", b.consoleText());
    }

    @Test
    void dump_runsInstalledHandler_betweenTaggedLines() {
        t.setDumpHandler(() -> b.messages.println("STATE"));
        assertTrue(t.write(Trace.DUMP, 7));
        String out = b.messageText();
        assertTrue(out.contains("trace: dump with code 7 (0x7)"));
        assertTrue(out.indexOf("STATE") > out.indexOf("dump with code"));
        assertTrue(out.indexOf("trace: dump complete") > out.indexOf("STATE"));
        assertTrue(b.power.isRunning());
    }

    @Test
    void dumpFlood_printsAtMostMaxDumps_thenOneLine() {
        int[] handled = {0};
        t.setDumpHandler(() -> handled[0]++);
        for (int i = 0; i < 10 * Trace.MAX_DUMPS; i++) assertTrue(t.write(Trace.DUMP, i));
        String out = b.messageText();
        assertEquals(Trace.MAX_DUMPS, handled[0], "the state dump runs only while dumps are printed");
        assertEquals(Trace.MAX_DUMPS, out.split("dump complete", -1).length - 1);
        assertEquals(1, out.split("further dumps are not printed", -1).length - 1);
        assertEquals(10L * Trace.MAX_DUMPS, t.dumps());
        assertTrue(b.power.isRunning());
    }

    @Test
    void printFlood_printsAtMostMaxPrints_thenOneLine() {
        for (int i = 0; i < 3 * Trace.MAX_PRINTS; i++) assertTrue(t.write(Trace.PRINT, i));
        String out = b.messageText();
        assertEquals(Trace.MAX_PRINTS, out.split("trace: code ", -1).length - 1);
        assertTrue(out.contains("trace: code " + (Trace.MAX_PRINTS - 1) + " "));
        assertEquals(1, out.split("further codes are not printed", -1).length - 1);
        assertEquals(3L * Trace.MAX_PRINTS, t.prints());
    }

    @Test
    void dump_defaultHandler_printsALine() {
        t.write(Trace.DUMP, 1);
        assertTrue(b.messageText().contains("no machine state dump is installed"));
    }

    @Test
    void debuggerRequest_defaultStopsTheRun() {
        assertTrue(t.write(Trace.DEBUGGER, 0));
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @Test
    void debuggerRequest_runsInstalledHandler() {
        boolean[] ran = {false};
        t.setDebuggerHandler(() -> ran[0] = true);
        t.write(Trace.DEBUGGER, 0);
        assertTrue(ran[0]);
        assertTrue(b.power.isRunning());
    }

    @Test
    void profiling_readsZero_writesIgnored() {
        assertTrue(t.write(Trace.PROFILE_ENABLE, 1));
        assertEquals(0, t.read(Trace.PROFILE_ENABLE));
        assertTrue(t.write(Trace.PROFILE_CLEAR, 0));
    }

    @Test
    void exit_powersOffWithCode() {
        assertTrue(t.write(Trace.EXIT, 42));
        assertEquals(PowerState.Reason.POWER_OFF, b.power.reason());
        assertEquals(42, b.power.exitCode());
    }

    @Test
    void exit_throughTheBus_atKseg1Offset0x1c() {
        b.bus.attach(30, t);
        assertTrue(b.bus.write(Lamebus.BASE + 30 * Lamebus.SLOT_SIZE + 0x1c, 3));
        assertEquals(3, b.power.exitCode());
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {Trace.TRACE_ON, Trace.TRACE_OFF, Trace.PRINT, Trace.DUMP, Trace.DEBUGGER,
            Trace.PROFILE_CLEAR, Trace.EXIT})
    void writeOnlyRegisters_readBusError(int offset) {
        assertEquals(LamebusDevice.BUS_ERROR, t.read(offset));
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {0x20, 0x24, 0x1000})
    void undecodedOffsets_busError(int offset) {
        assertEquals(LamebusDevice.BUS_ERROR, t.read(offset));
        assertFalse(t.write(offset, 0));
    }
}
