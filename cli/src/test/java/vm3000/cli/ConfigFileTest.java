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

    /** The lines of System/161's sample sys161.conf, its two disks enabled, as a course uses it. */
    static final String STOCK = """
            # a course's sys161.conf
            0	serial
            1	emufs
            2	disk	rpm=7200	size=5M 	file=LHD0.img   nodoom
            3	disk	rpm=7200	size=5M 	file=LHD1.img
            28	random	autoseed
            29	timer
            30	trace
            31	mainboard  ramsize=16M  cpus=8
            """;

    @Test
    void stockConfiguration_accepted_everyCardThere() throws Exception {
        Files.writeString(dir.resolve("sys161.conf"), STOCK);
        ChildCli r = ChildCli.runIn(dir, "run", "lsbus");
        assertEquals(0, r.code(), r.err());
        for (String card : new String[] {"slot 0: vendor 1 device 4 rev 1 (serial)", "slot 1: vendor 1 device 7 rev 1 (emufs)",
                "slot 2: vendor 1 device 3 rev 2 (disk)", "slot 3: vendor 1 device 3 rev 2 (disk)",
                "slot 28: vendor 1 device 9 rev 1 (random)", "slot 29: vendor 1 device 2 rev 1 (timer)",
                "slot 30: vendor 1 device 8 rev 3 (trace)", "slot 31: vendor 1 device 10 rev 1 (mainboard)"}) {
            assertTrue(r.out().contains(card + "\n"), card + " in\n" + r.out());
        }
        assertTrue(Files.size(dir.resolve("LHD0.img")) > 5 * 1024 * 1024 - 1, "the disk images are made at their size");
        assertTrue(r.err().contains("cpus=8: vm3000 has one CPU"), r.err());
        assertTrue(r.err().contains("autoseed chose seed"), r.err());
    }
}
