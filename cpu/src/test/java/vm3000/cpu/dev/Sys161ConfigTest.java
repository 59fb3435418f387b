package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vm3000.cpu.BadInputException;

class Sys161ConfigTest {
    private static final String BOARD = "31 mainboard ramsize=512K cpus=1\n";

    private static Sys161Config parse(String text) throws BadInputException {
        return Sys161Config.parse("sys161.conf", text);
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void sampleConfig_parsesSlotsArgsAndRam() throws BadInputException {
        Sys161Config c = parse("""
                # System/161 sample configuration
                0\tserial
                28 random seed=12345   # repeatable
                29 timer

                30 trace
                31 mainboard ramsize=524288 cpus=1
                """);
        assertEquals(524288, c.ramSize());
        List<Sys161Config.Slot> s = c.slots();
        assertEquals(5, s.size());
        assertEquals(new Sys161Config.Slot(0, "serial", Map.of(), 2), s.get(0));
        assertEquals(Map.of("seed", "12345"), s.get(1).args());
        assertEquals(3, s.get(1).line());
        assertEquals(31, s.get(4).slot());
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"524288,524288", "512K,524288", "16M,16777216", "1024s,524288", "0x100000,1048576"})
    void ramsize_suffixes(String spec, int bytes) throws BadInputException {
        assertEquals(bytes, parse("31 mainboard ramsize=" + spec + "\n").ramSize());
    }

    @Test
    void oldMainboardAndBusctl_accepted() throws BadInputException {
        assertEquals(8192, parse("31 oldmainboard ramsize=8K\n").ramSize());
        assertEquals(8192, parse("31 busctl ramsize=8K\n").ramSize());
    }

    @Test
    void defaults_matchSys161SampleSlots() {
        Sys161Config c = Sys161Config.defaults();
        assertEquals(16 << 20, c.ramSize());
        assertEquals(List.of(0, 28, 29, 30, 31), c.slots().stream().map(Sys161Config.Slot::slot).toList());
        assertEquals(List.of("serial", "random", "timer", "trace", "mainboard"),
                c.slots().stream().map(Sys161Config.Slot::device).toList());
    }

