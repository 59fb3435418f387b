package vm3000.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slot table as System/161 finds it: ./sys161.conf, -c FILE, autoseed, and lines vm3000 runs differently. */
class ConfigFileTest {
    static final String MOVED = "0 serial\n5 random seed=42\n7 timer\n30 trace\n31 mainboard ramsize=1M\n";

    @TempDir
    Path dir;

    @Test
    void sys161ConfInTheCurrentDirectory_isRead() throws Exception {
        Files.writeString(dir.resolve("sys161.conf"), MOVED);
        ChildCli r = ChildCli.runIn(dir, "run", "lsbus");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("slot 5: vendor 1 device 9 rev 1 (random)\n"), r.out());
        assertTrue(r.out().contains("ram: 1048576\n"), r.out());
    }

    @Test
    void dashC_overridesTheCurrentDirectorysFile() throws Exception {
        Files.writeString(dir.resolve("sys161.conf"), MOVED);
        Files.writeString(dir.resolve("other.conf"), MOVED.replace("5 random", "9 random"));
        ChildCli r = ChildCli.runIn(dir, "run", "-c", "other.conf", "lsbus");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("slot 9: vendor 1 device 9"), r.out());
    }

    @Test
    void autoseed_choosesASeed_printsIt_andSeedRepeatsTheRun() throws Exception {
        Path conf = Files.writeString(dir.resolve("auto.conf"), MOVED.replace("seed=42", "autoseed"));
        Cli first = Cli.run("run", "--config", conf.toString(), "lsbus");
        assertEquals(0, first.code(), first.err());
        Matcher m = Pattern.compile("vm3000: random: autoseed chose seed (0x[0-9a-f]{8}) \\(--seed \\1 repeats this run\\)")
                .matcher(first.err());
        assertTrue(m.find(), first.err());
        Cli again = Cli.run("run", "--config", conf.toString(), "--seed", m.group(1), "lsbus");
        assertEquals(first.out(), again.out());
        assertTrue(!again.err().contains("autoseed chose"), "a seed given is not chosen again");
        Cli seeded42 = Cli.run("run", "--config", conf.toString(), "--seed", "42", "lsbus");
        Cli fixed42 = Cli.run("run", "--config", Files.writeString(dir.resolve("f.conf"), MOVED).toString(), "lsbus");
        assertEquals(fixed42.out(), seeded42.out(), "autoseed with --seed N is seed=N");
    }

    @Test
    void moreCpusThanOne_accepted_withANote() throws Exception {
        Path conf = Files.writeString(dir.resolve("eight.conf"), MOVED.replace("ramsize=1M", "ramsize=1M cpus=8"));
        Cli c = Cli.run("run", "--config", conf.toString(), "hello");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().startsWith("vm3000: " + conf + ":5: mainboard: cpus=8: vm3000 has one CPU"), c.err());
    }
}
