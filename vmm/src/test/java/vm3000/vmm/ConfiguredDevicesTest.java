package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.dev.Sys161Config;

/**
 * A VM is the machine its slot table describes, as the bare machine is: with a configuration
 * that moves cards to other slots and seeds the random card, lsbus (which finds the cards as a
 * kernel's autoconfiguration does) prints the same under either VMM at depth 2 as bare.
 */
class ConfiguredDevicesTest {
    static Sys161Config moved() throws Exception {
        return Sys161Config.read(Path.of("src", "test", "resources", "configs", "moved.conf"));
    }

    @ParameterizedTest
    @EnumSource(Runs.Scheme.class)
    void movedAndSeededCards_sameAsBare_atDepth2(Runs.Scheme scheme) throws Exception {
        Runs.Guest g = Runs.kernel("lsbus").on(moved());
        Runs.Outcome bare = Runs.bare(g);
        assertTrue(bare.transcript().contains("slot 5: vendor 1 device 9"), bare.transcript());
        assertTrue(bare.transcript().contains("ram: 1048576"), bare.transcript());
        assertNotEquals(Runs.bare(Runs.kernel("lsbus")).transcript(), bare.transcript(), "the configuration changes the machine");
        assertEquals(bare, Runs.under(scheme, 2, List.of(g), Runs.LIMIT, c -> {}).get(0));
    }
}
