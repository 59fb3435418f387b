package vm3000.cpu.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vm3000.cpu.BadInputException;

class IncludeTest {
    /** Files held in a map, named as they would be on disk. */
    private static IncludeResolver mapResolver(Map<String, String> files) {
        return (from, name) -> {
            int slash = from.lastIndexOf('/');
            String path = slash < 0 ? name : from.substring(0, slash + 1) + name;
            String text = files.get(path);
            return text == null ? Optional.empty() : Optional.of(new IncludeResolver.Source(path, text));
        };
    }

    private static Program assemble(String source, Map<String, String> files) throws BadInputException {
        return Assembler.assemble(source, "k/main.s", Assembler.Options.defaults().withIncludeResolver(mapResolver(files)));
    }

    private static String error(String source, Map<String, String> files) {
        return assertThrows(BadInputException.class, () -> assemble(source, files)).getMessage();
    }

    @Test
    void include_insertsTheFileInPlace() throws Exception {
        Program p = assemble(".set noreorder\nnop\n.include \"lib/two.s\"\nsyscall\n",
                Map.of("k/lib/two.s", "addu $t0, $t1, $t2\nsubu $t0, $t1, $t2\n"));
        Program q = Asm.program(".set noreorder\nnop\naddu $t0, $t1, $t2\nsubu $t0, $t1, $t2\nsyscall\n");
        assertArrayEquals(q.words(".text"), p.words(".text"));
    }

    @Test
    void includedSymbolsAndEqusAreVisibleBothWays() throws Exception {
        Program p = assemble(".set noreorder\n.include \"defs.s\"\nmain: li $t0, FOUR\njal helper\nnop\n",
                Map.of("k/defs.s", "FOUR = 4\n.text\nhelper: jr $ra\nnop\n"));
        assertEquals(Asm.BASE, p.symbols().get("helper"));
        assertEquals(Asm.BASE + 8, p.symbols().get("main"));
    }

    @Test
    void nestedIncludeIsRelativeToTheIncludingFile() throws Exception {
        Program p = assemble(".set noreorder\n.include \"lib/a.s\"\n",
                Map.of("k/lib/a.s", ".include \"b.s\"\nnop\n", "k/lib/b.s", "a_b: nop\n"));
        assertEquals(2, p.words(".text").length);
        assertEquals(Asm.BASE, p.symbols().get("a_b"));
    }

    @Test
    void localLabelsContinueAcrossTheInclude() throws Exception {
        Program p = assemble(".set noreorder\n1: nop\n.include \"x.s\"\nb 1b\nnop\n",
                Map.of("k/x.s", "1: nop\n"));
        // 1b after the include is the label inside the included file, as in GNU as.
        assertEquals(0x1000fffe, p.words(".text")[2]);
    }

    @Test
    void labelOnTheIncludeLineLabelsWhatFollows() throws Exception {
        Program p = assemble(".set noreorder\nnop\nhere: .include \"x.s\"\n", Map.of("k/x.s", "nop\n"));
        assertEquals(Asm.BASE + 4, p.symbols().get("here"));
    }

    @Test
    void missingFile_namesIncludingFileAndLine() {
        assertEquals("k/main.s:2: cannot include 'lib/none.s': no such file", error("nop\n.include \"lib/none.s\"\n", Map.of()));
    }

    @Test
    void noResolver_everyIncludeIsMissing() {
        assertEquals("bad.s:1: cannot include 'x.s': no such file", Asm.error(".include \"x.s\""));
    }

    @Test
    void errorInIncludedFile_namesThatFileAndLine() {
        assertEquals("k/lib/bad.s:3: unknown instruction 'frob'",
                error("nop\n.include \"lib/bad.s\"\n", Map.of("k/lib/bad.s", "nop\n\nfrob $t0\n")));
    }

    @Test
    void passTwoErrorInIncludedFile_namesThatFileAndLine() {
        assertEquals("k/lib/bad.s:2: undefined symbol 'nowhere'",
                error("nop\n.include \"lib/bad.s\"\n", Map.of("k/lib/bad.s", "nop\nj nowhere\n")));
    }

