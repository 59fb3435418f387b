package vm3000.cpu.core;

import java.io.OutputStream;
import java.io.PrintStream;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.cp0.Cp0;

/**
 * A machine with 1 MiB of RAM for instruction tests. Programs go at physical {@link #CODE_PA}
 * and run from its kseg0 address {@link #CODE}, in kernel mode with Status.BEV set (the reset
 * state). A monitor records each exception the hardware takes, so a test can step until the
 * first trap and then read EPC, Cause and BadVAddr as the hardware left them.
 */
final class TestCpu {
    static final int CODE_PA = 0x1000;
    static final int CODE = 0x80000000 | CODE_PA;
    /** Scratch data page, physical and kseg0. */
    static final int DATA_PA = 0x8000;
    static final int DATA = 0x80000000 | DATA_PA;

    final Machine machine;
    final Cpu cpu;
    private int traps;
    private int firstTrap = -1;

    TestCpu() { this(Endian.BIG); }

    TestCpu(Endian endian) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        machine = new Machine(MachineOptions.defaults().withRam(1 << 20).withEndian(endian)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet));
        cpu = machine.cpu();
        cpu.setMonitor((c, code) -> {
            if (traps++ == 0) firstTrap = code;
        });
        cpu.setPc(CODE);
    }

    /** Places {@code words} at physical {@code pa}. */
    TestCpu place(int pa, int... words) {
        for (int k = 0; k < words.length; k++) machine.ram().storeWord(pa + 4 * k, words[k]);
        return this;
    }

    /** Places the program at {@link #CODE_PA} and points the PC at it. */
    TestCpu load(int... words) {
        place(CODE_PA, words);
        cpu.setPc(CODE);
        return this;
    }

    TestCpu set(int reg, int value) { cpu.setReg(reg, value); return this; }

    /** Steps up to {@code n} cycles, stopping after the first exception or when the machine stops. */
    TestCpu run(int n) {
        for (int k = 0; k < n && traps == 0 && machine.power().isRunning(); k++) cpu.step();
        return this;
    }

    /** Steps exactly {@code n} cycles whatever happens (for handlers placed by the test). */
    TestCpu stepAll(int n) {
        for (int k = 0; k < n; k++) cpu.step();
        return this;
    }

    private int[] before;

    /** Remembers the general registers, for {@link #assertRegistersUnchanged}. */
    void snapshotRegisters() {
        before = new int[32];
        for (int n = 0; n < 32; n++) before[n] = cpu.reg(n);
    }

    void assertRegistersUnchanged() {
        for (int n = 0; n < 32; n++) {
            org.junit.jupiter.api.Assertions.assertEquals(before[n], cpu.reg(n), "$" + n + " changed");
        }
    }

    /**
     * Writes TLB entry {@code slot} through EntryHi/EntryLo as software would: {@code vaddr}'s page
     * with ASID {@code asid}, to physical page {@code pa}, with EntryLo flag bits {@code flags}.
     */
    TestCpu map(int slot, int vaddr, int asid, int pa, int flags) {
        Cp0 c = cp0();
        int oldHi = c.entryHi();
        c.write(Cp0.ENTRYHI, 0, (vaddr & 0xFFFFF000) | (asid << 6));
        c.write(Cp0.ENTRYLO, 0, (pa & 0xFFFFF000) | flags);
        org.junit.jupiter.api.Assertions.assertEquals(-1, c.tlbWrite(slot), "conflicting TLB entry");
        c.write(Cp0.ENTRYHI, 0, oldHi);
        return this;
    }

    /** Enters user mode (Status.KUc = 1), keeping the other Status bits. */
    TestCpu user() {
        cp0().setStatus(cp0().status() | Cp0.SR_KUC);
        return this;
    }

    int reg(int n) { return cpu.reg(n); }
    int hi() { return cpu.hi(); }
    int lo() { return cpu.lo(); }
    int pc() { return cpu.pc(); }
    Cp0 cp0() { return machine.cp0(); }

    /** ExcCode of the first exception taken, or -1 if none was. */
    int trap() { return firstTrap; }
    int traps() { return traps; }
    int excCode() { return (cp0().cause() >>> 2) & 31; }
    boolean bd() { return (cp0().cause() & Cp0.CAUSE_BD) != 0; }
    int ce() { return (cp0().cause() >>> 28) & 3; }
    int epc() { return cp0().epc(); }
    int badVAddr() { return cp0().badVAddr(); }

    int word(int pa) { return machine.ram().loadWord(pa); }
    int byteAt(int pa) { return machine.ram().loadByte(pa); }
    TestCpu storeWord(int pa, int v) { machine.ram().storeWord(pa, v); return this; }
    TestCpu storeBytes(int pa, int... bytes) {
        for (int k = 0; k < bytes.length; k++) machine.ram().storeByte(pa + k, bytes[k]);
        return this;
    }
}
