package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.asm.Asm.word;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Encodings checked against GNU as (mips-linux-gnu-as -mips1). */
class KnownEncodingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "addiu $sp,$sp,-32 | 27bdffe0",
        "lui $at,0x8000 | 3c018000",
        "jr $ra | 03e00008",
        "mfc0 $k0,$13 | 401a6800",
        "mtc0 $t0, $12 | 40886000",
        "rfe | 42000010",
        "syscall | 0000000c",
        "break 7 | 0007000d",
        "sw $ra,28($sp) | afbf001c",
        "addu $v0, $a0, $a1 | 00851021",
        "sll $t0, $t1, 4 | 00094100",
        "sllv $t0, $t1, $t2 | 01494004",
        "sra $v0, $v0, 31 | 000217c3",
        "mult $a0, $a1 | 00850018",
        "mflo $v0 | 00001012",
        "andi $t0, $t1, 0xff | 312800ff",
        "ori $t0, $zero, 0xffff | 3408ffff",
        "slti $t0, $t1, -1 | 2928ffff",
        "lb $t0, ($a0) | 80880000",
        "lbu $t0, 0x7fff($a0) | 90887fff",
        "sh $t0, -2($a0) | a488fffe",
        "tlbwi | 42000002",
        "tlbp | 42000008",
        "jalr $t9 | 0320f809",
        "jalr $s0, $t9 | 03208009",
        "addu $t0, $t1, 4 | 25280004",
        "sll $t0, $t1, $t2 | 01494004",
    })
    void instruction_encodesAsGnuAs(String text, String hex) {
        assertEquals(Integer.parseUnsignedInt(hex.trim(), 16), word(text), text);
    }

    @Test
    void lw_negativeOffset_encodes() {
        assertEquals(0x8fa8fffc, word("lw $t0, -4($sp)"));
    }

    @Test
    void beq_backwardToItself_offsetMinusOne() {
        assertEquals(0x1000ffff, word("1: beq $zero, $zero, 1b"));
    }

    @Test
    void j_label_encodesWordIndex() {
        int[] w = Asm.text("j there\nnop\nthere: nop");
        assertEquals(0x08000000 | ((Asm.BASE + 8) >>> 2 & 0x03FFFFFF), w[0]);
    }

    @Test
    void registerAliases_fpAndS8AndNumbers_areTheSame() {
        assertEquals(word("move $s8, $30"), word("move $fp, $30"));
    }
}
