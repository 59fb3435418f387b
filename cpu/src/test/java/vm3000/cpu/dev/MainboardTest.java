package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.bus.Lamebus;
import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.bus.PowerState;

class MainboardTest {
    private static final long BE = LamebusDevice.BUS_ERROR;
    private static final int OWN = 31 * 0x400;

    private final TestBoard b = new TestBoard();

    private Mainboard defaultMachine() {
        b.attach(Sys161Config.defaults(1 << 20));
        return (Mainboard) b.bus.device(31);
    }

    @ParameterizedTest(name = "slot {0}: vid {1} did {2} drl {3}")
    @CsvSource({"0,1,4,1", "28,1,9,1", "29,1,2,1", "30,1,8,3", "31,1,10,1", "1,0,0,0", "27,0,0,0"})
    void configSpace_defaultSlots_reportDocumentedIds(int slot, int vid, int did, int drl) {
        defaultMachine();
        int cfg = Lamebus.BASE + 31 * Lamebus.SLOT_SIZE + slot * 0x400;
        assertEquals(vid, b.bus.read(cfg));
        assertEquals(did, b.bus.read(cfg + 4));
        assertEquals(drl, b.bus.read(cfg + 8));
    }

    @Test
    void configSpace_reservedOffsetOfOtherSlot_busError() {
        Mainboard m = defaultMachine();
        assertEquals(BE, m.read(0x0c));
        assertEquals(BE, m.read(0x200));
        assertFalse(m.write(0x0, 1));
    }

    @Test
    void ramsz_reportsRamSize_andRejectsWrites() {
        Mainboard m = defaultMachine();
        assertEquals(1 << 20, m.read(OWN + Mainboard.RAMSZ));
        assertFalse(m.write(OWN + Mainboard.RAMSZ, 5));
    }

    @Test
    void irqs_followsBusLines_andRejectsWrites() {
        Mainboard m = defaultMachine();
        b.bus.setIrq(29, true);
        b.bus.setIrq(0, true);
        assertEquals((1L << 29) | 1, m.read(OWN + Mainboard.IRQS));
        b.bus.setIrq(29, false);
        assertEquals(1, m.read(OWN + Mainboard.IRQS));
        assertFalse(m.write(OWN + Mainboard.IRQS, 0));
    }

    @Test
    void pwr_readsAllOn_writeZeroPowersOff() {
        Mainboard m = defaultMachine();
        assertEquals(0xFFFFFFFFL, m.read(OWN + Mainboard.PWR));
        assertTrue(m.write(OWN + Mainboard.PWR, 0));
        assertEquals(PowerState.Reason.POWER_OFF, b.power.reason());
        assertEquals(0, b.power.exitCode());
        assertEquals("power off", b.power.message());
    }

    @Test
    void pwr_writeAllOn_isHarmless() {
        Mainboard m = defaultMachine();
        assertTrue(m.write(OWN + Mainboard.PWR, 0xFFFFFFFF));
        assertTrue(b.power.isRunning());
    }

    @Test
    void pwr_mainboardOffOthersOn_machineCheck() {
        Mainboard m = defaultMachine();
        m.write(OWN + Mainboard.PWR, 1);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @Test
    void irqe_masksLinesFromCpu_butNotFromIrqs() {
        Mainboard m = defaultMachine();
        assertEquals(0xFFFFFFFFL, m.read(OWN + Mainboard.IRQE));
        b.bus.setIrq(29, true);
        assertTrue(b.bus.cpuIrq());
        assertTrue(m.write(OWN + Mainboard.IRQE, ~(1 << 29)));
        assertEquals(0xFFFFFFFFL & ~(1L << 29), m.read(OWN + Mainboard.IRQE));
        assertFalse(b.bus.cpuIrq());
        assertEquals(1L << 29, m.read(OWN + Mainboard.IRQS));
    }

    @Test
    void cirqe_appliesDownstreamOfIrqe() {
        Mainboard m = defaultMachine();
        b.bus.setIrq(0, true);
        assertTrue(m.write(Mainboard.CPU_REGIONS + Mainboard.CIRQE, 0));
        assertEquals(0, m.read(Mainboard.CPU_REGIONS + Mainboard.CIRQE));
        assertFalse(b.bus.cpuIrq());
        m.write(Mainboard.CPU_REGIONS + Mainboard.CIRQE, 1);
        assertTrue(b.bus.cpuIrq());
    }

    @ParameterizedTest(name = "register 0x{0}")
    @ValueSource(ints = {Mainboard.CPUS, Mainboard.CPUE, Mainboard.SELF})
    void cpuRegisters_reportOneCpu(int reg) {
        assertEquals(1, defaultMachine().read(OWN + reg));
    }

    @Test
    void cpue_disablingCpu0_machineCheck() {
        Mainboard m = defaultMachine();
        assertTrue(m.write(OWN + Mainboard.CPUE, 1));
        assertTrue(b.power.isRunning());
        m.write(OWN + Mainboard.CPUE, 0);
        assertEquals(PowerState.Reason.MACHINE_CHECK, b.power.reason());
    }

    @Test
    void cipi_readsAllOnesWhenSet() {
        Mainboard m = defaultMachine();
        assertEquals(0, m.read(Mainboard.CPU_REGIONS + Mainboard.CIPI));
        m.write(Mainboard.CPU_REGIONS + Mainboard.CIPI, 5);
        assertEquals(0xFFFFFFFFL, m.read(Mainboard.CPU_REGIONS + Mainboard.CIPI));
        assertTrue(m.ipiPending());
        m.write(Mainboard.CPU_REGIONS + Mainboard.CIPI, 0);
        assertFalse(m.ipiPending());
    }

    @Test
    void cram_holdsWords() {
        Mainboard m = defaultMachine();
        int base = Mainboard.CPU_REGIONS + Mainboard.CRAM;
        assertTrue(m.write(base, 0x80001234));
        assertTrue(m.write(base + 0xfc, 7));
        assertEquals(0x80001234L, m.read(base));
        assertEquals(7, m.read(base + 0xfc));
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {OWN + 0x0c, OWN + 0x21c, OWN + 0x3fc, 0x8008, 0x82fc, 0x8400, 0xfffc})
    void undecodedOffsets_busError(int offset) {
        Mainboard m = defaultMachine();
        assertEquals(BE, m.read(offset));
        assertFalse(m.write(offset, 0));
    }

    @Test
    void oldMainboard_idsAndMissingRegisters() {
        Mainboard m = new Mainboard(b.slot(31), Mainboard.Kind.UNIPROCESSOR);
        b.bus.attach(31, m);
        assertEquals(1, m.read(OWN + Mainboard.CONFIG_VID));
        assertEquals(1, m.read(OWN + Mainboard.CONFIG_DID));
        assertEquals(2, m.read(OWN + Mainboard.CONFIG_DRL));
        assertEquals(BE, m.read(OWN + Mainboard.CPUS));
        assertEquals(BE, m.read(Mainboard.CPU_REGIONS));
        assertFalse(m.write(OWN + Mainboard.CPUE, 1));
        assertTrue(m.write(OWN + Mainboard.PWR, 0));
        assertEquals(PowerState.Reason.POWER_OFF, b.power.reason());
    }
}
