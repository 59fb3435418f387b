package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;
import vm3000.cpu.core.CpuContext;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.common.Partition;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;

/**
 * Hostile guests (random code in kernel and user mode with random TLB contents, wild stores over
 * the whole physical address space, user-mode TLB entries pointing past the partition, attempts
 * to give themselves CU0 and kernel mode; under the RMR VMM also Load RMR with forged blocks and
 * kernel-mode TLB entries aimed past the window and at the device range) never change a byte of
 * host memory outside their own partitions, never disturb an honest VM running beside them, and
 * never crash or stall the VMM, under either VMM and at depth 1 and 2.
 */
class IsolationTest {
    private static final int RAM = 1 << 20;
    private static final long LIMIT = 300_000;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The start of both hostile programs: a general exception handler that skips the faulting
     * instruction, and kernel mode with BEV clear.
     */
    private static final String SKIP_FAULTS = """
            .set noreorder
            .section .vectors
            .org 0x80
            mfc0 $k0, $14
            addiu $k0, $k0, 4
            jr $k0
            rfe
            .text
            .globl __start
    __start:
            mtc0 $zero, $12
    """;

    /**
     * Wild stores: every 64 KiB of kseg0 up to the LAMEbus window, i.e. all of the physical address
     * space where RAM can be, inside the partition and far past it (bus errors, skipped).
     */
    private static final String WILD_STORES = SKIP_FAULTS + """
            lui $t0, 0x8000
            lui $t1, 0x9fe0
            li $t2, 0x5a5a5a5a
    1:      sw $t2, 0($t0)
            sb $t2, 0x7ffd($t0)
            lui $t3, 1
            addu $t0, $t0, $t3
            bne $t0, $t1, 1b
            nop
            lui $t0, 0xbffe
            li $t1, 3
            sw $t1, 0x1c($t0)
    """;

    /**
     * User mode with TLB entries past the partition and on the device window, CU0 set: stores
     * there, then mtc0 to Status asking for kernel mode and CU0, then stores to kseg0 and kseg1.
     */
    private static final String PAST_PARTITION = SKIP_FAULTS + """
            lui $t0, 0x0000
            ori $t0, $t0, 0x1000
            mtc0 $t0, $10              # kuseg page 1 -> physical page 1: the user code
            ori $t1, $t0, 0x300        # V, G
            mtc0 $t1, $2
            li $t4, 63 << 8
            mtc0 $t4, $0
            tlbwi
            li $s0, 2
            li $s1, 40
    1:      sll $t0, $s0, 12
            mtc0 $t0, $10              # EntryHi: kuseg page s0, ASID 0
            sll $t1, $s0, 20           # PFN: s0 MiB, far past a 1 MiB partition
            lui $t2, 0x1fe0
            slti $t3, $s0, 4
            beq $t3, $zero, 2f
            nop
            or $t1, $t2, $t0           # the first pages: the device window
    2:      ori $t1, $t1, 0x700        # V, D, G... (G is never shadowed)
            mtc0 $t1, $2
            sll $t4, $s0, 8
            mtc0 $t4, $0
            tlbwi
            addiu $s0, $s0, 1
            bne $s0, $s1, 1b
            nop
            lui $t0, 0x1000            # Status: CU0, KUp (user after rfe), IEp
            ori $t0, $t0, 0x000c
            mtc0 $t0, $12
            lui $k1, 0x8000
            la $k0, user
            subu $k0, $k0, $k1
            li $t5, 0x700
            jr $k0
            rfe
    user:   li $s0, 2
    3:      sll $t0, $s0, 12
            li $t2, 0x77777777
            sw $t2, 0($t0)
            sw $t2, 0xffc($t0)
            addiu $s0, $s0, 1
            bne $s0, $s1, 3b
            nop
            mfc0 $t0, $12
            li $t1, -4
            and $t0, $t0, $t1
            lui $t1, 0x3000
            or $t0, $t0, $t1
            mtc0 $t0, $12              # kernel mode and CU0..1, in the shadow Status only
            lui $t0, 0x8000
            li $t2, 0x66666666
            sw $t2, 0x100($t0)
            lui $t0, 0xa010
            sw $t2, 0($t0)
            lui $t0, 0xbffe
            li $t1, 4
            sw $t1, 0x1c($t0)
    """;