    @Test
    void missingNestedInclude_namesTheInnerFile() {
        assertEquals("k/a.s:1: cannot include 'gone.s': no such file",
                error(".include \"a.s\"\n", Map.of("k/a.s", ".include \"gone.s\"\n")));
    }

    @Test
    void selfInclusionStopsAtTheDepthLimit() {
        String message = error(".include \"a.s\"\n", Map.of("k/a.s", ".include \"a.s\"\n"));
        assertEquals("k/a.s:1: cannot include 'a.s': .include nested more than 16 deep", message);
    }

    @Test
    void nameMustBeQuoted() {
        assertEquals("bad.s:1: .include takes one file name in double quotes", Asm.error(".include x.s"));
    }

    @Test
    void readErrorIsReported() {
        IncludeResolver broken = (from, name) -> { throw new IOException("permission denied"); };
        String message = assertThrows(BadInputException.class, () -> Assembler.assemble(".include \"x.s\"", "m.s",
                Assembler.Options.defaults().withIncludeResolver(broken))).getMessage();
        assertEquals("m.s:1: cannot include 'x.s': permission denied", message);
    }

    @Test
    void files_relativeToIncludingFileThenIncludeDirs(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/lib"));
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("src/lib/own.s"), "own: nop\n");
        Files.writeString(dir.resolve("inc/shared.s"), "shared: nop\n");
        Files.writeString(dir.resolve("src/shadow.s"), "shadow_own: nop\n");
        Files.writeString(dir.resolve("inc/shadow.s"), "shadow_inc: nop\n");
        String main = dir.resolve("src/main.s").toString();
        Program p = Assembler.assemble(".set noreorder\n.include \"lib/own.s\"\n.include \"shared.s\"\n.include \"shadow.s\"\n",
                main, Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of(dir.resolve("inc")))));
        assertEquals(Asm.BASE, p.symbols().get("own"));
        assertEquals(Asm.BASE + 4, p.symbols().get("shared"));
        assertEquals(Asm.BASE + 8, p.symbols().get("shadow_own"));
        assertEquals(null, p.symbols().get("shadow_inc"));
    }

    @Test
    void files_errorNamesTheIncludedPath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.s"), "nop\nfrob\n");
        String main = dir.resolve("main.s").toString();
        String message = assertThrows(BadInputException.class, () -> Assembler.assemble(".include \"x.s\"", main,
                Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of())))).getMessage();
        assertEquals(dir.resolve("x.s") + ":2: unknown instruction 'frob'", message);
    }

    @Test
    void classpath_resolvesResources() throws Exception {
        IncludeResolver r = IncludeResolver.classpath(IncludeTest.class.getClassLoader(), List.of("guest"));
        assertEquals(Optional.empty(), r.resolve("x/main.s", "nothing-here.s"));
        assertEquals("guest/README.md", r.resolve("x/main.s", "README.md").orElseThrow().file());
    }

    @Test
    void includeFanOut_stopsAtTheSourceLimit() {
        // Within the depth limit, each file includes the next four times: 4^15 copies of the last.
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i < 15; i++) files.put("k/f" + i + ".s", ("nop\n.include \"f" + (i + 1) + ".s\"\n").repeat(4));
        files.put("k/f15.s", "nop\n");
        String message = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> error(".include \"f0.s\"\n", files));
        assertTrue(message.matches("k/f\\d+\\.s:\\d+: more than 1000000 lines of source in all \\(each \\.include counts again\\)"), message);
    }

    @Test
    void includedTextBeyondTheCharacterLimit_namesTheIncludeLine() {
        String big = "#" + "x".repeat(20 << 20) + "\n";
        String message = error("nop\n.include \"big.s\"\n.include \"big.s\"\n.include \"big.s\"\n.include \"big.s\"\n",
                Map.of("k/big.s", big));
        assertEquals("k/main.s:5: cannot include 'big.s': more than 64 MiB of source in all (each .include counts again)", message);
    }

    @Test
    void mainSourceBeyondTheLineLimit_namesTheFirstLineOver() {
        assertEquals("bad.s:1000001: more than 1000000 lines of source in all (each .include counts again)",
                Asm.error("\n".repeat(1_000_000) + "nop\n"));
    }
}
