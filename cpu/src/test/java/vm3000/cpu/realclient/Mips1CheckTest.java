package vm3000.cpu.realclient;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MIPS-I filter of the C corpus, on hand-picked words (no outside tools needed). */
class Mips1CheckTest {
    @ParameterizedTest(name = "{1} accepted")
    @CsvSource({
            "0x27bdffe0, addiu sp,sp,-32",
            "0x00851021, addu v0,a0,a1",
            "0x0085001b, divu zero,a0,a1",
            "0x0007000d, break 7",
            "0x88820001, lwl v0,1(a0)",
            "0xb8820004, swr v0,4(a0)",
            "0x0000000c, syscall",
            "0x03e00008, jr ra",
            "0x0320f809, jalr t9",
    })
    void mips1UserInstructionsPass(String word, String what) {
        assertNull(Mips1Check.reject(Integer.parseUnsignedInt(word.substring(2), 16)), what);
    }

    @ParameterizedTest(name = "{1} rejected")
    @CsvSource({
            "0x00a001f4, teq a1,zero,0x7 (MIPS II trap)",
            "0x70851002, mul v0,a0,a1 (MIPS32)",
            "0x7c0a2024, wsbh (MIPS32r2)",
            "0xc0820000, ll v0,0(a0)",
            "0xe0820000, sc v0,0(a0)",
            "0x0000000f, sync",
            "0x42000020, wait",
            "0x40026000, mfc0 v0,c0_status",
            "0x42000010, rfe",
            "0xc4800000, lwc1 $f0,0(a0)",
            "0x46221000, add.d (cop1)",
            "0x0085100b, movn v0,a0,a1 (MIPS IV)",
    })
    void everythingElseIsRejected(String word, String what) {
        assertNotNull(Mips1Check.reject(Integer.parseUnsignedInt(word.substring(2), 16)), what);
    }
}
