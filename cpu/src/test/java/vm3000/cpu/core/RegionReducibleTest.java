package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import vm3000.cpu.Machine;
import vm3000.cpu.elf.ElfFile;

/**
 * A compiled region's method has reducible control flow even where the guest's loop has two
 * entries, so that HotSpot's C1 compiles it (C1 gives up on irreducible loops, "block join
 * failed", and the region then runs in the bytecode interpreter until C2 takes it: most of the
 * warm-up of compute.c's run before RegionLoops).
 */
class RegionReducibleTest {
    /** The outer block branches to the loop's top and, through the outer part, into its middle. */
    static final String SOURCE = String.join("\n",
            ".set noreorder",
            ".text",
            ".globl __start",
            "__start:",
            "  li $s5, 300",
            "1: andi $t0, $s5, 1",
            "  bnez $t0, 3f",
            "  li $s4, 5",
            "2: addiu $s0, $s0, 3",
            "  xor $s0, $s0, $s4",
            "4: addiu $s4, $s4, -1",
            "  bgtz $s4, 2b",
            "  sll $t1, $s0, 2",
            "3: addu $s0, $s0, $t1",
            "  addiu $s5, $s5, -1",
            "  andi $t0, $s5, 3",
            "  bnez $t0, 4b",
            "  li $s4, 3",
            "  bnez $s5, 1b",
            "  nop",
            "5: b 5b",
            "  nop",
            "");

    @Test
    void regionOfALoopWithTwoEntries_isReducible() throws Exception {
        RegionHotBlocksTest.Booted booted = RegionHotBlocksTest.boot(SOURCE, "two-entries.s");
        Machine m = booted.machine();
        ElfFile elf = booted.elf();
        int vpc = elf.entry() + 4; // label 1: the block that branches into both halves of the loop
        BlockCache cache = m.blockCore().cache();
        List<Block> blocks = RegionCompiler.form(cache, cache.get(vpc & 0x1FFFFFFF), vpc, RegionCompiler.MAX_BLOCKS, 0);
        assertTrue(blocks.size() >= 4, "a region of " + blocks.size() + " blocks");
        for (boolean links : new boolean[] {false, true}) {
            byte[] bytes = RegionCompiler.generateWithin(blocks, vpc, links).bytes();
            assertTrue(Reducible.reducible(Reducible.flow(bytes, "run"), 0), "the region's run method is irreducible"
                    + (links ? " (with direct links)" : ""));
        }
        assertFalse(Reducible.reducible(RegionLoopsTest.withEntry(regionGraph(blocks, vpc)), blocks.size()),
                "the region's blocks themselves have a loop with two entries");
    }

    /** The jumps between the blocks of the region as RegionCompiler reads them (branches and fall-throughs in the page). */
    private static int[][] regionGraph(List<Block> blocks, int vpc) {
        int[][] g = new int[blocks.size()][];
        for (int k = 0; k < g.length; k++) {
            Block b = blocks.get(k);
            g[k] = java.util.Arrays.stream(RegionCompiler.successors(b, vpc + (b.pa - blocks.get(0).pa), blocks.get(0).pa, vpc))
                    .map(pa -> { for (int i = 0; i < blocks.size(); i++) if (blocks.get(i).pa == pa) return i; return -1; })
                    .filter(i -> i >= 0).distinct().toArray();
        }
        return g;
    }

    /** The check itself: a method whose loop is entered at two places is irreducible. */
    @Test
    void theCheck_findsALoopWithTwoEntries() throws Exception {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, "TwoEntries", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "(I)I", null, null);
        mv.visitCode();
        Label top = new Label(), middle = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFEQ, middle);
        mv.visitLabel(top);
        mv.visitIincInsn(0, 1);
        mv.visitLabel(middle);
        mv.visitIincInsn(0, 2);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFLT, top);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        assertFalse(Reducible.reducible(Reducible.flow(cw.toByteArray(), "run"), 0));
    }
}
