package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm3000.cpu.asm.Asm.error;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTest {
    @Test
    void unknownInstruction_namesFileLineAndMnemonic() {
        assertEquals("bad.s:3: unknown instruction 'addx'", error("nop\n\naddx $t0, $t1, $t2"));
    }

    @Test void undefinedSymbol() { assertEquals("bad.s:1: undefined symbol 'nowhere'", error("j nowhere")); }
    @Test void undefinedLocalLabel() { assertEquals("bad.s:1: undefined symbol '1 (local label)'", error("b 1f")); }
    @Test void localLabelBackwardWithoutDefinition() { assertEquals("bad.s:1: no local label 1 defined before 1b", error("b 1b")); }
    @Test void badRegister() { assertEquals("bad.s:1: bad register '$t10'", error("addu $t0, $t10, $t1")); }
    @Test void registerExpected() { assertEquals("bad.s:1: expected a register, got 't0'", error("jr t0")); }
    @Test void duplicateLabel() { assertEquals("bad.s:2: duplicate label 'x'", error("x: nop\nx: nop")); }
    @Test void unknownDirective() { assertEquals("bad.s:1: unknown directive '.frobnicate'", error(".frobnicate 3")); }
    @Test void unknownSection() { assertTrue(error(".section .weird").startsWith("bad.s:1: unknown section '.weird'")); }
    @Test void operandCount() { assertEquals("bad.s:1: 'addu' takes rd, rs, rt, got 2 operands", error("addu $t0, $t1")); }
    @Test void dataInBss() { assertTrue(error(".bss\n.word 1").startsWith("bad.s:2: initialised data in .bss")); }
    @Test void unterminatedString() { assertEquals("bad.s:1: unterminated string", error(".data\n.ascii \"abc").replace(":2:", ":1:")); }
    @Test void orgBackwards() { assertTrue(error("nop\nnop\n.org 4").startsWith("bad.s:3: .org 0x4 moves backwards")); }
    @Test void macroUnderNoat() { assertEquals("bad.s:2: 'blt' needs $at, but .set noat is in force", error(".set noat\nblt $t0, $t1, x\nx: nop")); }
    @Test void sizeFromLaterSymbol() { assertTrue(error(".space N\nN = 4").startsWith("bad.s:1: 'N' must be a constant defined before")); }
    @Test void circularEqu() { assertTrue(error("A = B\nB = A\n.word A").contains("defined in terms of itself")); }

    /** Only the first word of the expansion would be in the slot: refused, where GNU as only warns. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "b x;         la $a0, x           | la | 2",
        "jr $ra;      li $t0, 0x12345678  | li | 2",
        "jal x;       li $t0, 0x10000     | li | 1",
        "beqz $t0, x; blt $t1, $t2, x     | blt | 2",
        "bnez $t0, x; lw $t1, x           | lw | 2",
        "j x;         mul $t0, $t1, $t2   | mul | 2",
    })
    void multiInstructionMacroInDelaySlot(String code, String macro, int n) {
        String source = ".set noreorder\nnop\n" + code.replace(";", "\n") + "\nnop\nx: nop";
        if (n == 1) {
            assertEquals(5, Asm.text(source).length, "li of a value lui alone makes is one instruction");
        } else {
            assertEquals("bad.s:4: macro '" + macro + "' expands to " + n + " instructions in a branch delay slot",
                    error(source));
        }
    }

    @Test
    void multiInstructionMacro_allowedOutsideDelaySlotsAndUnderReorder() {
        // After the slot is filled, and in .set reorder (the branch gets a nop of its own).
        assertEquals(6, Asm.text(".set noreorder\nb x\nnop\nla $a0, x\nx: nop\nnop").length);
        assertEquals(5, Asm.text(".set reorder\nb x\nla $a0, x\nx: nop").length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "addiu $t0, $t0, 32768 | immediate out of range: 32768 (must be -32768..32767)",
        "addiu $t0, $t0, -32769 | immediate out of range: -32769 (must be -32768..32767)",
        "ori $t0, $t0, -1 | immediate out of range: -1 (must be 0..65535)",
        "andi $t0, $t0, 0x10000 | immediate out of range: 65536 (must be 0..65535)",
        "lui $t0, 0x10000 | immediate out of range: 65536 (must be 0..65535)",
        "sll $t0, $t0, 32 | shift amount out of range: 32 (must be 0..31)",
        "mfc0 $t0, $12, 8 | select out of range: 8 (must be 0..7)",
        "break 1024 | code out of range: 1024 (must be 0..1023)",
    })
    void immediateOutOfRange(String source, String message) {
        assertEquals("bad.s:1: " + message, error(source));
    }

    @Test
    void branchOutOfRange() {
        assertTrue(error("beq $t0, $t1, far\n.space 0x20000\nfar: nop").startsWith("bad.s:1: branch out of range"));
    }

    @Test
    void jumpOutsideRegion() {
        assertTrue(error("j 0x10000000").startsWith("bad.s:1: jump target 0x10000000 is outside the 256 MiB region"));
    }

    @Test
    void vectorsOverlappingText_isAnError() throws Exception {
        String msg = org.junit.jupiter.api.Assertions.assertThrows(vm3000.cpu.BadInputException.class,
                () -> Assembler.assemble(".section .vectors\n.space 0x2000\n.text\nnop", "bad.s", Assembler.Options.defaults())).getMessage();
        assertTrue(msg.startsWith("bad.s: section .vectors"), msg);
    }

    @Test
    void everyErrorMessage_isOneLine() {
        for (String src : new String[] {"lw $t0, 4($t99)", "li $t0, $t1", ".word \"x\"", "addu $t0,, $t1", "li $t0, (1", "x", ":"}) {
            String msg = error(src);
            assertFalse(msg.contains("\n"), msg);
            assertTrue(msg.startsWith("bad.s:"), msg);
        }
    }

    // ---- hostile source: an error naming file and line, never a StackOverflowError or a hang ----

    @Test
    void deeplyNestedParentheses_areAnError() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertEquals("bad.s:2: expression nested more than 256 deep (counting the symbols it is defined through)",
                error(".data\n.word " + deep));
    }

    @Test
    void longChainOfUnaryOperators_isAnError() {
        assertTrue(error(".data\n.word " + "-~".repeat(100_000) + "1").startsWith("bad.s:2: expression nested more than 256 deep"));
    }

    @Test
    void nestingUpToTheLimit_assembles() {
        String ok = "(".repeat(200) + "7" + ")".repeat(200);
        assertEquals(7, Asm.program(".data\nw: .word " + ok).words(".data")[0]);
    }

    @Test
    void longEquChain_isAnErrorAtTheLineThatUsesIt() {
        StringBuilder s = new StringBuilder();
        int n = 100_000;
        for (int i = 0; i < n; i++) s.append("A").append(i).append(" = A").append(i + 1).append(" + 1\n");
        s.append("A").append(n).append(" = 1\n.data\n.word A0\n");
        assertTrue(error(s.toString()).startsWith("bad.s:" + (n + 3) + ": expression nested more than 256 deep"));
    }

    @Test
    void equChainDefinedBottomUp_isNotNested() {
        // Each value is known (and kept) before the next uses it, however long the chain.
        StringBuilder s = new StringBuilder("A0 = 1\n");
        for (int i = 1; i <= 10_000; i++) s.append("A").append(i).append(" = A").append(i - 1).append(" + 1\n.equ B").append(i).append(", A").append(i).append("\n");
        assertEquals(10_001, Asm.program(s + ".data\n.word A10000").words(".data")[0]);
    }

    @Test
    void equsDoublingOverALabel_takeLinearTime() {
        // In the layout pass the label is unknown, so nothing is cached across statements; within one
        // evaluation each symbol must still be worked out once, not 2^60 times.
        StringBuilder s = new StringBuilder(".data\nx: .word 0\nA0 = x\n");
        for (int i = 1; i <= 60; i++) s.append("A").append(i).append(" = A").append(i - 1).append(" + A").append(i - 1).append("\n");
        s.append(".word A60\n");
        Program p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Asm.program(s.toString()));
        assertEquals(0, p.words(".data")[1], "x * 2^60 truncated to 32 bits");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ".space 0x7fffffff, 1",
        ".skip 0x7fffffffffffffff, 0xff",
        ".space 0x10000001, 1",
        ".org 0x40000000, 1",
        ".space 0x7fffffffffffffff",
        ".org 0x7fffffffffffffff",
    })
    void fillBeyondTheSectionLimit_isAnError(String directive) {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> error(".data\n.word 1\n" + directive));
        assertEquals("bad.s:3: section .data larger than 256 MiB", message);
    }

    @Test
    void dataAfterFillsUpToTheLimit_isAnError() {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> error(".data\n" + ".space 0x8000000, 0x55\n".repeat(2) + ".byte 1\n"));
        assertEquals("bad.s:4: section .data larger than 256 MiB", message);
    }
}
