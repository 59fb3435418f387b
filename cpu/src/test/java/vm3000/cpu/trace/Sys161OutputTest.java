package vm3000.cpu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Sys161OutputTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Sys161Output out = new Sys161Output(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String text() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void openCpuLine_isFinishedByMoreCpuText() {
        out.cpul("at 80000000: add $t0, $t1, $t2: 1 + 2 -> ");
        out.cpu("3");
        assertEquals("trace: 00 at 80000000: add $t0, $t1, $t2: 1 + 2 -> 3\n", text());
    }

    @Test
    void openCpuLine_isEndedByAMessage_whichGetsItsOwnTag() {
        out.cpul("at 80000094: sw $t7, 0($t8): 1 -> [0xbffe000c]");
        out.msg("trace: code 1 (0x1)");
        out.hw("Waiting for interrupt");
        out.finish();
        assertEquals("trace: 00 at 80000094: sw $t7, 0($t8): 1 -> [0xbffe000c]\nsys161: trace: code 1 (0x1)\n"
                + "trace: -- Waiting for interrupt\n", text());
    }

    @Test
    void finish_endsAnOpenLine() {
        out.msgl("r0:  0x00000000  ");
        out.finish();
        assertEquals("sys161: r0:  0x00000000  \n", text());
    }
}
