package vm3000.cpu.asm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vm3000.cpu.BadInputException;

/**
 * Splits GNU as source into {@link Statement}s: {@code #} comments to end of line, C block
 * comments, {@code ;} separating statements on one line, labels
 * ({@code name:} and numeric {@code 1:}), {@code NAME = expr} as {@code .set}, and operands split
 * at top-level commas. {@code .include "file"} is replaced by the statements of that file, found
 * through an {@link IncludeResolver}; each statement remembers the file it came from.
 */
final class Lexer {
    private Lexer() {}

    /** How deep {@code .include}s may nest: enough for any real use, and it stops a file including itself. */
    static final int MAX_INCLUDE_DEPTH = 16;

    /**
     * How many lines of source one assembly reads in all, counting a file again each time it is
     * included: a few files that each include the next several times would otherwise expand
     * beyond any memory within the depth limit.
     */
    static final int MAX_LINES = 1_000_000;

    /** How many characters of source one assembly reads in all, counted like {@link #MAX_LINES}. */
    static final int MAX_CHARS = 64 << 20;

    /** Lines and characters read so far by one assembly. */
    private static final class Budget {
        long lines;
        long chars;

        /** Counts a source about to be read; the error is reported where it was included. */
        void read(String text) throws BadInput {
            chars += text.length();
            if (chars > MAX_CHARS) throw new BadInput("more than " + (MAX_CHARS >> 20) + " MiB of source in all (each .include counts again)");
        }

        void line() throws BadInput {
            if (++lines > MAX_LINES) throw new BadInput("more than " + MAX_LINES + " lines of source in all (each .include counts again)");
        }
    }

    static boolean isSymbolStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    static boolean isSymbolPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    static List<Statement> read(String source, String file) throws BadInputException {
        return read(source, file, IncludeResolver.NONE);
    }

    static List<Statement> read(String source, String file, IncludeResolver includes) throws BadInputException {
        List<Statement> out = new ArrayList<>();
        Budget budget = new Budget();
        try {
            budget.read(source);
        } catch (BadInput e) {
            throw BadInputException.in(file, e.getMessage());
        }
        read(source, file, includes, 0, new LocalLabels(), budget, out);
        return out;
    }

    /** Numeric local labels are shared with included files, as the text is one stream in GNU as. */
    private static void read(String source, String file, IncludeResolver includes, int depth, LocalLabels locals,
            Budget budget, List<Statement> out) throws BadInputException {
        String[] lines = stripBlockComments(source, file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            try {
                budget.line();
                for (String text : splitStatements(lines[i])) {
                    Statement s = statement(text, file, lineNo, locals);
                    if (s == null) continue;
                    if (".include".equals(s.name())) {
                        if (!s.labels().isEmpty()) out.add(new Statement(file, lineNo, s.labels(), null, List.of(), ""));
                        include(s, includes, depth, locals, budget, out);
                    } else {
                        out.add(s);
                    }
                }
            } catch (BadInput e) {
                throw BadInputException.at(file, lineNo, e.getMessage());
            }
        }
    }

