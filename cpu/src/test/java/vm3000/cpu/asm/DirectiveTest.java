package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.elf.ElfWriter;

class DirectiveTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    private static final String DATA = ".data\n.byte 1\n.word 0x11223344\n.half 0x5566\n.ascii \"ab\"\n.asciiz \"c\"\n"
            + ".space 3\n.align 3\n.byte 7, -1\n";

    @Test
    void data_bigEndian_autoAlignsAndPads() {
        assertArrayEquals(bytes(1, 0, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 'a', 'b', 'c', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0xff),
                Asm.program(DATA).section(".data").bytes());
    }

    @Test
    void data_littleEndian_swapsWordsAndHalves() {
        assertArrayEquals(bytes(1, 0, 0, 0, 0x44, 0x33, 0x22, 0x11, 0x66, 0x55, 'a', 'b', 'c', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0xff),
                Asm.program(DATA, Endian.LITTLE).section(".data").bytes());
    }

    @Test
    void word_labelBeforeAutoAlign_movesWithTheWord() {
        Program p = Asm.program(".data\n.byte 1\nw: .word 5");
        assertEquals(p.section(".data").address() + 4, p.symbols().get("w"));
    }

    @Test
    void asciiz_escapes_areDecoded() {
        assertArrayEquals(bytes('a', '\n', '\t', 0, '"', 0x41, 0x7f, 0), Asm.program(".data\n.asciiz \"a\\n\\t\\0\\\"\\x41\\177\"").section(".data").bytes());
    }

    @Test
    void equ_expressions_followGnuPrecedence() {
        Program p = Asm.program(".equ N, 3*4+1\nM = (1 << 4) | 2\n.set K, N - 1\n.data\n.word N, M, K, 'A', ~0, 7/2, 1+2&3, -N");
        int[] w = p.words(".data");
        assertArrayEquals(new int[] {13, 18, 12, 65, -1, 3, 3, -13}, w);
    }

    @Test
    void hiLo_negativeLowHalf_hiRoundsUp() {
        int[] w = Asm.program(".data\n.word %hi(0x12348000), %lo(0x12348000), %hi(0x12347fff), %lo(0x12347fff)").words(".data");
        assertArrayEquals(new int[] {0x1235, 0xffff8000, 0x1234, 0x7fff}, w);
    }

    @Test
    void hiLo_inInstructions_addBackToTheAddress() {
        int[] w = Asm.text("lui $t0, %hi(0x8000fff0)\naddiu $t0, $t0, %lo(0x8000fff0)\nlw $t1, %lo(0x8000fff0)($t0)");
        assertArrayEquals(new int[] {0x3c088001, 0x2508fff0, 0x8d09fff0}, w);
    }

    @Test
    void sections_laidOutInOrder_aligned16() {
        Program p = Asm.program(".data\nd: .byte 1\n.rodata\nr: .byte 2\n.bss\nb: .space 8\n.text\nt: nop\n.section .data\n.byte 3");
        assertEquals(0x80001000, p.symbols().get("t"));
        assertEquals(0x80001010, p.symbols().get("r"));
        assertEquals(0x80001020, p.symbols().get("d"));
        assertEquals(0x80001030, p.symbols().get("b"));
        ElfWriter.Section bss = p.section(".bss");
        assertEquals(8, bss.size());
        assertEquals(0, bss.bytes().length);
        assertArrayEquals(bytes(1, 3), p.section(".data").bytes());
    }

    @Test
    void align_largerThan16_alignsSectionStart() {
        Program p = Asm.program("nop\n.data\n.align 8\nx: .word 1");
        assertEquals(0x80001100, p.symbols().get("x"));
    }

    @Test
    void vectors_orgPlacesGeneralHandlerAt0x80000080() {
        Program p = Asm.program(".section .vectors\nutlb: j general\nnop\n.org 0x80\ngeneral: rfe\n.text\n__start: nop");
        assertEquals(0x80000000, p.symbols().get("utlb"));
        assertEquals(0x80000080, p.symbols().get("general"));
        assertEquals(0x80001000, p.entry());
    }

    @Test
    void entry_prefersUnderscoreStart() {
        assertEquals(0x80001004, Asm.program("nop\n_start: nop").entry());
        assertEquals(0x80001008, Asm.program("nop\n_start: nop\n__start: nop").entry());
        assertEquals(0x80001000, Asm.program("nop\nx: nop").entry());
    }

    @Test
    void comments_andSemicolons_areHandled() {
        int[] w = Asm.text("/* block\n comment */ nop # trailing\n jr $ra ; nop\n");
        assertEquals(3, w.length);
    }

    @Test
    void localLabels_forwardAndBackward_resolveToNearest() {
        int[] w = Asm.text("1: b 1f\n1: b 1b\n1: nop");
        assertArrayEquals(new int[] {0x10000000, 0x1000ffff, 0}, w);
    }

    @Test
    void ignoredDirectives_areAccepted() {
        int[] w = Asm.text(".file \"x.c\"\n.globl f\n.ent f\n.type f, @function\nf: jr $ra\nnop\n.end f\n.size f, .-f");
        assertEquals(2, w.length);
    }

    @Test
    void dot_isTheLocationCounter() {
        int[] w = Asm.program(".data\n.word 0\nhere: .word .\n.word . - here").words(".data");
        assertEquals(0x80001004, w[1]);
        assertEquals(4, w[2]);
    }

    @Test
    void space_withFill_fillsBytes() {
        assertArrayEquals(bytes(9, 9, 9), Asm.program(".data\n.space 3, 9").section(".data").bytes());
    }
}
