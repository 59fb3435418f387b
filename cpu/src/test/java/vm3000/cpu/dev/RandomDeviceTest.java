package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import vm3000.cpu.bus.LamebusDevice;

class RandomDeviceTest {
    private static long[] first(RandomDevice r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = r.read(RandomDevice.VALUE);
        return out;
    }

    @Test
    void ids_areDocumented() {
        RandomDevice r = new RandomDevice(1);
        assertEquals(1, r.vendorId());
        assertEquals(9, r.deviceId());
        assertEquals(1, r.revision());
    }

    @Test
    void equalSeeds_equalSequences() {
        assertArrayEquals(first(new RandomDevice(42), 16), first(new RandomDevice(42), 16));
    }

    @Test
    void differentSeeds_differentSequences() {
        assertFalse(Arrays.equals(first(new RandomDevice(42), 16), first(new RandomDevice(43), 16)));
    }

    @Test
    void values_are32BitAndVary() {
        long[] v = first(new RandomDevice(DeviceContext.DEFAULT_SEED), 64);
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 0 && x <= 0xFFFFFFFFL));
        assertTrue(Arrays.stream(v).distinct().count() > 60);
        assertTrue(Arrays.stream(v).anyMatch(x -> x > 0x7FFFFFFFL));
    }

    @Test
    void contextSeed_isUsed() {
        TestBoard b = new TestBoard();
        RandomDevice r = new RandomDevice(b.base.withSeed(7));
        assertEquals(7, r.seed());
        assertArrayEquals(first(new RandomDevice(7), 4), first(r, 4));
    }

    @Test
    void writes_andOtherOffsets_busError() {
        RandomDevice r = new RandomDevice(1);
        assertFalse(r.write(0, 1));
        assertEquals(LamebusDevice.BUS_ERROR, r.read(4));
    }
}