    @Test
    void read_namesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my.conf");
        Files.writeString(f, "31 mainboard ramsize=1M\n2 nic hwaddr=1\n");
        String msg = assertThrows(BadInputException.class, () -> Sys161Config.read(f)).getMessage();
        assertEquals(f + ":2: device 'nic' is not supported by vm3000", msg);
    }

    @Test
    void read_missingFile_error(@TempDir Path dir) {
        Path f = dir.resolve("absent.conf");
        String msg = assertThrows(BadInputException.class, () -> Sys161Config.read(f)).getMessage();
        assertEquals(f + ": no such file", msg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nic", "screen"})
    void sys161DevicesWeLack_unsupported(String dev) {
        assertEquals("sys161.conf:1: device '" + dev + "' is not supported by vm3000", error("2 " + dev + "\n" + BOARD));
    }

    @Test
    void unknownDevice_error() {
        assertEquals("sys161.conf:2: slot 3: no such device 'floppy'", error(BOARD + "3 floppy\n"));
    }

    @ParameterizedTest(name = "slot ''{0}''")
    @CsvSource({"32", "-1", "x", "3.0"})
    void badSlot_error(String slot) {
        assertEquals("sys161.conf:1: invalid slot '" + slot + "' (should be 0-31)", error(slot + " serial\n" + BOARD));
    }

    @Test
    void slotWithoutDevice_error() {
        assertEquals("sys161.conf:2: slot 4: no device", error(BOARD + "4   # nothing\n"));
    }

    @Test
    void duplicateSlot_error() {
        assertEquals("sys161.conf:3: slot 0 is already in use (line 1)", error("0 serial\n" + BOARD + "0 timer\n"));
    }

    @Test
    void controllerOutsideSlot31_error() {
        assertEquals("sys161.conf:1: slot 5: mainboard: the bus controller must go in slot 31, and only it",
                error("5 mainboard ramsize=1M\n"));
    }

    @Test
    void otherDeviceInSlot31_error() {
        assertEquals("sys161.conf:1: slot 31: timer: the bus controller must go in slot 31, and only it",
                error("31 timer\n"));
    }

    @Test
    void noMainboard_error() {
        assertEquals("sys161.conf: no mainboard in slot 31 (the machine needs a bus controller and its RAM size)",
                error("0 serial\n"));
    }

    @Test
    void missingRamsize_error() {
        assertEquals("sys161.conf:1: mainboard: ramsize= is required", error("31 mainboard cpus=1\n"));
    }

    @ParameterizedTest(name = "ramsize={0}")
    @CsvSource({
        "'abc', ramsize: not a size: 'abc'",
        "'0', ramsize: no system memory",
        "'1000', ramsize: 1000 is not a multiple of the 4 KiB page size",
        "'600M', ramsize: 600M is too large (at most 0x1fc00000 bytes: RAM ends below the boot ROM)",
    })
    void badRamsize_error(String spec, String message) {
        assertEquals("sys161.conf:1: " + message, error("31 mainboard ramsize=" + spec + "\n"));
    }

    @Test
    void moreThanOneCpu_accepted_withANote() throws Exception {
        Sys161Config eight = Sys161Config.parse("sys161.conf", "31 mainboard ramsize=16M cpus=8\n");
        assertEquals(List.of("sys161.conf:1: mainboard: cpus=8: vm3000 has one CPU with one core; the guest finds one"),
                eight.notes());
        assertEquals(List.of(), Sys161Config.parse("sys161.conf", BOARD).notes());
        assertEquals("sys161.conf:1: mainboard: invalid argument 'cpus=33'", error("31 mainboard ramsize=1M cpus=33\n"));
    }

    @Test
    void autoseed_accepted_theMachineSeedIsUsed() throws Exception {
        Sys161Config cfg = Sys161Config.parse("sys161.conf", "28 random autoseed\n" + BOARD);
        assertTrue(cfg.autoseed());
        assertFalse(Sys161Config.defaults().autoseed());
        assertEquals("sys161.conf:1: random: seed= and autoseed both given", error("28 random autoseed seed=3\n" + BOARD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "28 random seed=abc | random: invalid argument 'seed=abc'",
        "28 random speed=3 | random: invalid argument 'speed=3'",
        "29 timer fast | timer takes no arguments (got 'fast')",
        "0 serial baud=9600 | serial takes no arguments (got 'baud=9600')",
        "30 trace x=1 | trace takes no arguments (got 'x=1')",
        "28 random seed= | malformed argument 'seed=' (expected key=value or a flag)",
        "28 random =5 | malformed argument '=5' (expected key=value or a flag)",
        "28 random seed=1 seed=2 | argument 'seed' given twice",
    })
    void malformedArgs_error(String line, String message) {
        assertEquals("sys161.conf:2: " + message, error(BOARD + line + "\n"));
    }

    @Test
    void mainboardUnknownArg_error() {
        assertEquals("sys161.conf:1: oldmainboard: invalid argument 'cpus=1'",
                error("31 oldmainboard ramsize=1M cpus=1\n"));
    }

    @Test
    void attach_buildsEachConfiguredCard() throws BadInputException {
        TestBoard b = new TestBoard();
        DeviceFactory.attach(parse("0 serial\n7 random seed=99\n29 timer\n30 trace\n" + BOARD), b.base);
        assertInstanceOf(Serial.class, b.bus.device(0));
        assertEquals(99, ((RandomDevice) b.bus.device(7)).seed());
        assertInstanceOf(Timer.class, b.bus.device(29));
        assertInstanceOf(Trace.class, b.bus.device(30));
        assertEquals(Mainboard.Kind.MULTIPROCESSOR, ((Mainboard) b.bus.device(31)).kind());
        assertEquals(524288, b.bus.device(31).read(31 * 0x400 + Mainboard.RAMSZ));
        assertNull(b.bus.device(1));
    }

    @Test
    void attach_randomWithoutSeed_usesContextSeed() throws BadInputException {
        TestBoard b = new TestBoard();
        DeviceFactory.attach(Sys161Config.defaults(), b.base);
        assertEquals(DeviceContext.DEFAULT_SEED, ((RandomDevice) b.bus.device(28)).seed());
    }

    @Test
    void emufs_dirArgument_andSys161sDefault(@TempDir Path dir) throws BadInputException {
        Sys161Config c = parse("2 emufs dir=" + dir + "\n3 emufs\n" + BOARD);
        assertEquals(Map.of("dir", dir.toString()), c.slots().get(0).args());
        TestBoard b = new TestBoard();
        DeviceFactory.attach(c, b.base);
        assertEquals(dir.toAbsolutePath(), ((Emufs) b.bus.device(2)).root().toAbsolutePath());
        assertEquals(Path.of("").toAbsolutePath(), ((Emufs) b.bus.device(3)).root().toAbsolutePath(),
                "no dir=: System/161's current directory");
        assertEquals(7, b.bus.device(2).deviceId());
    }

    @Test
    void emufs_missingDirectory_isOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("sys161.conf");
        Path none = dir.resolve("none");
        Files.writeString(conf, "0 serial\n2 emufs dir=" + none + "\n" + BOARD);
        String msg = assertThrows(BadInputException.class, () -> Sys161Config.read(conf)).getMessage();
        assertEquals(conf + ":2: emufs: dir=" + none + ": no such directory", msg);
        Files.writeString(none, "a file");
        assertEquals(conf + ":2: emufs: dir=" + none + ": no such directory",
                assertThrows(BadInputException.class, () -> Sys161Config.read(conf)).getMessage());
    }

    @Test
    void emufs_unknownArguments_refused() {
        assertEquals("sys161.conf:1: emufs: invalid argument 'ro'", error("2 emufs ro\n" + BOARD));
        assertEquals("sys161.conf:1: emufs: invalid argument 'dir'", error("2 emufs dir\n" + BOARD));
        assertEquals("sys161.conf:1: emufs: invalid argument 'root=.'", error("2 emufs root=.\n" + BOARD));
    }

    @Test
    void disk_everyDocumentedArgument_accepted() throws BadInputException {
        Sys161Config c = parse(BOARD + "2 disk rpm=7200 size=5M file=LHD0.img nodoom\n"
                + "3 disk rpm=0x1c20 sectors=10240 file=/tmp/LHD1.img paranoid doom\n");
        assertEquals(Map.of("rpm", "7200", "size", "5M", "file", "LHD0.img", "nodoom", ""), c.slots().get(1).args());
        Disk.Options a = DeviceFactory.diskOptions(c.slots().get(1).args());
        assertEquals(new Disk.Options(Path.of("LHD0.img"), 10240, 7200, false), a);
        Disk.Options b = DeviceFactory.diskOptions(c.slots().get(2).args());
        assertEquals(new Disk.Options(Path.of("/tmp/LHD1.img"), 10240, 7200, true), b);
    }

    @Test
    void disk_defaults_3600rpm_noSize() throws BadInputException {
        Sys161Config c = parse(BOARD + "2 disk file=d.img\n");
        assertEquals(new Disk.Options(Path.of("d.img"), 0, 3600, false), DeviceFactory.diskOptions(c.slots().get(1).args()));
    }

    @Test
    void disk_ofSectorsAndSize_theLastCounts() throws BadInputException {
        Sys161Config c = parse(BOARD + "2 disk size=4M sectors=10240 file=a\n3 disk sectors=10240 size=8M file=b\n");
        assertEquals(10240, DeviceFactory.diskOptions(c.slots().get(1).args()).sectors());
        assertEquals(16384, DeviceFactory.diskOptions(c.slots().get(2).args()).sectors());
    }

    @ParameterizedTest(name = "size={0}")
    @CsvSource({"5242880,10240", "5242880b,10240", "10240s,10240", "5120k,10240", "5120K,10240", "5m,10240", "1G,2097152",
        "0x500000,10240", "0x2800s,10240"})
    void disk_sizeSuffixes(String spec, long sectors) throws BadInputException {
        Sys161Config c = parse(BOARD + "2 disk size=" + spec + " file=x\n");
        assertEquals(sectors, DeviceFactory.diskOptions(c.slots().get(1).args()).sectors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2 disk | disk: file= is required (the disk image)",
        "2 disk size=5M | disk: file= is required (the disk image)",
        "2 disk file=x rpm=90 | disk: rpm=90: the speed must be a multiple of 60, at least 60",
        "2 disk file=x rpm=0 | disk: rpm=0: the speed must be a multiple of 60, at least 60",
        "2 disk file=x rpm=fast | disk: invalid argument 'rpm=fast'",
        "2 disk file=x rpm=-60 | disk: rpm=-60: the speed must be a multiple of 60, at least 60",
        "2 disk file=x size=1000 | disk: size=1000 is not a whole number of 512-byte sectors",
        "2 disk file=x size=5T | disk: invalid argument 'size=5T'",
        "2 disk file=x size=3000G | disk: size=3000G is too large (at most 2^32 sectors)",
        "2 disk file=x sectors=ten | disk: invalid argument 'sectors=ten'",
        "2 disk file=x sectors=-1 | disk: invalid argument 'sectors=-1'",
        "2 disk file=x paranoid=yes | disk: invalid argument 'paranoid=yes'",
        "2 disk file=x nodoc | disk: invalid argument 'nodoc'",
        "2 disk file=x seed=1 | disk: invalid argument 'seed=1'",
        "2 disk file=x file=y | argument 'file' given twice",
    })
    void disk_badArguments_error(String line, String message) {
        assertEquals("sys161.conf:2: " + message, error(BOARD + line + "\n"));
    }

    @Test
    void attach_disk_missingImageWithoutSize_namesConfigLineAndFile(@TempDir Path dir) throws BadInputException {
        Path img = dir.resolve("none.img");
        Sys161Config c = parse(BOARD + "2 disk file=" + img + "\n");
        String msg = assertThrows(BadInputException.class, () -> DeviceFactory.attach(c, new TestBoard().base)).getMessage();
        assertEquals("sys161.conf:2: disk: slot 2: " + img + ": no such file, and no size= or sectors= to create it with", msg);
        assertTrue(!Files.exists(img));
    }

    @Test
    void attach_disk_createsTheImage_andARefusedCardClosesTheOnesBefore(@TempDir Path dir) throws BadInputException {
        Path img = dir.resolve("LHD0.img");
        Sys161Config twice = parse(BOARD + "2 disk size=5M file=" + img + "\n3 disk file=" + img + "\n");
        String msg = assertThrows(BadInputException.class, () -> DeviceFactory.attach(twice, new TestBoard().base)).getMessage();
        assertEquals("sys161.conf:3: disk: slot 3: " + img + ": locked by another disk or another process", msg);
        TestBoard b = new TestBoard();
        DeviceFactory.attach(parse(BOARD + "5 disk file=" + img + "\n"), b.base);  // the first one let go of it
        assertEquals(10240, b.bus.device(5).read(Disk.NSECT));
        b.bus.close();
    }

    @Test
    void attach_emufsDirGoneSinceParsing_isOneLine_andTheDiskBuiltBeforeLetsGoOfItsImage(@TempDir Path dir)
            throws Exception {
        Path img = dir.resolve("LHD0.img");
        Path share = Files.createDirectory(dir.resolve("share"));
        Sys161Config c = parse(BOARD + "2 disk size=5M file=" + img + "\n3 emufs dir=" + share + "\n");
        Files.delete(share);
        String msg = assertThrows(BadInputException.class, () -> DeviceFactory.attach(c, new TestBoard().base)).getMessage();
        assertEquals("sys161.conf:3: emufs: slot 3: dir=" + share + ": no such directory", msg);
        TestBoard b = new TestBoard();
        DeviceFactory.attach(parse(BOARD + "5 disk file=" + img + "\n"), b.base);  // not still locked
        assertEquals(10240, b.bus.device(5).read(Disk.NSECT));
        b.bus.close();
    }

    @Test
    void attach_anyFailureWhileBuilding_closesTheCardsBuiltBeforeIt(@TempDir Path dir) throws Exception {
        Path img = dir.resolve("LHD0.img");
        Sys161Config c = parse(BOARD + "2 disk size=5M file=" + img + "\n3 timer\n");
        TestBoard taken = new TestBoard();
        taken.bus.attach(3, new Timer(taken.slot(3)));  // a slot already in use: the bus refuses the timer
        assertThrows(RuntimeException.class, () -> DeviceFactory.attach(c, taken.base));
        TestBoard b = new TestBoard();
        DeviceFactory.attach(parse(BOARD + "5 disk file=" + img + "\n"), b.base);
        assertEquals(10240, b.bus.device(5).read(Disk.NSECT));
        b.bus.close();
    }

    @Test
    void attach_disk_relativeFile_isRelativeToTheCurrentDirectory_notTheConfigFile(@TempDir Path dir) throws Exception {
        Path confDir = Files.createDirectories(dir.resolve("a/b/c/d/e/f/g/h"));  // deeper than the current directory
        Path conf = confDir.resolve("sys161.conf");
        Path img = dir.resolve("LHD0.img");
        Path relative = Path.of("").toAbsolutePath().relativize(img);
        Files.writeString(conf, BOARD + "2 disk size=5M file=" + relative + "\n");
        TestBoard b = new TestBoard();
        DeviceFactory.attach(Sys161Config.read(conf), b.base);
        b.bus.close();
        assertTrue(Files.exists(img), "created at " + relative + " from the current directory");
        Path besideConfig = confDir.resolve(relative).normalize();
        assertTrue(!besideConfig.equals(img) && !Files.exists(besideConfig), "not from the config file's directory");
    }
}