    private static void include(Statement s, IncludeResolver includes, int depth, LocalLabels locals,
            Budget budget, List<Statement> out) throws BadInput, BadInputException {
        String op = s.rest().strip();
        if (s.operands().size() != 1 || op.length() < 2 || op.charAt(0) != '"' || op.charAt(op.length() - 1) != '"') {
            throw new BadInput(".include takes one file name in double quotes");
        }
        String name = op.substring(1, op.length() - 1);
        if (name.isEmpty()) throw new BadInput(".include of an empty file name");
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw new BadInput("cannot include '" + name + "': .include nested more than " + MAX_INCLUDE_DEPTH + " deep");
        }
        Optional<IncludeResolver.Source> found;
        try {
            found = includes.resolve(s.file(), name);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot include '" + name + "': " + e.getMessage());
        }
        if (found.isEmpty()) throw new BadInput("cannot include '" + name + "': no such file");
        try {
            budget.read(found.get().text());
        } catch (BadInput e) {
            throw new BadInput("cannot include '" + name + "': " + e.getMessage());
        }
        read(found.get().text(), found.get().file(), includes, depth + 1, locals, budget, out);
    }

    /** Replaces C comments by spaces, keeping newlines so line numbers stay right. */
    private static String stripBlockComments(String s, String file) throws BadInputException {
        if (!s.contains("/*")) return s;
        StringBuilder out = new StringBuilder(s.length());
        int line = 1;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') { line++; inString = false; }
            if (inString) {
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') { out.append(c).append(s.charAt(++i)); continue; }
                if (c == '"') inString = false;
                out.append(c);
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '#') {
                int end = s.indexOf('\n', i);
                if (end < 0) end = s.length();
                out.append(s, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw BadInputException.at(file, line, "unterminated /* comment");
                for (int j = i; j < end + 2; j++) {
                    if (s.charAt(j) == '\n') { out.append('\n'); line++; } else out.append(' ');
                }
                i = end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The statements of one line: cut at {@code #} and split at {@code ;}, outside quotes. */
    private static List<String> splitStatements(String line) throws BadInput {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < line.length()) cur.append(line.charAt(++i));
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '#') break;
            if (c == ';') { out.add(cur.toString()); cur.setLength(0); continue; }
            if (c == '"') quote = '"';
            // 'x is a character literal; the closing quote is optional in GNU as.
            if (c == '\'') {
                cur.append(c);
                if (i + 1 < line.length()) {
                    char d = line.charAt(++i);
                    cur.append(d);
                    if (d == '\\' && i + 1 < line.length()) cur.append(line.charAt(++i));
                }
                continue;
            }
            cur.append(c);
        }
        if (quote != 0) throw new BadInput("unterminated string");
        out.add(cur.toString());
        return out;
    }

    /** The statement in {@code text}, or null if it is empty. */
    private static Statement statement(String text, String file, int line, LocalLabels locals) throws BadInput {
        String s = text.strip();
        List<String> labels = new ArrayList<>();
        while (true) {
            int n = 0;
            while (n < s.length() && (isSymbolPart(s.charAt(n)))) n++;
            if (n == 0 || n >= s.length() || s.charAt(n) != ':' || s.charAt(0) == '$') break;
            String label = s.substring(0, n);
            if (!isSymbolStart(label.charAt(0)) && !LocalLabels.isLocalLabel(label)) {
                throw new BadInput("bad label '" + label + "'");
            }
            labels.add(LocalLabels.isLocalLabel(label) ? locals.define(label) : label);
            s = s.substring(n + 1).strip();
        }
        if (s.isEmpty()) return labels.isEmpty() ? null : new Statement(file, line, labels, null, List.of(), "");
        int n = 0;
        while (n < s.length() && !Character.isWhitespace(s.charAt(n)) && s.charAt(n) != '=') n++;
        String name = s.substring(0, n);
        String rest = s.substring(n).strip();
        if (rest.startsWith("=") && !rest.startsWith("==")) {
            rest = name + ", " + rest.substring(1).strip();
            name = ".set";
        }
        name = name.toLowerCase(java.util.Locale.ROOT);
        if (!name.equals(".ascii") && !name.equals(".asciiz") && !name.equals(".string") && !name.equals(".include")) {
            rest = locals.rewrite(rest);
        }
        return new Statement(file, line, labels, name, splitOperands(rest), rest);
    }

    /** Splits at commas outside parentheses and quotes; an empty text has no operands. */
    static List<String> splitOperands(String s) throws BadInput {
        List<String> out = new ArrayList<>();
        if (s.isBlank()) return out;
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"') {
                quote = c;
            } else if (c == '\'') {
                i += (i + 1 < s.length() && s.charAt(i + 1) == '\\') ? 2 : 1;
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        for (String o : out) if (o.isEmpty()) throw new BadInput("empty operand in '" + s + "'");
        return out;
    }

    /**
     * Reads one possibly escaped character of a string or character literal at {@code pos}
     * ({@code \n \t \r \0 \\ \" \' \xHH}, octal {@code \NNN}), stores it in {@code out[0]} and
     * returns the position after it.
     */
    static int unescape(String s, int pos, int[] out) throws BadInput {
        char c = s.charAt(pos);
        if (c != '\\') { out[0] = c; return pos + 1; }
        if (pos + 1 >= s.length()) throw new BadInput("bad escape at end of '" + s + "'");
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'n': out[0] = '\n'; return pos;
            case 't': out[0] = '\t'; return pos;
            case 'r': out[0] = '\r'; return pos;
            case 'b': out[0] = '\b'; return pos;
            case 'f': out[0] = '\f'; return pos;
            case 'x': {
                int v = 0;
                int start = pos;
                while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) v = v * 16 + Character.digit(s.charAt(pos++), 16);
                if (pos == start) throw new BadInput("bad \\x escape in '" + s + "'");
                out[0] = v & 0xFF;
                return pos;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; k++) {
                        v = v * 8 + (s.charAt(pos++) - '0');
                    }
                    out[0] = v & 0xFF;
                    return pos;
                }
                out[0] = e;
                return pos;
        }
    }
}
