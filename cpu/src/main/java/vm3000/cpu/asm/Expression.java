package vm3000.cpu.asm;

/**
 * Evaluates a GNU as expression: numbers (decimal, {@code 0x} hex, {@code 0b} binary, leading-0
 * octal), character literals, symbols, {@code %hi(x)} and {@code %lo(x)}, parentheses, unary
 * {@code - ~ !} and the binary operators with GNU as precedence (highest first):
 * {@code * / % << >>}, then {@code | & ^}, then {@code + -}. Arithmetic is 64-bit; callers
 * truncate.
 *
 * <p>In the layout pass symbols that are not known yet evaluate as 0 and the result is marked
 * unknown; in the final pass an unknown symbol is an error.
 *
 * <p>The parser recurses, so nesting is bounded: parentheses, unary operators, {@code %hi}/{@code %lo}
 * and {@code .equ} symbols defined in terms of other symbols together nest at most
 * {@link #MAX_NESTING} deep. Deeper is an error, never a StackOverflowError.
 */
final class Expression {
    /** How deep an expression may nest, counting the {@code .equ} symbols it goes through. */
    static final int MAX_NESTING = 256;

    /** Symbol values for an evaluation. */
    interface Symbols {
        /**
         * The value of {@code name}, or {@code null} if it is not (yet) known. {@code nesting} is
         * how deep the reference is; a symbol defined by an expression evaluates it from there.
         */
        Long lookup(String name, int nesting) throws BadInput;
    }

    /** The value, whether every symbol in it was known, and whether it is a %hi/%lo part. */
    record Result(long value, boolean known, boolean part) {}

    private final String text;
    private final Symbols symbols;
    private final boolean finalPass;
    private int pos;
    private boolean known = true;
    private int nesting;

    private Expression(String text, Symbols symbols, boolean finalPass, int nesting) {
        this.text = text;
        this.symbols = symbols;
        this.finalPass = finalPass;
        this.nesting = nesting;
    }

    static Result evaluate(String text, Symbols symbols, boolean finalPass) throws BadInput {
        return evaluate(text, symbols, finalPass, 0);
    }

    /** Evaluates {@code text} as a part {@code nesting} deep of an enclosing expression. */
    static Result evaluate(String text, Symbols symbols, boolean finalPass, int nesting) throws BadInput {
        Expression e = new Expression(text.trim(), symbols, finalPass, nesting);
        if (e.text.isEmpty()) throw new BadInput("missing expression");
        boolean part = e.text.startsWith("%hi(") || e.text.startsWith("%lo(");
        long v = e.additive();
        e.skipSpace();
        if (e.pos < e.text.length()) {
            throw new BadInput("junk '" + e.text.substring(e.pos) + "' in expression '" + e.text + "'");
        }
        if (part && !isSinglePart(e.text)) part = false;
        return new Result(v, e.known, part);
    }

    /** True if the whole text is one %hi(...) or %lo(...) term. */
    private static boolean isSinglePart(String t) {
        int depth = 0;
        for (int i = 3; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i == t.length() - 1;
        }
        return false;
    }

    private long additive() throws BadInput {
        long v = bitwise();
        while (true) {
            skipSpace();
            if (eat('+')) v += bitwise();
            else if (peek() == '-') { pos++; v -= bitwise(); }
            else return v;
        }
    }

    private long bitwise() throws BadInput {
        long v = multiplicative();
        while (true) {
            skipSpace();
            if (eat('|')) v |= multiplicative();
            else if (eat('&')) v &= multiplicative();
            else if (eat('^')) v ^= multiplicative();
            else return v;
        }
    }

    private long multiplicative() throws BadInput {
        long v = unary();
        while (true) {
            skipSpace();
            if (text.startsWith("<<", pos)) { pos += 2; v = (v << (unary() & 63)); }
            else if (text.startsWith(">>", pos)) { pos += 2; v = (v >> (unary() & 63)); }
            else if (eat('*')) v *= unary();
            else if (peek() == '/' || peek() == '%') {
                char op = text.charAt(pos++);
                long d = unary();
                if (d == 0) {
                    if (known) throw new BadInput("division by zero");
                    v = 0;
                } else {
                    v = op == '/' ? v / d : v % d;
                }
            }
            else return v;
        }
    }

    /** Every recursion of the parser passes through here, so this is where nesting is counted. */
    private long unary() throws BadInput {
        if (++nesting > MAX_NESTING) {
            throw new BadInput("expression nested more than " + MAX_NESTING + " deep (counting the symbols it is defined through)");
        }
        try {
            skipSpace();
            if (eat('-')) return -unary();
            if (eat('+')) return unary();
            if (eat('~')) return ~unary();
            if (eat('!')) return unary() == 0 ? 1 : 0;
            return primary();
        } finally {
            nesting--;
        }
    }

    private long primary() throws BadInput {
        skipSpace();
        if (pos >= text.length()) throw new BadInput("missing operand in expression '" + text + "'");
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            long v = additive();
            expect(')');
            return v;
        }
        if (c == '%') return relocationPart();
        if (c == '\'') return charLiteral();
        if (Character.isDigit(c)) return number();
        if (Lexer.isSymbolStart(c)) {
            int start = pos;
            while (pos < text.length() && Lexer.isSymbolPart(text.charAt(pos))) pos++;
            String name = text.substring(start, pos);
            Long v = symbols.lookup(name, nesting);
            if (v != null) return v;
            if (finalPass) throw new BadInput("undefined symbol '" + LocalLabels.display(name) + "'");
            known = false;
            return 0;
        }
        if (c == '$') throw new BadInput("register '" + token() + "' where a value was expected");
        throw new BadInput("bad expression '" + text + "'");
    }

    private long relocationPart() throws BadInput {
        boolean hi;
        if (text.startsWith("%hi", pos)) hi = true;
        else if (text.startsWith("%lo", pos)) hi = false;
        else throw new BadInput("unknown relocation operator '" + token() + "'");
        pos += 3;
        skipSpace();
        expect('(');
        long v = additive();
        expect(')');
        // %hi is adjusted so that adding the sign-extended %lo gives the value back.
        return hi ? ((v + 0x8000) >> 16) & 0xFFFF : (short) v;
    }

    private long charLiteral() throws BadInput {
        pos++;
        if (pos >= text.length()) throw new BadInput("unterminated character literal");
        int[] out = new int[1];
        pos = Lexer.unescape(text, pos, out);
        if (pos < text.length() && text.charAt(pos) == '\'') pos++;
        return out[0];
    }

    private long number() throws BadInput {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
        String t = text.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("0x")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.startsWith("0b")) return Long.parseUnsignedLong(t.substring(2), 2);
            if (t.length() > 1 && t.startsWith("0")) return Long.parseUnsignedLong(t.substring(1), 8);
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new BadInput("bad number '" + t + "'");
        }
    }

    private String token() {
        int start = pos;
        pos++;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private void expect(char c) throws BadInput {
        skipSpace();
        if (!eat(c)) throw new BadInput("expected '" + c + "' in expression '" + text + "'");
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) { pos++; return true; }
        return false;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : 0; }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
