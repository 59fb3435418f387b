package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.asm.Asm.text;

import org.junit.jupiter.api.Test;
import vm3000.cpu.BadInputException;

class PseudoTest {
    @Test void li_small_isAddiu() { assertArrayEquals(new int[] {0x24080005}, text("li $t0, 5")); }
    @Test void li_negative_isAddiu() { assertArrayEquals(new int[] {0x2408ffff}, text("li $t0, -1")); }
    @Test void li_minSigned16_isAddiu() { assertArrayEquals(new int[] {0x24088000}, text("li $t0, -32768")); }
    @Test void li_unsigned16_isOri() { assertArrayEquals(new int[] {0x34088000}, text("li $t0, 0x8000")); }
    @Test void li_lowHalfZero_isLuiAlone() { assertArrayEquals(new int[] {0x3c081234}, text("li $t0, 0x12340000")); }
    @Test void li_large_isLuiOri() { assertArrayEquals(new int[] {0x3c081234, 0x35085678}, text("li $t0, 0x12345678")); }
    @Test void li_allOnes32_isAddiuMinusOne() { assertArrayEquals(new int[] {0x2408ffff}, text("li $t0, 0xffffffff")); }
    @Test void li_negativeLarge_isLuiOri() { assertArrayEquals(new int[] {0x3c08fffe, 0x35087960}, text("li $t0, -100000")); }
    @Test void li_equBeforeUse_picksShortForm() { assertArrayEquals(new int[] {0x24080010}, text(".equ SIZE, 16\nli $t0, SIZE")); }
    @Test void li_label_isLuiOri() { assertArrayEquals(new int[] {0x3c088000, 0x35081008, 0}, text("li $t0, x\nx: nop")); }

    @Test
    void la_symbolWithNegativeLowHalf_adjustsHi() throws BadInputException {
        Program p = Assembler.assemble(".set noreorder\nla $t0, x\n.space 0x7ff8\nx: nop", "t.s",
                Assembler.Options.defaults().withBase(0x80000000));
        assertEquals(0x80008000, p.symbols().get("x"));
        int[] w = p.words(".text");
        assertEquals(0x3c088001, w[0]);
        assertEquals(0x25088000, w[1]);
    }

    @Test void la_constant_isLiForm() { assertArrayEquals(new int[] {0x24081234}, text("la $t0, 0x1234")); }
    @Test void la_offsetBase_isAddiu() { assertArrayEquals(new int[] {0x27a80010}, text("la $t0, 16($sp)")); }

    @Test void move_isOrWithZero_asGnuAs() { assertArrayEquals(new int[] {0x01204025}, text("move $t0, $t1")); }
    @Test void neg_isSubFromZero() { assertArrayEquals(new int[] {0x00094022}, text("neg $t0, $t1")); }
    @Test void negu_isSubuFromZero() { assertArrayEquals(new int[] {0x00094023}, text("negu $t0, $t1")); }
    @Test void not_isNorWithZero() { assertArrayEquals(new int[] {0x01204027}, text("not $t0, $t1")); }
    @Test void abs_isBgezMoveSub() { assertArrayEquals(new int[] {0x05210002, 0x01204025, 0x00094022}, text("abs $t0, $t1")); }
    @Test void abs_sameRegister_hasNopInSlot() { assertArrayEquals(new int[] {0x05010002, 0, 0x00084022}, text("abs $t0, $t0")); }

    @Test
    void abs_inReorderMode_getsNoExtraNop() {
        assertArrayEquals(new int[] {0x05210002, 0x01204025, 0x00094022}, Asm.program("abs $t0, $t1").words(".text"));
    }

    @Test void nop_isZero() { assertArrayEquals(new int[] {0}, text("nop")); }
    @Test void b_isBeqZeroZero() { assertArrayEquals(new int[] {0x1000ffff}, text("1: b 1b")); }
    @Test void bal_isBgezalZero() { assertArrayEquals(new int[] {0x0411ffff}, text("1: bal 1b")); }
    @Test void beqz_isBeqWithZero() { assertArrayEquals(new int[] {0x1100ffff}, text("1: beqz $t0, 1b")); }
    @Test void bnez_isBneWithZero() { assertArrayEquals(new int[] {0x1500ffff}, text("1: bnez $t0, 1b")); }

