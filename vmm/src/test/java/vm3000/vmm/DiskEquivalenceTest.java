package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;

/**
 * A VM's disk is the bare machine's: the disk test kernels (cpu's {@code disk/} test resources),
 * disk/write on a fresh image and then disk/read on the same image, give the same outcome under
 * either VMM at depth 2 as bare (transcript, exit code, registers, CP0, TLB and cycle count, so
 * the disk's timing too), and leave the same bytes in the image.
 */
class DiskEquivalenceTest {
    @TempDir Path dir;

    private static Path kernel(String name) {
        return Path.of("..", "cpu", "src", "test", "resources", "disk", name).toAbsolutePath().normalize();
    }

    private static Sys161Config config(Path image) throws Exception {
        return Sys161Config.parse("disk.conf", "0 serial\n2 disk rpm=7200 size=5M file=" + image + "\n28 random\n"
                + "29 timer\n30 trace\n31 mainboard ramsize=1M cpus=1\n");
    }

    /** disk/write, then disk/read, on a fresh image named {@code name}: bare, or under {@code scheme} at depth 2. */
    private List<Runs.Outcome> writeThenRead(String name, Runs.Scheme scheme) throws Exception {
        Sys161Config cfg = config(dir.resolve(name));
        Runs.Guest write = Runs.program(kernel("write.s")).on(cfg);
        Runs.Guest read = Runs.program(kernel("read.s")).on(cfg);
        if (scheme == null) return List.of(Runs.bare(write), Runs.bare(read));
        Runs.Outcome w = Runs.under(scheme, 2, List.of(write), Runs.LIMIT, c -> {}).get(0);
        return List.of(w, Runs.under(scheme, 2, List.of(read), Runs.LIMIT, c -> {}).get(0));
    }

    @ParameterizedTest
    @EnumSource(Runs.Scheme.class)
    void writeThenRead_sameAsBare_atDepth2(Runs.Scheme scheme) throws Exception {
        List<Runs.Outcome> bare = writeThenRead("bare.img", null);
        for (Runs.Outcome o : bare) {
            assertEquals(PowerState.Reason.POWER_OFF, o.reason(), o.transcript());
            assertEquals(0, o.exitCode(), o.transcript());
        }
        assertEquals(Files.readString(kernel("read.expected")), bare.get(1).transcript());
        assertEquals(bare, writeThenRead("vm.img", scheme));
        assertEquals(-1L, Files.mismatch(dir.resolve("bare.img"), dir.resolve("vm.img")), "the images differ");
    }
}
