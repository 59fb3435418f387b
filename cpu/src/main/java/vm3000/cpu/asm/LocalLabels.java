package vm3000.cpu.asm;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU numeric local labels: {@code 1:} may be defined many times; {@code 1b} names the most recent
 * definition before the reference and {@code 1f} the next one after it. Each definition gets a
 * unique internal symbol name while the source is read, so the passes see ordinary symbols.
 */
final class LocalLabels {
    private static final String PREFIX = ".L$";
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.$])(\\d+)([bf])(?![\\w.$])");

    private final Map<String, Integer> defined = new HashMap<>();

    static boolean isLocalLabel(String label) {
        return !label.isEmpty() && label.chars().allMatch(Character::isDigit);
    }

    /** The internal name of a new definition of {@code label}. */
    String define(String label) {
        int n = defined.getOrDefault(label, 0);
        defined.put(label, n + 1);
        return PREFIX + label + "$" + n;
    }

    /** {@code text} with each {@code Nb}/{@code Nf} reference replaced by its internal name. */
    String rewrite(String text) throws BadInput {
        if (text.indexOf('b') < 0 && text.indexOf('f') < 0) return text;
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        // Quote state is carried from one reference to the next: rescanning from the start of the
        // line for each would make a line with many references quadratic.
        int scanned = 0;
        boolean quoted = false;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                char c = text.charAt(scanned);
                if (c == '\\') scanned++;
                else if (c == '"' || c == '\'') quoted = !quoted;
            }
            if (quoted) continue;
            String label = m.group(1);
            int n = defined.getOrDefault(label, 0);
            if (m.group(2).equals("b")) {
                if (n == 0) throw new BadInput("no local label " + label + " defined before " + label + "b");
                n--;
            }
            out.append(text, last, m.start()).append(PREFIX).append(label).append('$').append(n);
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** A symbol name as the user wrote it, for messages. */
    static String display(String name) {
        if (!name.startsWith(PREFIX)) return name;
        String body = name.substring(PREFIX.length());
        return body.substring(0, body.indexOf('$')) + " (local label)";
    }

    static boolean isInternal(String name) { return name.startsWith(PREFIX); }
}
