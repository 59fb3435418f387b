package vm3000.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.bench.MemoryBench.Ram;
import vm3000.bench.MemoryBench.Stream;
import vm3000.cpu.bus.Endian;

/** Every representation MemoryBench measures holds the same memory as PhysicalMemory, in both byte orders. */
class MemoryBenchTest {
    private static final Stream[] STREAMS = {
        Stream.of(Stream.MIX, 1), Stream.of(Stream.WORDS, 2), Stream.of(Stream.BYTES, 3),
    };

    /** The benchmark's streams, replayed: same sums, same words and bytes afterwards, no store on code. */
    @ParameterizedTest
    @EnumSource(Endian.class)
    void candidatesAgreeWithPhysicalMemoryOnTheStreams(Endian endian) {
        Ram reference = MemoryBench.create("physical", endian);
        long[] sums = new long[STREAMS.length * 2];
        for (int i = 0; i < sums.length; i++) sums[i] = MemoryBench.run(reference, STREAMS[i % STREAMS.length]);
        for (String name : MemoryBench.CANDIDATES) {
            Ram m = MemoryBench.create(name, endian);
            for (int i = 0; i < sums.length; i++) {
                assertEquals(sums[i], MemoryBench.run(m, STREAMS[i % STREAMS.length]), name + " " + endian + " run " + i);
            }
            for (int pa = 0; pa < 4 << 20; pa += 4) {
                if (m.loadWord(pa) != reference.loadWord(pa)) {
                    assertEquals(reference.loadWord(pa), m.loadWord(pa), name + " " + endian + " word at " + pa);
                }
            }
            for (int pa = MemoryBench.DST; pa < MemoryBench.DST + 4096; pa++) {
                assertEquals(reference.loadByte(pa), m.loadByte(pa), name + " " + endian + " byte at " + pa);
            }
            for (int pa = MemoryBench.HEAP; pa < MemoryBench.HEAP + 4096; pa += 2) {
                assertEquals(reference.loadHalf(pa), m.loadHalf(pa), name + " " + endian + " half at " + pa);
            }
            assertEquals(0, m.codeWrites(), name + ": the streams must not store on watched code");
        }
    }

    /** The lanes of a word in each byte order, and the code watch, literally. */
    @ParameterizedTest
    @EnumSource(Endian.class)
    void lanesAndCodeWatch(Endian endian) {
        boolean big = endian == Endian.BIG;
        int a = MemoryBench.HEAP + 0x100;
        for (String name : MemoryBench.CANDIDATES) {
            Ram m = MemoryBench.create(name, endian);
            String what = name + " " + endian;
            m.storeWord(a, 0x11223344);
            assertEquals(0x11223344, m.loadWord(a), what);
            assertEquals(big ? 0x11 : 0x44, m.loadByte(a), what);
            assertEquals(big ? 0x22 : 0x33, m.loadByte(a + 1), what);
            assertEquals(big ? 0x44 : 0x11, m.loadByte(a + 3), what);
            assertEquals(big ? 0x1122 : 0x3344, m.loadHalf(a), what);
            assertEquals(big ? 0x3344 : 0x1122, m.loadHalf(a + 2), what);
            m.storeByte(a + 1, 0x1AB);
            assertEquals(big ? 0x11AB3344 : 0x1122AB44, m.loadWord(a), what);
            m.storeWord(a + 4, 0x80FF00FE);
            assertEquals(0x80, m.loadByte(a + (big ? 4 : 7)), what + ": zero-extended");
            assertEquals(0xFE, m.loadByte(a + (big ? 7 : 4)), what + ": zero-extended");
            assertEquals(big ? 0x80FF : 0x00FE, m.loadHalf(a + 4), what + ": zero-extended");

            assertEquals(0, m.codeWrites(), what);
            m.storeWord(MemoryBench.CODE + 8, 1);
            m.storeByte(MemoryBench.CODE + MemoryBench.CODE_BYTES - 1, 1);
            assertEquals(2, m.codeWrites(), what + ": stores on watched code");
            m.storeByte(MemoryBench.CODE + MemoryBench.CODE_BYTES, 1);
            assertEquals(2, m.codeWrites(), what + ": a store after the watched range");
            assertEquals(false, m.contains(MemoryBench.RAM - 2, 4), what);
            assertEquals(false, m.contains(-4, 4), what);
            assertEquals(true, m.contains(MemoryBench.RAM - 4, 4), what);
        }
    }
}
