package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.bus.LamebusDevice;

class SerialTest {
    private final TestBoard b = new TestBoard();

    private Serial attach() {
        Serial s = new Serial(b.slot(0));
        b.bus.attach(0, s);
        return s;
    }

    private boolean irq() { return (b.bus.irqLines() & 1) != 0; }

    @Test
    void ids_areDocumented() {
        Serial s = attach();
        assertEquals(1, s.vendorId());
        assertEquals(4, s.deviceId());
        assertEquals(1, s.revision());
    }

    @Test
    void charWrite_sendsByteToConsole_completesAfterCharTicks() {
        Serial s = attach();
        assertTrue(s.write(Serial.CHAR, 'h'));
        assertEquals("h", b.consoleText());
        assertEquals(0, s.read(Serial.WIRQ));
        b.runTo(Serial.CHAR_TICKS - 1);
        assertEquals(0, s.read(Serial.WIRQ));
        b.runTo(Serial.CHAR_TICKS);
        assertEquals(Serial.IRQ_COMPLETE, s.read(Serial.WIRQ));
        assertFalse(irq());  // IRQEN clear: no interrupt
    }

    @Test
    void charWrite_outputsLowByteOnly_byteForByte() {
        Serial s = attach();
        long t = 0;
        for (int v : new int[] {0x141, 0xff, 0x0a}) {
            s.write(Serial.CHAR, v);
            t += Serial.CHAR_TICKS;
            b.runTo(t);
        }
        byte[] out = b.console.toByteArray();
        assertEquals(3, out.length);
        assertEquals(0x41, out[0] & 0xff);
        assertEquals(0xff, out[1] & 0xff);
        assertEquals(0x0a, out[2] & 0xff);
    }

    @Test
    void charWrite_whileBusy_isDropped() {
        Serial s = attach();
        s.write(Serial.CHAR, 'a');
        s.write(Serial.CHAR, 'b');
        assertEquals("a", b.consoleText());
        assertEquals(1, s.dropped());
        b.runTo(Serial.CHAR_TICKS);
        s.write(Serial.CHAR, 'c');
        assertEquals("ac", b.consoleText());
        assertEquals(2, s.written());
    }

    @Test
    void writeIrq_enabled_raisesOnCompletion_clearedBySoftware() {
        Serial s = attach();
        s.write(Serial.WIRQ, Serial.IRQ_ENABLE);
        s.write(Serial.CHAR, 'x');
        assertFalse(irq());
        b.runTo(Serial.CHAR_TICKS);
        assertTrue(irq());
        assertEquals(Serial.IRQ_ENABLE | Serial.IRQ_COMPLETE, s.read(Serial.WIRQ));
        s.write(Serial.WIRQ, Serial.IRQ_ENABLE);
        assertFalse(irq());
    }

    @Test
    void force_assertsOnlyWithEnable_andReadsBack() {
        Serial s = attach();
        s.write(Serial.RIRQ, Serial.IRQ_FORCE);
        assertEquals(Serial.IRQ_FORCE, s.read(Serial.RIRQ));
        assertFalse(irq());
        s.write(Serial.RIRQ, Serial.IRQ_FORCE | Serial.IRQ_ENABLE);
        assertTrue(irq());
        s.write(Serial.RIRQ, 0);
        assertFalse(irq());
    }

    @Test
    void irqRegisters_keepOnlyThreeBits() {
        Serial s = attach();
        s.write(Serial.WIRQ, 0xffffffff);
        assertEquals(7, s.read(Serial.WIRQ));
    }

