package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hot loops of both cores stay compilable by HotSpot: the JIT does not compile a method of
 * more than 8000 bytes of bytecode ({@code -XX:HugeMethodLimit}, with
 * {@code -XX:-DontCompileHugeMethods} off by default), and such a method would run in the
 * bytecode interpreter forever. Reads the Code attributes of the compiled classes with a minimal
 * class-file reader (JVM specification, chapter 4), as java.lang.classfile is not in Java 17.
 */
class MethodSizeTest {
    /** HotSpot's HugeMethodLimit. */
    static final int HUGE_METHOD_LIMIT = 8000;

    /**
     * The largest blocks the compiler can be given (128 instructions, every one a store or a load
     * or an ALU operation) still give a {@code run} method HotSpot will compile: the compiler
     * covers fewer of their instructions if it must (the rest run in the block core's loop).
     */
    @ParameterizedTest(name = "128 x {0}")
    @CsvSource({"sw", "lw", "sb", "lhu", "addu", "sllv", "multu", "divu", "mflo"})
    void compiledBlock_ofTheLongestBlock_isUnderTheJitSizeLimit(String mnemonic) throws IOException {
        vm3000.cpu.isa.Op op = vm3000.cpu.isa.Op.valueOf(mnemonic.toUpperCase());
        vm3000.cpu.isa.Op[] ops = new vm3000.cpu.isa.Op[Block.MAX];
        int[] words = new int[Block.MAX];
        for (int i = 0; i < Block.MAX; i++) {
            ops[i] = op;
            // rs = 8 + i % 16, rt = 9 + i % 15, rd = 10 + i % 14, offset 0x7ff0: many registers, big constants
            words[i] = op.match() | ((8 + i % 16) << 21) | ((9 + i % 15) << 16) | ((10 + i % 14) << 11) | 0x7ff0;
        }
        Block b = new Block(ops, words, -1);
        int n = BlockCompiler.coverage(b);
        assertTrue(n == Block.MAX, mnemonic + ": only " + n + " of " + Block.MAX + " instructions are compiled");
        BlockCompiler.Generated g = BlockCompiler.generateWithin(b, n);
        Integer size = codeLengths(new java.io.ByteArrayInputStream(g.bytes()), "compiled block").get("run");
        assertTrue(size != null && size < HUGE_METHOD_LIMIT,
                "128 x " + mnemonic + ": run has " + size + " bytes of bytecode; HotSpot compiles none over " + HUGE_METHOD_LIMIT);
    }

