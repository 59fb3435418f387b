package vm3000.cpu.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisassemblerTest {
    private static final int PC = 0x80001000;

    private static String dis(int word) { return Disassembler.disassemble(word, PC); }

    @Test void addiu_negativeImmediate_printsDecimal() { assertEquals("addiu $sp, $sp, -32", dis(0x27bdffe0)); }
    @Test void lw_offsetBase_printsGnuSyntax() { assertEquals("lw $t0, 4($sp)", dis(0x8fa80004)); }
    @Test void lui_printsHex() { assertEquals("lui $at, 0x8000", dis(0x3c018000)); }
    @Test void zeroWord_isNop() { assertEquals("nop", dis(0)); }
    @Test void mfc0_selZero_omitsSel() { assertEquals("mfc0 $k0, $13", dis(0x401a6800)); }
    @Test void mfc0_selNonZero_printsSel() { assertEquals("mfc0 $t0, $12, 3", dis(0x40086003)); }
    @Test void break_code_printsCode() { assertEquals("break 7", dis(0x0007000d)); }
    @Test void break_twoCodes_printsBoth() { assertEquals("break 7, 3", dis(0x000700cd)); }
    @Test void syscall_noCode_printsBare() { assertEquals("syscall", dis(0x0000000c)); }
    @Test void syscall_code_printsCode() { assertEquals("syscall 5", dis(0x0000014c)); }
    @Test void rfe_printsMnemonic() { assertEquals("rfe", dis(0x42000010)); }
    @Test void jr_ra() { assertEquals("jr $ra", dis(0x03e00008)); }
    @Test void jalr_rd31_printsOneOperand() { assertEquals("jalr $t9", dis(0x0320f809)); }
    @Test void beq_printsAbsoluteTarget() { assertEquals("beq $t0, $zero, 0x80001000", dis(0x1100ffff)); }
    @Test void j_printsAbsoluteTarget() { assertEquals("j 0x80001234", dis(0x0800048d)); }
    @Test void reserved_printsWord() { assertEquals(".word 0xfc000000", dis(0xfc000000)); }
}
