package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** vm3000 gives picocli only the subcommand a command line names, and every one otherwise. */
class SubcommandsTest {
    private static List<String> subcommands(String... args) {
        Main main = new Main(InputStream.nullInputStream(), false, System.out, System.err);
        return new ArrayList<>(Main.commandLine(main, args).getSubcommands().keySet());
    }

    @Test
    void names_areThoseOfTheAnnotations() {
        assertEquals(Main.SUBCOMMANDS.size(), Main.NAMES.size());
        for (int i = 0; i < Main.SUBCOMMANDS.size(); i++) {
            assertEquals(Main.NAMES.get(i), Main.SUBCOMMANDS.get(i).getAnnotation(Command.class).name());
        }
    }

    @Test
    void aNamedSubcommand_isTheOnlyOne() {
        assertEquals(List.of("run"), subcommands("run", "hello"));
        assertEquals(List.of("lab"), subcommands("lab", "list"));
    }

    @Test
    void helpOptionsAndUnknownWords_getEveryOne() {
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "run"}, {"frobnicate"}, {"-h", "run"}}) {
            assertEquals(Main.NAMES, subcommands(args), String.join(" ", args));
        }
    }

    @Test
    void helpCommand_stillDescribesAnotherCommand() {
        Cli c = Cli.run("help", "run");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("Usage: vm3000 run "), c.out());
    }

    @Test
    void topLevelHelp_listsEveryCommandInOrder() {
        Cli c = Cli.run("--help");
        String commands = c.out().substring(c.out().indexOf("Commands:"));
        int at = 0;
        for (String name : Main.NAMES) {
            int next = commands.indexOf("\n  " + name + " ");
            assertTrue(next > at, name + " not listed after the previous one: " + commands);
            at = next;
        }
    }
}