    /**
     * The largest regions the region compiler can form, from a page full of one instruction
     * (blocks of 128 falling through into each other, as many as a region may have) or of short
     * blocks whose branches both lead to the next (the most blocks a region may have), still give
     * a {@code run} method HotSpot will compile: the compiler drops blocks until it does, and if
     * the first block alone is too large, forms no region (the block is compiled alone, in part).
     */
    @ParameterizedTest(name = "{1} x {0}")
    @CsvSource({"sw, 128", "lw, 128", "multu, 128", "divu, 128", "sllv, 128", "sb, 128",
            "sw, 4", "lhu, 4", "divu, 4", "addu, 2"})
    void compiledRegion_ofTheLargestRegions_isUnderTheJitSizeLimit(String mnemonic, int blockLength) throws IOException {
        vm3000.cpu.isa.Op op = vm3000.cpu.isa.Op.valueOf(mnemonic.toUpperCase());
        vm3000.cpu.Machine m = vm3000.cpu.boot.Boot.machine(vm3000.cpu.MachineOptions.defaults().withRam(1 << 20)
                .withMessages(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())),
                vm3000.cpu.dev.Sys161Config.defaults(1 << 20));
        int page = 0x10000;
        for (int i = 0; i < 1024; i++) {
            int operands = ((8 + i % 16) << 21) | ((9 + i % 15) << 16) | ((10 + i % 14) << 11) | 0x7ff0;
            int w = op.match() | (operands & ~op.mask());
            // every blockLength-th pair: bne $t0, $t1 to the next instruction after its delay slot
            if (blockLength < 128 && i % blockLength == blockLength - 2) w = 0x15090001;
            m.ram().storeWord(page + 4 * i, w);
        }
        BlockCache cache = m.blockCore().cache();
        Block head = cache.get(page);
        java.util.List<Block> blocks = RegionCompiler.form(cache, head, 0x80000000 | page, RegionCompiler.MAX_BLOCKS, 0);
        assertTrue(blocks.size() > 1, "a region of " + blocks.size() + " block");
        for (boolean links : new boolean[] {false, true}) {   // with direct links, the exits' code is larger
            String what = blockLength + " x " + mnemonic + (links ? ", with links" : "");
            RegionCompiler.Generated g = RegionCompiler.generateWithin(blocks, 0x80000000 | page, links);
            if (g == null) {
                // no region: its first block alone is over the limit, and is compiled alone, in part
                assertTrue(RegionCompiler.generate(new Block[] {head}, new int[] {0}, 0x80000000 | page, links).codeSize()
                        > InsnEmitter.MAX_CODE, what + ": no region, though its first block fits");
                BlockCompiler.Generated b = BlockCompiler.generateWithin(head, BlockCompiler.coverage(head));
                assertTrue(b.codeSize() <= InsnEmitter.MAX_CODE && b.covered() > 0, "the first block alone: " + b.codeSize() + " bytes");
                continue;
            }
            Integer size = codeLengths(new java.io.ByteArrayInputStream(g.bytes()), "compiled region").get("run");
            assertTrue(size != null && size < HUGE_METHOD_LIMIT, g.blocks() + " blocks of " + what
                    + ": run has " + size + " bytes of bytecode; HotSpot compiles none over " + HUGE_METHOD_LIMIT);
            assertEquals((int) size, g.codeSize(), "the compiler's own measure of the method");
        }
        m.close();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "Cpu, step", "Cpu, exec", "Cpu, runUntil",
            "BlockCore, runBlock", "BlockCore, runFrom", "BlockCore, runUntil", "BlockCore, slow"})
    void hotMethod_isUnderTheJitSizeLimit(String cls, String method) throws IOException {
        Map<String, Integer> sizes = codeLengths(cls + ".class");
        Integer size = sizes.get(method);
        assertTrue(size != null, cls + "." + method + " not found in " + sizes.keySet());
        assertTrue(size > 0 && size < HUGE_METHOD_LIMIT,
                cls + "." + method + " has " + size + " bytes of bytecode; HotSpot compiles none over " + HUGE_METHOD_LIMIT);
    }

    /**
     * Bytecode length of each method of the class file {@code resource} (a name in this
     * package; the largest of overloads).
     */
    static Map<String, Integer> codeLengths(String resource) throws IOException {
        try (InputStream raw = MethodSizeTest.class.getResourceAsStream(resource)) {
            assertTrue(raw != null, resource + " is not on the class path");
            return codeLengths(raw, resource);
        }
    }

    /** Bytecode length of each method of the class file read from {@code raw}. */
    static Map<String, Integer> codeLengths(InputStream raw, String resource) throws IOException {
        {
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != 0xCAFEBABE) throw new IOException(resource + ": not a class file");
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> { in.skipNBytes(8); i++; } // takes two entries
                    default -> throw new IOException(resource + ": constant pool tag " + tag);
                }
            }
            in.skipNBytes(6); // access flags, this class, super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            for (int f = in.readUnsignedShort(); f > 0; f--) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> sizes = new HashMap<>();
            for (int m = in.readUnsignedShort(); m > 0; m--) {
                in.skipNBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipNBytes(2); // descriptor
                for (int a = in.readUnsignedShort(); a > 0; a--) {
                    String attr = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attr.equals("Code")) {
                        in.skipNBytes(4); // max stack, max locals
                        int code = in.readInt();
                        in.skipNBytes(length - 8);
                        sizes.merge(name, code, Math::max);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
            return sizes;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int a = in.readUnsignedShort(); a > 0; a--) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
