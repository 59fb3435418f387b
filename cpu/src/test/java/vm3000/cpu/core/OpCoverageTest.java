package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import vm3000.cpu.isa.Op;

/**
 * Every entry of the instruction table has at least one vector. The covered set is read from the
 * same vector lists the category tests run, and a vector only counts for its op if its program
 * really contains an instruction that decodes to that op; adding an {@link Op} without a vector
 * fails here.
 */
class OpCoverageTest {
    static final List<Supplier<List<Case>>> SOURCES = List.of(
            ArithTest::cases, BitwiseTest::cases, CompareTest::cases, DivideTest::cases, JumpTest::cases,
            MultiplyTest::cases, Cop0Test::cases, LoadTest::cases, ShiftTest::cases, StoreTest::cases,
            TlbTest::cases, TrapTest::cases, ZeroRegisterTest::cases);

    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        for (Supplier<List<Case>> s : SOURCES) all.addAll(s.get());
        return all;
    }

    @Test
    void everyOpHasAVector() {
        Set<Op> missing = EnumSet.allOf(Op.class);
        for (Case c : allCases()) missing.remove(c.op());
        assertEquals(EnumSet.noneOf(Op.class), missing, "ops without a vector");
    }

    @Test
    void everyVectorExecutesItsOp() {
        for (Case c : allCases()) assertTrue(c.exercisesOp(), c.name() + " does not contain a " + c.op().mnemonic());
    }

    @Test
    void vectorNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Case c : allCases()) assertTrue(seen.add(c.name()), "duplicate vector name " + c.name());
    }
}
