package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Consumer;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * One instruction vector: a short program whose instruction under test is {@code op}, the machine
 * state it starts from, and what must hold after it ran (at most {@code steps} cycles,
 * stopping at the first exception). {@link OpCoverageTest} reads every category's vectors to
 * check that each table entry has one.
 */
record Case(String name, Op op, Endian endian, int[] program, int steps, Consumer<TestCpu> setup, Consumer<TestCpu> check) {
    static final int RD = 3, RS = 1, RT = 2;
    /** What a destination register holds before a vector runs, so "unchanged" can be checked. */
    static final int POISON = 0x5EADBEEF;

    static Case of(String name, Op op, int[] program, Consumer<TestCpu> setup, Consumer<TestCpu> check) {
        return new Case(name, op, Endian.BIG, program, program.length, setup, check);
    }

    Case little() { return new Case(name, op, Endian.LITTLE, program, steps, setup, check); }

    /** The same vector run for {@code n} cycles instead of one per program word. */
    Case steps(int n) { return new Case(name, op, endian, program, n, setup, check); }

    /** {@code op $3, $1, $2} with $1 = a, $2 = b: $3 = expected, no exception. */
    static Case rType(String name, Op op, int a, int b, int expected) {
        return of(name, op, new int[] {Enc.r(op, RD, RS, RT)}, t -> t.set(RS, a).set(RT, b).set(RD, POISON),
                t -> { noTrap(t); assertEquals(expected, t.reg(RD), "rd"); });
    }

    /** {@code op $2, $1, imm} with $1 = a: $2 = expected, no exception. */
    static Case iType(String name, Op op, int a, int imm, int expected) {
        return of(name, op, new int[] {Enc.i(op, RT, RS, imm)}, t -> t.set(RS, a).set(RT, POISON),
                t -> { noTrap(t); assertEquals(expected, t.reg(RT), "rt"); });
    }

    /** A single instruction that must raise {@code excCode} with EPC = itself and change no register. */
    static Case traps(String name, Op op, int word, int excCode, Consumer<TestCpu> setup) {
        return of(name, op, new int[] {word}, t -> { t.set(RD, POISON).set(RT, POISON); setup.accept(t); },
                t -> { assertTrap(t, excCode, TestCpu.CODE); t.assertRegistersUnchanged(); });
    }

    static void noTrap(TestCpu t) { assertEquals(-1, t.trap(), "no exception expected"); }

    static void assertTrap(TestCpu t, int excCode, int epc) {
        assertEquals(excCode, t.trap(), "ExcCode of the exception taken");
        assertEquals(excCode, t.excCode(), "Cause.ExcCode");
        assertEquals(epc, t.epc(), "EPC");
        assertEquals(1, t.traps(), "exactly one exception");
        assertEquals(false, t.bd(), "Cause.BD");
    }

    /** The same vector with a further check after its own. */
    Case andThen(Consumer<TestCpu> more) { return new Case(name, op, endian, program, steps, setup, check.andThen(more)); }

    /** Runs the vector on a fresh machine. */
    void run() {
        TestCpu t = new TestCpu(endian);
        t.load(program);
        setup.accept(t);
        t.snapshotRegisters();
        t.run(steps);
        check.accept(t);
    }

    /** True when the program really contains an instruction that decodes to {@code op}. */
    boolean exercisesOp() { return Arrays.stream(program).anyMatch(w -> Decoder.decode(w) == op); }

    @Override public String toString() { return name; }
}
