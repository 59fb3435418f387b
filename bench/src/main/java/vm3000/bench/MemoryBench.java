package vm3000.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalMemory;

/**
 * Representations of physical memory side by side: the machine's {@link PhysicalMemory} (an
 * {@code int[]} of words as the CPU sees them) against the same memory kept as bytes in guest
 * order and read through an agrona {@link UnsafeBuffer} or a byte-array view {@link VarHandle},
 * and against variants of the {@code int[]}. Every candidate is behind the same small interface
 * ({@link Ram}) and pays the same code-watch check on every store (one bit per word, as
 * PhysicalMemory does), and every access is preceded by the bounds check the machine makes
 * ({@link Ram#contains}), so the figures differ only in the representation.
 *
 * <p>One operation is one memory access; the score is millions of accesses per second. An
 * invocation replays a precomputed stream of {@value #ACCESSES} accesses (a fixed seed) whose
 * kinds repeat with period 16, like the loads and stores of a guest loop's compiled code:
 * {@code mix} is guest-like (sequential word loads and stores over two arrays, random word,
 * byte and halfword accesses over a 1 MiB heap), {@code words} has word accesses only,
 * {@code bytes} byte accesses only. Stored values depend on what was loaded before, so no access
 * can be left out; the sum of the loads is returned to JMH.
 *
 * <p>Each (candidate, byte order) is a fork of its own, so the interface call is monomorphic there
 * and inlined. Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}, which the fork's JVM must
 * export to it ({@code --add-exports}, below).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class MemoryBench {
    static final int ACCESSES = 8192;
    /** RAM of the benchmark's machine: 16 MiB, as the equivalence tests and the matrix give a guest. */
    static final int RAM = 16 << 20;
    /** Watched, as decoded code would be; the streams never store there. */
    static final int CODE = 0, CODE_BYTES = 64 << 10;
    /** The arrays that sequential loads and stores walk. */
    static final int SRC = 64 << 10, DST = 128 << 10, ARRAY_BYTES = 64 << 10;
    /** Where random accesses fall. */
    static final int HEAP = 1 << 20, HEAP_BYTES = 1 << 20;

    /**
     * The candidate. {@code physical}: the machine's PhysicalMemory itself; {@code ints}: a copy of
     * its logic with the byte lane computed by xor from a boolean instead of the Endian enum's
     * methods; {@code ints-vh}: that, through an array-element VarHandle over the int[];
     * {@code bytes-vh}: a byte[] in guest order through byte-array view VarHandles of the guest's
     * order; {@code agrona-heap}, {@code agrona-direct}: a byte[] in guest order, or a direct
     * buffer, through an UnsafeBuffer with the guest's ByteOrder.
     */
    @Param({"physical", "ints", "ints-vh", "bytes-vh", "agrona-heap", "agrona-direct"})
    public String ram;

    /** The guest's byte order: big (System/161) or little; the host is little-endian. */
    @Param({"big", "little"})
    public String order;

    Ram memory;
    Stream mix, words, bytes;

    @Setup(Level.Trial)
    public void setUp() {
        memory = create(ram, order.equals("big") ? Endian.BIG : Endian.LITTLE);
        mix = Stream.of(Stream.MIX, 1);
        words = Stream.of(Stream.WORDS, 2);
        bytes = Stream.of(Stream.BYTES, 3);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long mix() { return run(memory, mix); }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long words() { return run(memory, words); }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long bytes() { return run(memory, bytes); }

    /** The names of {@link #ram}'s values, in the order of the table. */
    static final String[] CANDIDATES = {"physical", "ints", "ints-vh", "bytes-vh", "agrona-heap", "agrona-direct"};

    /**
     * A candidate of {@value #RAM} bytes, filled with the same pseudo-random words (seed 0) and
     * watching [{@value #CODE}, {@value #CODE_BYTES}) with a watcher that counts.
     */
    static Ram create(String name, Endian endian) {
        Ram r = switch (name) {
            case "physical" -> new Physical(RAM, endian);
            case "ints" -> new Ints(RAM, endian);
            case "ints-vh" -> new IntsVarHandle(RAM, endian);
            case "bytes-vh" -> new BytesVarHandle(RAM, endian);
            case "agrona-heap" -> new Agrona(new UnsafeBuffer(new byte[RAM]), RAM, endian);
            case "agrona-direct" -> new Agrona(new UnsafeBuffer(ByteBuffer.allocateDirect(RAM)), RAM, endian);
            default -> throw new IllegalArgumentException("unknown representation " + name);
        };
        SplittableRandom random = new SplittableRandom(0);
        for (int pa = 0; pa < 4 << 20; pa += 4) r.storeWord(pa, random.nextInt());
        r.watch(CODE, CODE_BYTES);
        return r;
    }

    // The kinds of access in a stream.
    static final byte LW = 0, SW = 1, LBU = 2, SB = 3, LHU = 4;

    /** Accesses: {@code kinds[i & 15]} at {@code addr[i]}. */
    record Stream(byte[] kinds, int[] addr) {
        /** Kinds of a guest loop: 11 word accesses (6 random), 4 byte (all random), 1 halfword, of 16; 5 stores. */
        static final String MIX = "lw+ lw+ lbu sw+ lw lw+ lhu sb lw+ sw+ lbu lw lw+ sw lbu sw+";
        static final String WORDS = "lw+ lw+ sw+ lw lw+ sw lw+ lw lw+ sw+ lw lw+ sw lw+ lw sw+";
        static final String BYTES = "lbu+ sb+ lbu lbu+ sb+ lbu sb lbu+ sb+ lbu lbu+ sb+ sb lbu+ lbu sb+";

        /**
         * The stream of {@code pattern}: 16 kinds, where {@code +} marks a sequential access (loads
         * walk SRC, stores DST, each by its own size) and the others fall at random in the heap,
         * aligned to their size.
         */
        static Stream of(String pattern, long seed) {
            String[] p = pattern.split(" ");
            if (p.length != 16) throw new IllegalArgumentException(pattern);
            byte[] kinds = new byte[16];
            boolean[] sequential = new boolean[16];
            for (int i = 0; i < 16; i++) {
                sequential[i] = p[i].endsWith("+");
                kinds[i] = switch (p[i].replace("+", "")) {
                    case "lw" -> LW;
                    case "sw" -> SW;
                    case "lbu" -> LBU;
                    case "sb" -> SB;
                    case "lhu" -> LHU;
                    default -> throw new IllegalArgumentException(p[i]);
                };
            }
            SplittableRandom random = new SplittableRandom(seed);
            int[] addr = new int[ACCESSES];
            int load = 0, store = 0;
            for (int i = 0; i < ACCESSES; i++) {
                byte k = kinds[i & 15];
                int size = k == LW || k == SW ? 4 : k == LHU ? 2 : 1;
                if (sequential[i & 15]) {
                    boolean isStore = k == SW || k == SB;
                    int at = isStore ? store : load;
                    addr[i] = (isStore ? DST : SRC) + at;
                    if (isStore) store = (at + size) % ARRAY_BYTES;
                    else load = (at + size) % ARRAY_BYTES;
                } else {
                    addr[i] = HEAP + (random.nextInt(HEAP_BYTES) & -size);
                }
            }
            return new Stream(kinds, addr);
        }
    }

    /**
     * Replays {@code s} on {@code m}: each access after the machine's bounds check, loads summed,
     * stores of values made from that sum; returns the sum.
     */
    static long run(Ram m, Stream s) {
        byte[] kinds = s.kinds;
        int[] addr = s.addr;
        long sum = 0;
        for (int i = 0; i < addr.length; i++) {
            int a = addr[i];
            switch (kinds[i & 15]) {
                case LW -> { if (m.contains(a, 4)) sum += m.loadWord(a); }
                case SW -> { if (m.contains(a, 4)) m.storeWord(a, (int) sum + i); }
                case LBU -> { if (m.contains(a, 1)) sum += m.loadByte(a); }
                case SB -> { if (m.contains(a, 1)) m.storeByte(a, (int) sum + i); }
                default -> { if (m.contains(a, 2)) sum += m.loadHalf(a); }
            }
        }
        return sum;
    }

    /**
     * Physical memory as the machine uses it: the caller checks bounds with contains; the
     * accessors assume an in-range address aligned to the size. Sub-word values are zero-extended.
     */
    interface Ram {
        boolean contains(int paddr, int len);
        int loadWord(int paddr);
        void storeWord(int paddr, int value);
        int loadHalf(int paddr);
        int loadByte(int paddr);
        void storeByte(int paddr, int value);
        /** Counts the stores to words of {@code [paddr, paddr + length)} from now on. */
        void watch(int paddr, int length);
        /** How many stores fell on watched words. */
        long codeWrites();
    }

    /** The machine's class. */
    static final class Physical implements Ram {
        final PhysicalMemory m;
        long codeWrites;

        Physical(int size, Endian endian) {
            m = new PhysicalMemory(size, endian);
            m.setCodeWatcher(page -> codeWrites++);
        }

        @Override public boolean contains(int paddr, int len) { return m.contains(paddr, len); }
        @Override public int loadWord(int paddr) { return m.loadWord(paddr); }
        @Override public void storeWord(int paddr, int value) { m.storeWord(paddr, value); }
        @Override public int loadHalf(int paddr) { return m.loadHalf(paddr); }
        @Override public int loadByte(int paddr) { return m.loadByte(paddr); }
        @Override public void storeByte(int paddr, int value) { m.storeByte(paddr, value); }
        @Override public void watch(int paddr, int length) { m.watch(paddr, length); }
        @Override public long codeWrites() { return codeWrites; }
    }

    /** The code watch and bounds of every other candidate: PhysicalMemory's, word for word. */
    abstract static class Watched implements Ram {
        final int size;
        final boolean big;
        final long[] watched;
        final PhysicalMemory.CodeWatcher watcher;
        long codeWrites;

        Watched(int size, Endian endian) {
            this.size = size;
            this.big = endian == Endian.BIG;
            this.watched = new long[(size >>> 8) + 1];
            this.watcher = page -> codeWrites++;
        }

        @Override public final boolean contains(int paddr, int len) {
            long a = paddr & 0xFFFFFFFFL;
            return a + len <= size;
        }

        @Override public final void watch(int paddr, int length) {
            for (int w = paddr >>> 2, end = (paddr + length + 3) >>> 2; w < end; w++) watched[w >>> 6] |= 1L << w;
        }

        final void written(int paddr) {
            int w = paddr >>> 2;
            if ((watched[w >>> 6] & (1L << w)) != 0) watcher.codeWritten(paddr >>> 12);
        }

        @Override public final long codeWrites() { return codeWrites; }
    }

    /** PhysicalMemory's int[] of words as the CPU sees them; the lane of a byte by xor. */
    static final class Ints extends Watched {
        final int[] words;
        final int byteFlip, halfFlip;

        Ints(int size, Endian endian) {
            super(size, endian);
            words = new int[size >>> 2];
            byteFlip = big ? 3 : 0;
            halfFlip = big ? 2 : 0;
        }

        @Override public int loadWord(int paddr) { return words[paddr >>> 2]; }

        @Override public void storeWord(int paddr, int value) {
            words[paddr >>> 2] = value;
            written(paddr);
        }

        @Override public int loadHalf(int paddr) {
            return (words[paddr >>> 2] >>> (((paddr & 2) ^ halfFlip) << 3)) & 0xFFFF;
        }

        @Override public int loadByte(int paddr) {
            return (words[paddr >>> 2] >>> (((paddr & 3) ^ byteFlip) << 3)) & 0xFF;
        }

        @Override public void storeByte(int paddr, int value) {
            int shift = ((paddr & 3) ^ byteFlip) << 3;
            int i = paddr >>> 2;
            words[i] = (words[i] & ~(0xFF << shift)) | ((value & 0xFF) << shift);
            written(paddr);
        }
    }

    /** {@link Ints} through an array-element VarHandle (plain access). */
    static final class IntsVarHandle extends Watched {
        static final VarHandle INT = MethodHandles.arrayElementVarHandle(int[].class);
        final int[] words;
        final int byteFlip, halfFlip;

        IntsVarHandle(int size, Endian endian) {
            super(size, endian);
            words = new int[size >>> 2];
            byteFlip = big ? 3 : 0;
            halfFlip = big ? 2 : 0;
        }

        @Override public int loadWord(int paddr) { return (int) INT.get(words, paddr >>> 2); }

        @Override public void storeWord(int paddr, int value) {
            INT.set(words, paddr >>> 2, value);
            written(paddr);
        }

        @Override public int loadHalf(int paddr) {
            return ((int) INT.get(words, paddr >>> 2) >>> (((paddr & 2) ^ halfFlip) << 3)) & 0xFFFF;
        }

        @Override public int loadByte(int paddr) {
            return ((int) INT.get(words, paddr >>> 2) >>> (((paddr & 3) ^ byteFlip) << 3)) & 0xFF;
        }

        @Override public void storeByte(int paddr, int value) {
            int shift = ((paddr & 3) ^ byteFlip) << 3;
            int i = paddr >>> 2;
            INT.set(words, i, ((int) INT.get(words, i) & ~(0xFF << shift)) | ((value & 0xFF) << shift));
            written(paddr);
        }
    }

    /** A byte[] in guest order; words and halfwords through byte-array views of either order. */
    static final class BytesVarHandle extends Watched {
        static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
        final byte[] bytes;

        BytesVarHandle(int size, Endian endian) {
            super(size, endian);
            bytes = new byte[size];
        }

        @Override public int loadWord(int paddr) {
            return big ? (int) INT_BE.get(bytes, paddr) : (int) INT_LE.get(bytes, paddr);
        }

        @Override public void storeWord(int paddr, int value) {
            if (big) INT_BE.set(bytes, paddr, value);
            else INT_LE.set(bytes, paddr, value);
            written(paddr);
        }

        @Override public int loadHalf(int paddr) {
            return (big ? (short) SHORT_BE.get(bytes, paddr) : (short) SHORT_LE.get(bytes, paddr)) & 0xFFFF;
        }

        @Override public int loadByte(int paddr) { return bytes[paddr] & 0xFF; }

        @Override public void storeByte(int paddr, int value) {
            bytes[paddr] = (byte) value;
            written(paddr);
        }
    }

    /** Bytes in guest order in an agrona UnsafeBuffer (over a byte[] or a direct buffer). */
    static final class Agrona extends Watched {
        final UnsafeBuffer buffer;
        final ByteOrder byteOrder;

        Agrona(UnsafeBuffer buffer, int size, Endian endian) {
            super(size, endian);
            this.buffer = buffer;
            this.byteOrder = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        @Override public int loadWord(int paddr) { return buffer.getInt(paddr, byteOrder); }

        @Override public void storeWord(int paddr, int value) {
            buffer.putInt(paddr, value, byteOrder);
            written(paddr);
        }

        @Override public int loadHalf(int paddr) { return buffer.getShort(paddr, byteOrder) & 0xFFFF; }

        @Override public int loadByte(int paddr) { return buffer.getByte(paddr) & 0xFF; }

        @Override public void storeByte(int paddr, int value) {
            buffer.putByte(paddr, (byte) value);
            written(paddr);
        }
    }
}
