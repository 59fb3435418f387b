package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PowerState;

class TimerTest {
    private static final int SLOT = 29;
    private final TestBoard b = new TestBoard();
    private final Timer t = attach();

    private Timer attach() {
        Timer timer = new Timer(b.slot(SLOT));
        b.bus.attach(SLOT, timer);
        return timer;
    }

    private boolean irq() { return (b.bus.irqLines() & (1 << SLOT)) != 0; }

    @Test
    void ids_areDocumented() {
        assertEquals(1, t.vendorId());
        assertEquals(2, t.deviceId());
        assertEquals(1, t.revision());
    }

    @Test
    void time_isVirtual_fromInstructionCount() {
        assertEquals(0, t.read(Timer.SECONDS));
        assertEquals(0, t.read(Timer.NANOSECONDS));
        b.clock.advanceTo(25_000_000L * 3 + 25);  // 3 s + 1 us
        assertEquals(3, t.read(Timer.SECONDS));
        assertEquals(1000, t.read(Timer.NANOSECONDS));
    }

    @Test
    void time_writes_setTheClock() {
        b.clock.advanceTo(50);  // 2000 ns
        assertTrue(t.write(Timer.SECONDS, 1_000_000));
        assertEquals(1_000_000, t.read(Timer.SECONDS));
        assertEquals(2000, t.read(Timer.NANOSECONDS));
        assertTrue(t.write(Timer.NANOSECONDS, 500));
        assertEquals(500, t.read(Timer.NANOSECONDS));
        b.clock.advanceTo(75);
        assertEquals(1_000_000, t.read(Timer.SECONDS));
        assertEquals(1500, t.read(Timer.NANOSECONDS));
    }

    @Test
    void restartFlag_readsBack() {
        assertEquals(0, t.read(Timer.RESTART));
        t.write(Timer.RESTART, 1);
        assertEquals(1, t.read(Timer.RESTART));
    }

    @Test
    void countdown_readsBack() {
        t.write(Timer.COUNTDOWN, 1234);
        assertEquals(1234, t.read(Timer.COUNTDOWN));
    }

    @Test
    void countdown_expiry_raisesIrqAt25TicksPerMicrosecond() {
        b.clock.advanceTo(100);
        t.write(Timer.COUNTDOWN, 10);  // 250 ticks
        assertEquals(350, b.clock.nextEvent());
        b.runTo(349);
        assertFalse(irq());
        b.runTo(350);
        assertTrue(irq());
        assertTrue(b.bus.cpuIrq());
    }

    @Test
    void interruptRegister_readClears() {
        t.write(Timer.COUNTDOWN, 1);
        b.runTo(25);
        assertEquals(1, t.read(Timer.INTERRUPT));
        assertFalse(irq());
        assertEquals(0, t.read(Timer.INTERRUPT));
    }

    @Test
    void oneShot_doesNotRestart() {
        t.write(Timer.COUNTDOWN, 1);
        b.runTo(25);
        t.read(Timer.INTERRUPT);
        b.runTo(1000);
        assertFalse(irq());
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent());
    }

    @Test
    void restart_firesPeriodicallyWithoutDrift() {
        t.write(Timer.RESTART, 1);
        t.write(Timer.COUNTDOWN, 4);  // 100 ticks
        b.runTo(130);  // the core ran late: the next expiry is still at 200
        assertEquals(1, t.read(Timer.INTERRUPT));
        assertEquals(200, b.clock.nextEvent());
        b.runTo(200);
        assertTrue(irq());
    }

    @Test
    void rewritingCountdown_cancelsTheOldOne() {
        t.write(Timer.COUNTDOWN, 1);   // would expire at 25
        t.write(Timer.COUNTDOWN, 10);  // now at 250
        b.runTo(100);
        assertFalse(irq());
        b.runTo(250);
        assertTrue(irq());
    }

    @Test
    void countdownWrittenEveryCycle_leavesOneEventQueued() {
        for (int i = 0; i < 100_000; i++) {
            b.runTo(i);
            t.write(Timer.COUNTDOWN, 1000 + i % 7);
            assertEquals(1, b.clock.pending(), "write " + i);
        }
        long due = t.dueAt();
        assertEquals(due, b.clock.nextEvent());
        b.runTo(due - 1);
        assertFalse(irq());
        b.runTo(due);
        assertTrue(irq());
    }

    @Test
    void beep_writesBelToConsole() {
        assertTrue(t.write(Timer.BEEP, 0));
        assertEquals("\007", b.consoleText());
        assertEquals(1, t.beeps());
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {Timer.BEEP, Timer.RESERVED1, Timer.RESERVED2})
    void illegalRead_wedgesLikeSys161(int offset) {
        t.read(offset);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {Timer.INTERRUPT, Timer.RESERVED1, Timer.RESERVED2})
    void illegalWrite_wedgesLikeSys161(int offset) {
        t.write(offset, 1);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {0x20, 0x100, 0xfffc})
    void undecodedOffsets_busError(int offset) {
        assertEquals(LamebusDevice.BUS_ERROR, t.read(offset));
        assertFalse(t.write(offset, 0));
        assertTrue(b.power.isRunning());
    }
}