    @Test
    void noInput_nothingTyped_noEvents() {
        Serial s = attach();
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent());
        b.runTo(1_000_000);
        assertEquals(0, s.read(Serial.CHAR));
        assertEquals(0, s.read(Serial.RIRQ));
    }

    @Test
    void input_oneCharPerCharTicks_heldUntilRead() {
        b.withInput("hi");
        Serial s = attach();
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        b.runTo(Serial.CHAR_TICKS);
        assertTrue(irq());
        assertEquals(Serial.IRQ_ENABLE | Serial.IRQ_COMPLETE, s.read(Serial.RIRQ));
        b.runTo(5 * Serial.CHAR_TICKS);  // not read yet: 'i' waits
        assertEquals('h', s.read(Serial.CHAR));
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        assertFalse(irq());
        b.runTo(6 * Serial.CHAR_TICKS);
        assertTrue(irq());
        assertEquals('i', s.read(Serial.CHAR));
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        b.runTo(20 * Serial.CHAR_TICKS);
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent());  // end of input
    }

    @Test
    void input_nextByteWaitsForTheAcknowledgement_notJustTheRead() {
        // OS/161's lser_irq reads CHAR, then clears CMPL some cycles later. A byte that arrived
        // in between would be acknowledged unread, and no interrupt would ever announce it.
        b.withInput("?\n");
        Serial s = attach();
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        b.runTo(Serial.CHAR_TICKS);
        assertEquals('?', s.read(Serial.CHAR));
        b.runTo(2 * Serial.CHAR_TICKS);             // the next byte's turn: CMPL is still set
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);    // the driver's acknowledgement of '?'
        assertFalse(irq());
        b.runTo(3 * Serial.CHAR_TICKS);
        assertTrue(irq(), "the newline arrives after the acknowledgement");
        assertEquals('\n', s.read(Serial.CHAR));
    }

    @Test
    void input_acknowledgedUnread_isGivenUp_andInputGoesOn() {
        b.withInput("xy");
        Serial s = attach();
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        b.runTo(Serial.CHAR_TICKS);
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);    // CMPL cleared, CHAR never read
        b.runTo(2 * Serial.CHAR_TICKS);
        assertTrue(irq());
        assertEquals('y', s.read(Serial.CHAR));
    }

    @Test
    void input_notAskedFor_untilTheGuestReadsOrEnablesIt() {
        int[] polls = {0};
        b.withInput(() -> {
            polls[0]++;
            return 'k';
        });
        Serial s = attach();
        s.write(Serial.WIRQ, Serial.IRQ_ENABLE);  // writing only: no interest in input
        b.runTo(100 * Serial.CHAR_TICKS);
        assertEquals(0, polls[0], "a guest that never reads the console never waits for its input");
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent());
        s.read(Serial.RIRQ);                       // a polling driver looks: the card starts listening
        long from = b.clock.now();
        b.runTo(from + Serial.CHAR_TICKS - 1);
        assertEquals(0, polls[0]);
        b.runTo(from + Serial.CHAR_TICKS);
        assertEquals(1, polls[0]);
        assertEquals(Serial.IRQ_COMPLETE, s.read(Serial.RIRQ));
        assertEquals('k', s.read(Serial.CHAR));
    }

    @Test
    void nothingTypedYet_askedAgainEveryCharTicks() {
        int[] polls = {0};
        b.withInput(() -> ++polls[0] < 3 ? ConsoleInput.NONE : 'z');
        Serial s = attach();
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        b.runTo(Serial.CHAR_TICKS);
        b.runTo(2 * Serial.CHAR_TICKS);
        assertEquals(2, polls[0]);
        assertFalse(irq(), "nothing typed: no interrupt");
        b.runTo(3 * Serial.CHAR_TICKS);
        assertTrue(irq());
        assertEquals('z', s.read(Serial.CHAR));
    }

    @Test
    void subWordStore_doesNotStartListening() {
        b.withInput(() -> {
            throw new AssertionError("a store asked for console input");
        });
        Serial s = attach();
        assertEquals(0, s.readToModify(Serial.CHAR));
        assertEquals(0, s.readToModify(Serial.RIRQ));
        b.runTo(100 * Serial.CHAR_TICKS);
        assertEquals(Long.MAX_VALUE, b.clock.nextEvent(), "no input asked for");
    }

    @Test
    void theInputIsToldWhetherTheGuestPolls() {
        java.util.List<Boolean> asks = new java.util.ArrayList<>();
        b.withInput(new ConsoleInput() {
            @Override public int poll() { throw new AssertionError("the card says whether the guest polled"); }
            @Override public int poll(boolean polled) { asks.add(polled); return NONE; }
        });
        Serial s = attach();
        s.read(Serial.RIRQ);                       // polling: read interrupt off
        b.runTo(Serial.CHAR_TICKS);
        b.runTo(2 * Serial.CHAR_TICKS);            // nothing read since: not polling
        s.write(Serial.RIRQ, Serial.IRQ_ENABLE);
        s.read(Serial.RIRQ);                       // an interrupt handler's read is not polling
        b.runTo(3 * Serial.CHAR_TICKS);
        assertEquals(java.util.List.of(true, false, false), asks);
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {0xc, 0x10, 0x8000})
    void undecodedOffsets_busError(int offset) {
        Serial s = attach();
        assertEquals(LamebusDevice.BUS_ERROR, s.read(offset));
        assertFalse(s.write(offset, 0));
    }
}