    @Test
    void wildStoresAndMappingsPastThePartition_touchOnlyTheirOwnPartition() throws Exception {
        List<ElfFile> hostile = List.of(assemble(WILD_STORES, "wild.s"), assemble(PAST_PARTITION, "past.s"));
        Result r = run(hostile, new SplittableRandom(0), false);
        assertEquals(PowerState.Reason.POWER_OFF, r.hostile.get(0).reason(), r.hostile.get(0).message());
        assertEquals(3, r.hostile.get(0).exitCode());
        assertEquals(PowerState.Reason.POWER_OFF, r.hostile.get(1).reason(), r.hostile.get(1).message());
        assertEquals(4, r.hostile.get(1).exitCode());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomCode_kernelAndUser_touchOnlyItsOwnPartition(int seed) throws Exception {
        ElfFile placeholder = Kernels.load("hello");
        run(List.of(placeholder, placeholder, placeholder), new SplittableRandom(seed), true);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2})
    void rmr_wildStoresAndMappingsPastThePartition_touchOnlyTheirOwnWindow(int depth) throws Exception {
        List<ElfFile> hostile = List.of(assemble(WILD_STORES, "wild.s"), assemble(PAST_PARTITION, "past.s"),
                assemble(FORGED_LRMR, "lrmr.s"));
        List<PowerState> ends = runRmr(hostile, new SplittableRandom(0), false, depth);
        assertEquals(3, ends.get(0).exitCode(), ends.get(0).message());
        assertEquals(4, ends.get(1).exitCode(), ends.get(1).message());
        assertEquals(PowerState.Reason.MACHINE_CHECK, ends.get(2).reason(), "a forged Load RMR stops that VM only");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void rmr_randomCode_kernelAndUser_touchOnlyItsOwnWindow(int seed) throws Exception {
        ElfFile placeholder = Kernels.load("hello");
        runRmr(List.of(placeholder, placeholder, placeholder), new SplittableRandom(seed), true, 1 + seed % 2);
    }

    /**
     * Load RMR with forged blocks: a RESUME with nothing suspended, a LAUNCH with a window past
     * everything (no level above exists here). Each is a machine check of the VM alone.
     */
    private static final String FORGED_LRMR = SKIP_FAULTS + """
            lui $s0, 0x8008
            li $t0, 2
            sw $t0, 0($s0)             # RESUME, nothing suspended
            .word 0x42100038           # lrmr $s0
            li $t0, 1
            sw $t0, 0($s0)             # LAUNCH: never reached
            .word 0x42100038
            lui $t0, 0xbffe
            li $t1, 5
            sw $t1, 0x1c($t0)
    """;

    /**
     * Hostile VMs of the top RMR VMM of a stack of {@code depth}, and an honest hello beside them;
     * checks the host RAM outside the hostile windows word for word afterwards.
     */
    private static List<PowerState> runRmr(List<ElfFile> hostile, SplittableRandom rnd, boolean randomize, int depth)
            throws Exception {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int n = hostile.size() + 1;
            RmrVmmStack stack = RmrVmmStack.create(VmmStack.hostRam((long) n * RAM, depth) + (1 << 20),
                    vm3000.cpu.bus.Endian.BIG, MachineOptions.Core.BLOCK, depth, Allocator.DEFAULT_SLICE);
            RmrVmm vmm = stack.top();
            int below = depth == 1 ? 0 : stack.levels().get(0).vms().get(0).partition().base();
            PhysicalMemory ram = stack.host().ram();
            List<RmrVm> bad = new ArrayList<>();
            for (ElfFile elf : hostile) {
                RmrVm vm = vmm.createVm(RAM, elf, "", List.of(), OutputStream.nullOutputStream(), QUIET, 1);
                vm.setLimit(LIMIT);
                if (randomize) {
                    int real = below + vm.partition().base();
                    vm.setBootHook(level -> randomize(level.cp0(), level.context(), (pa, w) -> ram.storeWord(real + pa, w), rnd));
                }
                bad.add(vm);
            }
            ByteArrayOutputStream honestConsole = new ByteArrayOutputStream();
            RmrVm honest = vmm.createVm(RAM, Kernels.load("hello"), "beside hostile guests", List.of(), honestConsole, QUIET, 1);
            honest.setLimit(10_000_000);
            List<int[]> windows = new ArrayList<>();
            for (RmrVm vm : bad) windows.add(new int[] {below + vm.partition().base(), vm.partition().size()});
            int[][] before = new int[1][];
            honest.setBootHook(level -> before[0] = snapshotOutside(ram, windows)); // every VM is laid out by then
            stack.run();
            assertArrayEquals(before[0], snapshotOutside(ram, windows), "host memory outside the hostile windows");
            assertEquals(PowerState.Reason.POWER_OFF, stack.host().power().reason(),
                    "the machine ran to its end: " + stack.host().power().message());
            assertEquals(PowerState.Reason.POWER_OFF, honest.power().reason(), honest.power().message());
            assertEquals("Hello from vm3000, an R3000 in the System/161 dialect.\nboot arguments: beside hostile guests\n",
                    honestConsole.toString(StandardCharsets.ISO_8859_1));
            List<PowerState> ends = new ArrayList<>();
            for (RmrVm vm : bad) {
                assertFalse(vm.running(), "every hostile VM ended");
                ends.add(vm.power());
            }
            return ends;
        });
    }

    private static int[] snapshotOutside(PhysicalMemory ram, List<int[]> windows) {
        int[] words = new int[ram.size() / 4];
        for (int pa = 0; pa < ram.size(); pa += 4) words[pa / 4] = ram.loadWord(pa);
        for (int[] w : windows) java.util.Arrays.fill(words, w[0] / 4, (w[0] + w[1]) / 4, 0);
        return words;
    }

    private record Result(List<PowerState> hostile) {}

    /**
     * Hostile VMs, and an honest hello beside them; checks the host RAM outside the hostile
     * partitions word for word afterwards, and the honest VM's transcript.
     */
    private static Result run(List<ElfFile> hostile, SplittableRandom rnd, boolean randomize) throws Exception {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int n = hostile.size() + 1;
            VmmStack stack = VmmStack.create(VmmStack.hostRam((long) n * RAM, 1) + (1 << 20), vm3000.cpu.bus.Endian.BIG,
                    MachineOptions.Core.BLOCK, 1, Allocator.DEFAULT_SLICE);
            TrapVmm vmm = stack.top();
            List<VirtualMachine> bad = new ArrayList<>();
            for (ElfFile elf : hostile) {
                VirtualMachine vm = vmm.createVm(RAM, elf, "", List.of(), OutputStream.nullOutputStream(), QUIET, 1);
                vm.setLimit(LIMIT);
                if (randomize) randomize(vm, rnd);
                bad.add(vm);
            }
            ByteArrayOutputStream honestConsole = new ByteArrayOutputStream();
            VirtualMachine honest = vmm.createVm(RAM, Kernels.load("hello"), "beside hostile guests", List.of(),
                    honestConsole, QUIET, 1);
            honest.setLimit(10_000_000);
            PhysicalMemory ram = stack.host().ram();
            int[] before = snapshot(ram, bad);
            vmm.run();
            assertArrayEquals(before, snapshot(ram, bad), "host memory outside the hostile partitions");
            assertTrue(stack.host().power().isRunning(), "the host machine keeps running: " + stack.host().power().message());
            assertEquals(PowerState.Reason.POWER_OFF, honest.power().reason());
            assertEquals("Hello from vm3000, an R3000 in the System/161 dialect.\nboot arguments: beside hostile guests\n",
                    honestConsole.toString(StandardCharsets.ISO_8859_1));
            List<PowerState> ends = new ArrayList<>();
            for (VirtualMachine vm : bad) {
                assertFalse(vm.running(), "every hostile VM ended");
                ends.add(vm.power());
            }
            return new Result(ends);
        });
    }

    /**
     * Every word of host RAM with the hostile partitions zeroed. The honest VM's partition stays
     * in: hello never writes its RAM, so any change there is the hostile VMs' doing.
     */
    private static int[] snapshot(PhysicalMemory ram, List<VirtualMachine> hostile) {
        int[] words = new int[ram.size() / 4];
        for (int pa = 0; pa < ram.size(); pa += 4) words[pa / 4] = ram.loadWord(pa);
        for (VirtualMachine vm : hostile) {
            Partition p = vm.partition();
            java.util.Arrays.fill(words, p.base() / 4, (p.base() + p.size()) / 4, 0);
        }
        return words;
    }

    /** Random words over the first 64 KiB of the VM, random registers, TLB, Status (kernel or user), pc. */
    private static void randomize(VirtualMachine vm, SplittableRandom rnd) {
        Cpu cpu = vm.cpu();
        CpuContext regs = new CpuContext();
        randomize(vm.cp0(), regs, (pa, w) -> cpu.bus().store(pa, 4, w), rnd);
        for (int r = 1; r < 32; r++) cpu.setReg(r, regs.reg(r));
        cpu.setPc(regs.pc());
    }

    /** What randomize does, on any VM: its CP0, its registers, and a way to write its memory. */
    private static void randomize(Cp0 cp0, CpuContext cpu, java.util.function.BiConsumer<Integer, Integer> memory,
                                  SplittableRandom rnd) {
        for (int pa = 0; pa < 64 << 10; pa += 4) {
            int w = rnd.nextInt();
            switch (rnd.nextInt(8)) {
                case 0: w = (w & 0x03FFFFFF) | 0x40000000 | (rnd.nextInt(8) << 21); break; // CP0 ops
                case 1: w = (w & ~0xFC000000) | (0x8C000000 + (rnd.nextInt(16) << 26)); break; // loads/stores
                case 2: w &= 0x03FFFFFF; break;
                default: break;
            }
            memory.accept(pa, w);
        }
        for (int r = 1; r < 32; r++) {
            int base = new int[] {0x80000000, 0xA0000000, 0x00400000, 0xBFE00000, 0}[rnd.nextInt(5)];
            cpu.setReg(r, rnd.nextBoolean() ? rnd.nextInt() : base + (rnd.nextInt(1 << 20) & ~3));
        }
        for (int i = 0; i < 64; i++) {
            int hi = (i << 12) | (rnd.nextInt(64) << 6);
            int lo = (rnd.nextInt(1 << 17) << 12) | 0x700; // PFNs anywhere up to 512 MiB, valid, dirty
            cp0.tlb().write(i, hi, lo);
        }
        cp0.write(Cp0.ENTRYHI, 0, rnd.nextInt(64) << 6);
        cp0.write(Cp0.COMPARE, 0, rnd.nextInt(5000));
        boolean user = rnd.nextBoolean();
        cp0.setStatus((rnd.nextInt() & 0x1000FF00) | (user ? 0x2 : 0) | (rnd.nextBoolean() ? 1 : 0));
        cpu.setPc(user ? rnd.nextInt(16) << 12 : 0x80000000 + (rnd.nextInt(1 << 14) << 2));
    }

    private static ElfFile assemble(String source, String name) throws Exception {
        return ElfFile.parse(Assembler.assembleElf(source, name, Assembler.Options.defaults()), name);
    }
}
