package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vm3000.cpu.BadInputException;

/** Mangled source must give a one-line BadInputException or assemble; never another exception. */
class AssemblerFuzzTest {
    private static final String SOURCE = ".set noreorder\n.globl __start\n__start: la $t0, msg # comment\n"
            + "1: lw $t1, 4($t0); addiu $t1, $t1, -1\nbnez $t1, 1b\nnop\nli $v0, 0x12345678\nblt $t0, $t1, 1f\n"
            + "sll $t2, $t1, 3\nmfc0 $k0, $12, 1\n1: jr $ra\nnop\n.rodata\nmsg: .asciiz \"a\\n\"\n.data\n.align 2\n"
            + "w: .word %hi(msg), %lo(msg), (1<<4)|2, 'x'\n.half 7\n.byte -1\n.equ N, 8\n.bss\n.space N\n"
            + "/* c */ .section .vectors\n.org 0x80\nrfe\n";

    private static final String ALPHABET = "$,()%#;:.\"'\\-+*/<>|&~!0123456789abfxz \n\tHILO_";

    @Test
    void fuzz_mangledSource_onlyBadInputOrSuccess() {
        Random random = new Random(161);
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder(SOURCE);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0: s.deleteCharAt(at); break;
                    case 1: s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); break;
                    default: s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            try {
                Assembler.assemble(s.toString(), "f.s", Assembler.Options.defaults()).toElf();
            } catch (BadInputException e) {
                assertTrue(e.getMessage().startsWith("f.s:"), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("crash on:\n" + s, e);
            }
        }
    }
}
