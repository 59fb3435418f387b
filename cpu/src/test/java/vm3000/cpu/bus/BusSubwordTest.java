package vm3000.cpu.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Sub-word accesses to device registers, as System/161's bus makes them: a load reads the whole
 * register and takes its lane; a store reads the register, merges the lane and writes the word
 * back, so the read's side effects happen and a read that is a bus error fails the store.
 */
class BusSubwordTest {
    /** One register at offset 0 that logs every access; offset 4 is a bus error. */
    static final class Register implements LamebusDevice {
        int value;
        final List<String> log = new ArrayList<>();
        @Override public int vendorId() { return 1; }
        @Override public int deviceId() { return 99; }
        @Override public int revision() { return 1; }
        @Override public long read(int offset) {
            log.add("read " + offset);
            return offset == 0 ? value & 0xFFFFFFFFL : BUS_ERROR;
        }
        @Override public boolean write(int offset, int v) {
            log.add(String.format("write %d %08x", offset, v));
            if (offset != 0) return false;
            value = v;
            return true;
        }
    }

    private static final int SLOT3 = Lamebus.BASE + 3 * Lamebus.SLOT_SIZE;

    private static Bus bus(Endian endian, Register r) {
        Lamebus lamebus = new Lamebus();
        lamebus.attach(3, r);
        return new Bus(new PhysicalMemory(4096, endian), lamebus);
    }

    @Test
    void byteStore_bigEndian_readsMergesAndWritesTheWord() {
        Register r = new Register();
        r.value = 0x11223344;
        Bus b = bus(Endian.BIG, r);
        assertTrue(b.store(SLOT3 + 1, 1, 0xAB));
        assertEquals(0x11AB3344, r.value);
        assertEquals(List.of("read 0", "write 0 11ab3344"), r.log);
    }

    @Test
    void halfStore_littleEndian_mergesItsLane() {
        Register r = new Register();
        r.value = 0x11223344;
        Bus b = bus(Endian.LITTLE, r);
        assertTrue(b.store(SLOT3 + 2, 2, 0xBEEF)); // little-endian: offset 2 is the high half
        assertEquals(0xBEEF3344, r.value);
        assertTrue(b.store(SLOT3, 1, 0x1FF));      // only the byte's 8 bits
        assertEquals(0xBEEF33FF, r.value);
    }

    @Test
    void subwordLoad_readsTheWordAndTakesTheLane() {
        Register r = new Register();
        r.value = 0x11223344;
        Bus b = bus(Endian.BIG, r);
        assertEquals(0x22, b.load(SLOT3 + 1, 1));
        assertEquals(0x3344, b.load(SLOT3 + 2, 2));
        assertEquals(List.of("read 0", "read 0"), r.log);
    }

    @Test
    void subwordStore_whereTheReadIsABusError_failsWithoutWriting() {
        Register r = new Register();
        Bus b = bus(Endian.BIG, r);
        assertFalse(b.store(SLOT3 + 4 + 3, 1, 1));
        assertEquals(List.of("read 4"), r.log);
        assertFalse(b.store(Lamebus.BASE + 9 * Lamebus.SLOT_SIZE, 2, 1), "an empty slot");
    }
}