    @Test void blt_registers_isSltBne() { assertArrayEquals(new int[] {0x0109082a, 0x1420fffe}, text("1: blt $t0, $t1, 1b")); }
    @Test void bge_registers_isSltBeq() { assertArrayEquals(new int[] {0x0109082a, 0x1020fffe}, text("1: bge $t0, $t1, 1b")); }
    @Test void bgt_registers_isSwappedSltBne() { assertArrayEquals(new int[] {0x0128082a, 0x1420fffe}, text("1: bgt $t0, $t1, 1b")); }
    @Test void ble_registers_isSwappedSltBeq() { assertArrayEquals(new int[] {0x0128082a, 0x1020fffe}, text("1: ble $t0, $t1, 1b")); }
    @Test void bltu_registers_isSltuBne() { assertArrayEquals(new int[] {0x0109082b, 0x1420fffe}, text("1: bltu $t0, $t1, 1b")); }
    @Test void bgeu_registers_isSltuBeq() { assertArrayEquals(new int[] {0x0109082b, 0x1020fffe}, text("1: bgeu $t0, $t1, 1b")); }
    @Test void blt_zero_isBltz() { assertArrayEquals(new int[] {0x0500ffff}, text("1: blt $t0, $zero, 1b")); }
    @Test void blt_immediate_isSltiBne() { assertArrayEquals(new int[] {0x2901000a, 0x1420fffe}, text("1: blt $t0, 10, 1b")); }
    @Test void ble_immediate_isSltiPlusOneBne() { assertArrayEquals(new int[] {0x2901000b, 0x1420fffe}, text("1: ble $t0, 10, 1b")); }

    @Test
    void lw_symbol_buildsAddressInItsOwnTarget_asGnuAs() {
        assertArrayEquals(new int[] {0x3c088000, 0x8d081008, 0}, text("lw $t0, x\nx: .word 0"));
    }

    @Test
    void lb_symbolPlusBase_buildsAddressInItsOwnTarget_asGnuAs() {
        assertArrayEquals(new int[] {0x3c080001, 0x01094021, 0x81082345}, text("lb $t0, 0x12345($t1)"));
    }

    @Test
    void lw_symbol_targetIsBase_usesAt() {
        assertArrayEquals(new int[] {0x3c010001, 0x00280821, 0x8c282345}, text("lw $t0, 0x12345($t0)"));
    }

    @Test
    void lw_symbol_targetIsZero_usesAt() {
        assertArrayEquals(new int[] {0x3c010001, 0x8c202345}, text("lw $zero, 0x12345"));
    }

    @Test
    void lwl_symbol_keepsPartOfTarget_soUsesAt() {
        assertArrayEquals(new int[] {0x3c010001, 0x88282345}, text("lwl $t0, 0x12345"));
    }

    @Test
    void lw_symbol_underNoat_needsNoAt() {
        assertArrayEquals(new int[] {0x3c080001, 0x8d082345}, text(".set noat\nlw $t0, 0x12345"));
    }

    @Test
    void sw_largeOffsetFromBase_addsBase() {
        int[] w = text("sw $t0, 0x12345678($a0)");
        assertArrayEquals(new int[] {0x3c011234, 0x00240821, 0xac285678}, w);
    }

    @Test void mul_isMultuMflo_asGnuAs() { assertArrayEquals(new int[] {0x01090019, 0x00001012}, text("mul $v0, $t0, $t1")); }
    @Test void div_zeroFirst_isTheBareInstruction_asGnuAs() { assertArrayEquals(new int[] {0x0109001a}, text("div $zero, $t0, $t1")); }
    @Test void divu_zeroFirst_isTheBareInstruction_asGnuAs() { assertArrayEquals(new int[] {0x0109001b}, text("divu $0, $t0, $t1")); }
    @Test void div_twoOperands_isTheBareInstruction() { assertArrayEquals(new int[] {0x0109001a}, text("div $t0, $t1")); }

    @Test
    void div_withDestination_isRejected() {
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> Assembler.assemble("div $v0, $t0, $t1", "t.s", Assembler.Options.defaults()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("GNU as macro"), e.getMessage());
    }

    @Test void j_register_isJr() { assertArrayEquals(new int[] {0x03e00008}, text("j $ra")); }

    @Test
    void reorder_branchAndJump_getNopInDelaySlot() {
        int[] w = Asm.program(".set reorder\n1: jr $ra\naddu $v0, $a0, $a1\nb 1b\njal 1b").words(".text");
        assertArrayEquals(new int[] {0x03e00008, 0, 0x00851021, 0x1000fffc, 0, 0x0c000400, 0}, w);
    }

    @Test
    void noreorder_branch_getsNoNop() {
        assertArrayEquals(new int[] {0x03e00008, 0x00851021}, text("jr $ra\naddu $v0, $a0, $a1"));
    }

    @Test
    void reorder_isDefault_andPushPopRestoreIt() {
        int[] w = Asm.program(".set push\n.set noreorder\njr $ra\n.set pop\njr $ra").words(".text");
        assertArrayEquals(new int[] {0x03e00008, 0x03e00008, 0}, w);
    }
}
