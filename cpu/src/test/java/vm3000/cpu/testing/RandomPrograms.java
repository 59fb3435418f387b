package vm3000.cpu.testing;

import java.util.SplittableRandom;

import vm3000.cpu.Machine;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.elf.ElfFile;

/**
 * Random guest programs for fuzzing and for differential tests: pure random words, and random
 * programs of valid instructions that branch, trap, take timer interrupts, write over their own
 * code and (in user mode) have their pages remapped by a refill handler that picks physical pages
 * from the cycle count.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    /** Fills the first 64 KiB of RAM (vectors and code) with random words and starts there with random state. */
    public static void randomWords(Machine m, SplittableRandom rnd, boolean user) {
        for (int pa = 0; pa < 64 << 10; pa += 4) {
            int w = rnd.nextInt();
            switch (rnd.nextInt(8)) {
                case 0: w &= 0x03FFFFFF; w |= 0x40000000 | (rnd.nextInt(8) << 21); break; // CP0 ops
                case 1: w = (w & ~0xFC000000) | (0x8C000000 + (rnd.nextInt(16) << 26)); break;  // loads/stores
                case 2: w &= 0x03FFFFFF; break;                                                // SPECIAL
                default: break;
            }
            m.ram().storeWord(pa, w);
        }
        Cpu cpu = m.cpu();
        for (int r = 1; r < 32; r++) {
            int base = new int[] {0x80000000, 0xA0000000, 0x00400000, 0xBFE00000}[rnd.nextInt(4)];
            cpu.setReg(r, rnd.nextBoolean() ? rnd.nextInt() : base + (rnd.nextInt(1 << 16) & ~3));
        }
        Cp0 cp0 = m.cp0();
        for (int i = 0; i < 64; i++) {
            int hi = rnd.nextBoolean() ? (i << 12) | (rnd.nextInt(64) << 6) : rnd.nextInt();
            int lo = rnd.nextBoolean() ? (rnd.nextInt(64) << 12) | 0x700 : rnd.nextInt();
            cp0.tlb().write(i, hi, lo);
        }
        cp0.write(Cp0.ENTRYHI, 0, rnd.nextInt(64) << 6);
        cp0.write(Cp0.COMPARE, 0, rnd.nextInt(5000));
        cp0.setStatus((rnd.nextInt() & 0xFF00) | (user ? 0x2 : 0) | (rnd.nextBoolean() ? 1 : 0));
        cpu.setPc(user ? rnd.nextInt(16) << 12 : 0x80001000 + (rnd.nextInt(1024) << 2));
    }

    /** Assembles and loads a random program of valid instructions (see {@link #validSource}). */
    public static void validProgram(Machine m, SplittableRandom rnd, boolean user) {
        String src = validSource(rnd, user);
        try {
            ElfFile elf = ElfFile.parse(Assembler.assembleElf(src, "random.s", Assembler.Options.defaults()), "random.s");
            Boot.load(m, elf, "");
            // Park the reset TLB entries on kseg0 pages that no register is likely to hold, so
            // random TLB writes seldom end the run with a duplicate-entry machine check.
            for (int i = 0; i < 64; i++) m.cp0().tlb().write(i, 0x9F000000 + (i << 12), 0);
        } catch (Exception e) {
            throw new AssertionError("generated program does not assemble:\n" + src, e);
        }
    }

    private static final String[] R3 = {"addu", "subu", "and", "or", "xor", "nor", "slt", "sltu", "add", "sub"};
    private static final String[] SHIFT = {"sll", "srl", "sra"};
    private static final String[] SHIFTV = {"sllv", "srlv", "srav"};
    private static final String[] SIMM = {"addiu", "slti", "sltiu", "addi"};
    private static final String[] UIMM = {"andi", "ori", "xori"};
    private static final String[] MULDIV = {"mult", "multu", "div", "divu"};
    private static final String[] MEM = {"lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr", "sb", "sh", "sw", "swl", "swr",
        "ll", "sc"};
    private static final String[] BR2 = {"beq", "bne"};
    private static final String[] BR1 = {"bltz", "bgez", "blez", "bgtz", "bltzal", "bgezal"};

    /**
     * A program of valid instructions. The body (300 instructions, labelled L0..) runs in kernel
     * mode in kseg0, or in user mode through kuseg 0x00400000, mapped onto the same physical
     * pages. $24 points at a data page and $25 at the code itself, so stores through $25 write
     * over code that may run next. Exceptions skip the instruction (or the branch and its slot);
     * timer interrupts rearm Compare; UTLB misses map the page onto a physical page chosen from
     * the cycle count, so pages are remapped as the program runs.
     */
    public static String validSource(SplittableRandom rnd, boolean user) {
        StringBuilder sb = new StringBuilder();
        sb.append("        .set noreorder\n        .section .vectors\n");
        // UTLB refill: map the missing page onto 0x1000..0x4000 by the cycle count, V and D set.
        sb.append("        mfc0 $k1, $9\n        andi $k1, $k1, 0x3000\n        addiu $k1, $k1, 0x1600\n")
          .append("        mtc0 $k1, $2\n        tlbwr\n        mfc0 $k0, $14\n        jr $k0\n        rfe\n");
        sb.append("        .org 0x80\n");
        sb.append("        mfc0 $k0, $13\n        andi $k1, $k0, 0x7c\n        bnez $k1, 1f\n        nop\n")
          .append("        mfc0 $k1, $9\n        addiu $k1, $k1, ").append(300 + rnd.nextInt(3000)).append('\n')
          .append("        mtc0 $k1, $11\n        mfc0 $k0, $14\n        jr $k0\n        rfe\n")
          .append("1:      mfc0 $k1, $14\n        bltz $k0, 2f\n        nop\n        addiu $k1, $k1, 4\n")
          .append("        jr $k1\n        rfe\n2:      addiu $k1, $k1, 8\n        jr $k1\n        rfe\n");
        sb.append("        .text\n        .globl __start\n__start:\n");
        for (int r = 1; r < 24; r++) sb.append(String.format("        li $%d, 0x%08x%n", r, rnd.nextInt()));
        sb.append(String.format("        li $31, 0x%08x%n", rnd.nextInt()));
        int code = user ? 0x00400000 : 0x80002000;
        int data = user ? 0x00408000 : 0x80008000;
        sb.append(String.format("        li $24, 0x%08x%n        li $25, 0x%08x%n", data, code));
        sb.append("        mfc0 $k1, $9\n        addiu $k1, $k1, ").append(500 + rnd.nextInt(3000))
          .append("\n        mtc0 $k1, $11\n");
        sb.append(String.format("        li $k1, 0x%08x%n        mtc0 $k1, $10%n", rnd.nextInt(64) << 6));
        if (user) {
            // Map code (physical 0x2000..) and data (physical 0x8000) into kuseg with fixed entries,
            // then drop to user mode at the body's kuseg alias.
            for (int i = 0; i < 3; i++) {
                sb.append(String.format("        li $k0, 0x%08x%n        mfc0 $k1, $10%n        andi $k1, $k1, 0xfc0%n",
                        code + (i << 12)));
                sb.append("        or $k0, $k0, $k1\n        mtc0 $k0, $10\n");
                sb.append(String.format("        li $k0, 0x%08x%n        mtc0 $k0, $2%n", 0x2000 + (i << 12) | 0x600));
                sb.append(String.format("        li $k0, 0x%x%n        mtc0 $k0, $0%n        tlbwi%n", i << 8));
            }
            sb.append(String.format("        li $k0, 0x%08x%n        mfc0 $k1, $10%n        andi $k1, $k1, 0xfc0%n", data));
            sb.append("        or $k0, $k0, $k1\n        mtc0 $k0, $10\n");
            sb.append("        li $k0, 0x00008600\n        mtc0 $k0, $2\n        li $k0, 0x300\n        mtc0 $k0, $0\n        tlbwi\n");
            sb.append("        li $k0, 0x800c\n        mtc0 $k0, $12\n");     // IM7, KUp=1, IEp=1
            sb.append(String.format("        li $k0, 0x%08x%n        jr $k0%n        rfe%n", code));
        } else {
            sb.append("        li $k0, 0x8001\n        mtc0 $k0, $12\n"); // IM7, IEc
            sb.append("        j L0\n        nop\n");
        }
        sb.append("        .org 0x1000\n");   // the body starts at 0x80002000, physical 0x2000
        int n = 300;
        for (int i = 0; i < n; i++) {
            sb.append("L").append(i).append(":  ").append(instruction(rnd, i, n, user)).append('\n');
        }
        sb.append("        b L0\n        nop\n");
        return sb.toString();
    }

    private static int dst(SplittableRandom rnd) { return rnd.nextInt(8) == 0 ? 31 : 1 + rnd.nextInt(23); }

    private static int src(SplittableRandom rnd) { return rnd.nextInt(26); }

    private static String pick(SplittableRandom rnd, String[] a) { return a[rnd.nextInt(a.length)]; }

    private static String instruction(SplittableRandom rnd, int i, int n, boolean user) {
        int k = rnd.nextInt(100);
        if (k < 22) return String.format("%s $%d, $%d, $%d", pick(rnd, R3), dst(rnd), src(rnd), src(rnd));
        if (k < 27) return String.format("%s $%d, $%d, %d", pick(rnd, SHIFT), dst(rnd), src(rnd), rnd.nextInt(32));
        if (k < 30) return String.format("%s $%d, $%d, $%d", pick(rnd, SHIFTV), dst(rnd), src(rnd), src(rnd));
        if (k < 40) return String.format("%s $%d, $%d, %d", pick(rnd, SIMM), dst(rnd), src(rnd), rnd.nextInt(65536) - 32768);
        if (k < 45) return String.format("%s $%d, $%d, %d", pick(rnd, UIMM), dst(rnd), src(rnd), rnd.nextInt(65536));
        if (k < 47) return String.format("lui $%d, %d", dst(rnd), rnd.nextInt(65536));
        if (k < 51) return String.format("%s $%d, $%d", pick(rnd, MULDIV), src(rnd), src(rnd));
        if (k < 54) return String.format("%s $%d", rnd.nextBoolean() ? "mfhi" : "mflo", dst(rnd));
        if (k < 55) return String.format("%s $%d", rnd.nextBoolean() ? "mthi" : "mtlo", src(rnd));
        if (k < 72) {
            String op = pick(rnd, MEM);
            int base = rnd.nextInt(4) == 0 ? 25 : 24;          // one access in four goes to the code
            int off = base == 25 ? (rnd.nextInt(4) == 0 ? rnd.nextInt(0x2000) : rnd.nextInt(1200)) : rnd.nextInt(0x1000);
            if (rnd.nextInt(4) != 0) off &= ~3;                  // mostly aligned
            boolean load = op.startsWith("l");
            return String.format("%s $%d, %d($%d)", op, load ? dst(rnd) : src(rnd), off, base);
        }
        if (k < 88) {
            // Forward only, so the whole body runs; it loops back to the start at its end.
            int t = Math.min(n - 1, i + 2 + rnd.nextInt(14));
            if (rnd.nextBoolean()) return String.format("%s $%d, $%d, L%d", pick(rnd, BR2), src(rnd), src(rnd), t);
            return String.format("%s $%d, L%d", pick(rnd, BR1), src(rnd), t);
        }
        if (k < 90) return rnd.nextBoolean() ? "syscall" : "break";
        if (k < 91) return ".word 0xfc000000";                   // reserved: RI
        // CP0 work: CpU in user mode; in kernel mode it remaps pages and changes the ASID.
        switch (rnd.nextInt(7)) {
            case 0: return String.format("mfc0 $%d, $%d", dst(rnd), rnd.nextInt(16));
            case 1: return String.format("mtc0 $%d, $10", src(rnd));
            case 2: return String.format("mtc0 $%d, $2", src(rnd));
            case 3: return "tlbwr";
            case 4: return "tlbp";
            case 5: return "tlbr";
            default: return String.format("mtc0 $%d, $0", src(rnd));
        }
    }
}
