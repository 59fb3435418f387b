package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A guest's exit code is never taken for one of vm3000's own conditions. */
class ExitCodeTest {
    @TempDir
    Path dir;

    /** A kernel that powers off at once with {@code code}, through the trace card's EXIT register. */
    private Path exitsWith(long code) throws IOException {
        return Files.writeString(dir.resolve("exit.s"), "        .set noreorder\n        .text\n__start: li $t0, 0xbffe001c\n"
                + "        li $t1, " + code + "\n        sw $t1, 0($t0)\n1:      b 1b\n        nop\n");
    }

    @ParameterizedTest(name = "guest {0} -> {1}")
    @CsvSource({"0, 0", "1, 1", "3, 3", "63, 63", "2, 64", "64, 64", "124, 64", "125, 64", "256, 64", "-1, 64"})
    void guestCode_passedThroughOnlyWhereUnambiguous(long guest, int status) throws IOException {
        Path k = exitsWith(guest);
        for (String[] args : new String[][] {{"run", k.toString()}, {"run", "--vmm", "trap", k.toString()},
                {"run", "--vmm", "rmr", k.toString()}}) {
            Cli c = Cli.run(args);
            assertEquals(status, c.code(), String.join(" ", args) + "\n" + c.err());
            boolean remapped = status == ExitCodes.GUEST_OTHER;
            assertEquals(remapped, c.err().contains("the guest's exit code " + guest + " is reported as 64"), c.err());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2", "70", "71", "75", "124", "125"})
    void vm3000sOwnCodes_areNeverAGuestsCode(int own) {
        assertEquals(ExitCodes.GUEST_OTHER, ExitCodes.ofGuest(own));
    }
}
