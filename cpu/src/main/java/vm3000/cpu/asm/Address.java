package vm3000.cpu.asm;

/**
 * A memory operand: {@code offset(base)}, {@code (base)} or a bare address expression
 * ({@code base} is -1). {@link #fits} says whether one instruction can reach it: the offset is a
 * %lo part or a constant known in the layout pass that fits in 16 signed bits.
 */
record Address(int base, Expression.Result offset) {
    static Address parse(Pass pass, String text) throws BadInput {
        String t = text.trim();
        if (t.endsWith(")")) {
            int depth = 0;
            for (int i = t.length() - 1; i >= 0; i--) {
                char c = t.charAt(i);
                if (c == ')') depth++;
                else if (c == '(' && --depth == 0) {
                    String inner = t.substring(i + 1, t.length() - 1).trim();
                    if (!inner.startsWith("$")) break;
                    int base = pass.register(inner);
                    String off = t.substring(0, i).trim();
                    Expression.Result r = off.isEmpty() ? new Expression.Result(0, true, false) : pass.eval(off);
                    return new Address(base, r);
                }
            }
        }
        return new Address(-1, pass.eval(t));
    }

    boolean fits() {
        return offset.part() || offset.known() && offset.value() >= -0x8000 && offset.value() <= 0x7FFF;
    }
}
