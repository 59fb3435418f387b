package vm3000.cpu.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;

/**
 * Which symbol names an address: the greatest at or below it, a sized function first, and only
 * within what the symbol covers. The project's assembler writes labels only (STT_NOTYPE, no
 * size), so the functions of a compiler's ELF are made here by patching st_size and st_info.
 */
class CodeSymbolsTest {
    static final String SOURCE = ".set noreorder\n.text\n"
            + "__start: nop\n nop\n"   // 0x80001000
            + "f: nop\n"               // 0x80001008: a function of 8 bytes
            + "inner: nop\n"           // 0x8000100c: a label inside f
            + "after: nop\n nop\n"     // 0x80001010: past f's size
            + "g: nop\n"               // 0x80001018: a function of 4 bytes
            + " nop\n"                 // 0x8000101c: past g's size, no label of its own
            + "ustart:\nuwork: nop\n"  // 0x80001020: two labels at one address
            + " nop\n"                 // 0x80001024
            + ".globl entry\nentry:\nlocal_after: nop\n"  // 0x80001028: a global and a local
            + "h_label:\nh: nop\n"     // 0x8000102c: a function and a label after it in the table
            + "z: nop\n"               // 0x80001030: a function of size 0: a label
            + ".equ K, 0x80001024\n"   // an absolute value, not a place
            + ".data\nd: .word 1\n";

    /** The ELF of {@link #SOURCE} with st_size and st_info of the symbols in {@code patch} (name: {size, type}) set. */
    static ElfFile elf(Map<String, int[]> patch) throws BadInputException {
        byte[] b = Assembler.assemble(SOURCE, "s.s", Assembler.Options.defaults()).toElf();
        int shoff = word(b, 32);
        int shnum = half(b, 48);
        for (int i = 0; i < shnum; i++) {
            int sh = shoff + i * 40;
            if (word(b, sh + 4) != 2) continue; // SHT_SYMTAB
            int str = word(b, shoff + word(b, sh + 24) * 40 + 16);
            for (int at = word(b, sh + 16); at < word(b, sh + 16) + word(b, sh + 20); at += 16) {
                int n = str + word(b, at);
                int end = n;
                while (b[end] != 0) end++;
                int[] p = patch.get(new String(b, n, end - n, StandardCharsets.UTF_8));
                if (p == null) continue;
                putWord(b, at + 8, p[0]);
                b[at + 12] = (byte) (b[at + 12] & 0xF0 | p[1]);
            }
        }
        return ElfFile.parse(b, "s.elf");
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static int half(byte[] b, int at) { return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF; }

    private static void putWord(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
    }

    private static final int FUNC = ElfFile.Symbol.STT_FUNC;

    private static String at(CodeSymbols s, int address) {
        ElfFile.Symbol sym = s.at(address);
        return sym == null ? null : sym.name();
    }

    private static CodeSymbols patched() throws BadInputException {
        return CodeSymbols.of(elf(Map.of("f", new int[] {8, FUNC}, "g", new int[] {4, FUNC}, "h", new int[] {4, FUNC},
                "z", new int[] {0, FUNC})));
    }

    @Test
    void theSymbolTable_hasTypesAndSizes() throws BadInputException {
        ElfFile e = elf(Map.of("f", new int[] {8, FUNC}));
        ElfFile.Symbol f = e.symbolTable().stream().filter(s -> s.name().equals("f")).findFirst().orElseThrow();
        assertEquals(0x80001008, f.value());
        assertEquals(8, f.size());
        assertEquals(FUNC, f.type());
        ElfFile.Symbol k = e.symbolTable().stream().filter(s -> s.name().equals("K")).findFirst().orElseThrow();
        assertEquals(false, k.inSection());
        assertEquals(0x80001024, e.symbol("K"));
    }

    @Test
    void labels_nameTheCodeUpToTheNext() throws BadInputException {
        CodeSymbols s = CodeSymbols.of(elf(Map.of()));
        assertEquals("__start", at(s, 0x80001000));
        assertEquals("__start", at(s, 0x80001004));
        assertEquals("inner", at(s, 0x8000100c));
        assertEquals("g", at(s, 0x8000101c));
        assertNull(at(s, 0x80000ffc), "below every symbol");
    }

    @Test
    void aSizedFunction_winsOverTheLabelsInside_andEndsAtItsSize() throws BadInputException {
        CodeSymbols s = patched();
        assertEquals("f", at(s, 0x80001008));
        assertEquals("f", at(s, 0x8000100c), "inner is a label inside f");
        assertEquals("after", at(s, 0x80001010));
        assertEquals("after", at(s, 0x80001014));
        assertEquals("g", at(s, 0x80001018));
        assertNull(at(s, 0x8000101c), "past g's size: no symbol");
    }

    @Test
    void ofSeveralAtOneAddress_theFunction_elseTheLastInTheTable() throws BadInputException {
        CodeSymbols s = patched();
        assertEquals("uwork", at(s, 0x80001020), "the innermost label");
        assertEquals("uwork", at(s, 0x80001024), "K is an absolute value, not a place");
        assertEquals("entry", at(s, 0x80001028), "globals come after locals in the table");
        assertEquals("h", at(s, 0x8000102c), "the function, though the label is later");
        assertEquals("z", at(s, 0x80001030), "a function without a size is a label");
    }

    @Test
    void aLabel_endsWithItsSegment() throws BadInputException {
        ElfFile e = elf(Map.of());
        CodeSymbols s = CodeSymbols.of(e);
        ElfFile.Segment text = e.segments().stream().filter(g -> g.holds(0x80001000)).findFirst().orElseThrow();
        int end = text.vaddr() + text.memsz();
        assertEquals("z", at(s, end - 4));
        assertNotEquals("z", at(s, end), "a label does not reach past its segment");
        assertNull(at(s, 0x00001000), "kuseg: nothing there");
        assertNull(CodeSymbols.none().at(0x80001000));
    }
}
