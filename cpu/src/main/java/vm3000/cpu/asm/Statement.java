package vm3000.cpu.asm;

import java.util.List;

/**
 * One statement of the source: the file and line it is on (an included file's own, for
 * messages), the labels defined before it and, unless it is only labels, a mnemonic or
 * directive name (lower case) with its comma-separated operands.
 */
record Statement(String file, int line, List<String> labels, String name, List<String> operands, String rest) {
    boolean isDirective() { return name != null && name.startsWith("."); }
}
