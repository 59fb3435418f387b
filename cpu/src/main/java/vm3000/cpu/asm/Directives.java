package vm3000.cpu.asm;

import java.util.List;
import java.util.Set;

/** The assembler directives: sections, data, alignment, symbols and {@code .set} modes. */
final class Directives {
    private Directives() {}

    /** Directives GNU as tools emit that carry nothing vm3000 needs. */
    private static final Set<String> IGNORED = Set.of(
            ".ent", ".end", ".type", ".size", ".file", ".frame", ".mask", ".fmask", ".ident",
            ".gnu_attribute", ".module", ".nan", ".insn", ".loc", ".abicalls", ".option", ".local",
            ".weak", ".hidden", ".previous", ".cprestore");

    static void assemble(Pass pass, Statement s) throws BadInput {
        String name = s.name();
        List<String> ops = s.operands();
        switch (name) {
            case ".text": case ".data": case ".rodata": case ".bss":
                pass.switchTo(name);
                return;
            case ".section": section(pass, ops); return;
            case ".word": case ".long": case ".int": data(pass, ops, 4); return;
            case ".half": case ".short": case ".hword": data(pass, ops, 2); return;
            case ".byte": data(pass, ops, 1); return;
            case ".ascii": strings(pass, ops, false); return;
            case ".asciiz": case ".string": strings(pass, ops, true); return;
            case ".space": case ".skip": space(pass, ops); return;
            case ".align": case ".p2align": align(pass, ops, true); return;
            case ".balign": align(pass, ops, false); return;
            case ".org": {
                count(name, ops, 1, 2);
                long at = pass.constant(ops.get(0));
                int fill = ops.size() > 1 ? (int) pass.constant(ops.get(1)) : 0;
                if (at < pass.section.size()) throw new BadInput(".org 0x" + Long.toHexString(at) + " moves backwards in " + pass.section.name);
                fill(pass, at - pass.section.size(), fill);
                return;
            }
            case ".globl": case ".global":
                for (String sym : ops) pass.globals.add(sym.trim());
                return;
            case ".equ": case ".equiv":
                count(name, ops, 2, 2);
                pass.defineEqu(ops.get(0), ops.get(1));
                return;
            case ".set": set(pass, ops); return;
            default:
                if (IGNORED.contains(name) || name.startsWith(".cfi_")) return;
                throw new BadInput("unknown directive '" + name + "'");
        }
    }

    private static void section(Pass pass, List<String> ops) throws BadInput {
        if (ops.isEmpty()) throw new BadInput(".section needs a name");
        String n = ops.get(0);
        String target;
        if (n.equals(".vectors")) target = ".vectors";
        else if (n.equals(".text") || n.startsWith(".text.")) target = ".text";
        else if (n.equals(".rodata") || n.startsWith(".rodata.")) target = ".rodata";
        else if (n.equals(".data") || n.startsWith(".data.") || n.equals(".sdata")) target = ".data";
        else if (n.equals(".bss") || n.startsWith(".bss.") || n.equals(".sbss")) target = ".bss";
        else throw new BadInput("unknown section '" + n + "' (use .vectors, .text, .rodata, .data or .bss)");
        pass.switchTo(target);
    }

    private static void data(Pass pass, List<String> ops, int size) throws BadInput {
        if (ops.isEmpty()) throw new BadInput("." + (size == 4 ? "word" : size == 2 ? "half" : "byte") + " needs a value");
        if (size > 1) pass.alignTo(size);
        for (String op : ops) {
            Expression.Result r = pass.eval(op);
            long v = r.value();
            if (pass.finalPass && size < 4) {
                long lo = -(1L << (size * 8 - 1));
                long hi = (1L << (size * 8)) - 1;
                if (v < lo || v > hi) throw new BadInput("value " + v + " does not fit in " + size * 8 + " bits");
            }
            if (size == 4) pass.section.putWord((int) v);
            else if (size == 2) pass.section.putHalf((int) v);
            else pass.section.putByte((int) v);
        }
        pass.emitted();
    }

    private static void strings(Pass pass, List<String> ops, boolean terminate) throws BadInput {
        for (String op : ops) {
            String t = op.trim();
            if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
                throw new BadInput("expected a string in double quotes, got '" + t + "'");
            }
            int[] c = new int[1];
            for (int i = 1; i < t.length() - 1; ) {
                i = Lexer.unescape(t, i, c);
                if (c[0] > 0xFF) {
                    for (byte b : new String(Character.toChars(c[0])).getBytes(java.nio.charset.StandardCharsets.UTF_8)) pass.section.putByte(b);
                } else {
                    pass.section.putByte(c[0]);
                }
            }
            if (terminate) pass.section.putByte(0);
        }
        pass.emitted();
    }

    private static void space(Pass pass, List<String> ops) throws BadInput {
        count(".space", ops, 1, 2);
        long n = pass.constant(ops.get(0));
        if (n < 0) throw new BadInput(".space with negative size " + n);
        int fill = ops.size() > 1 ? (int) pass.constant(ops.get(1)) : 0;
        fill(pass, n, fill);
    }

    private static void fill(Pass pass, long n, int fill) throws BadInput {
        if (fill != 0 && pass.section.nobits) throw new BadInput("nonzero fill in " + pass.section.name);
        pass.section.fill(n, fill);
        pass.emitted();
    }

    /** {@code .align n} and {@code .p2align n} align to 2^n bytes; {@code .balign n} to n bytes. */
    private static void align(Pass pass, List<String> ops, boolean powerOfTwo) throws BadInput {
        count(".align", ops, 1, 2);
        long n = pass.constant(ops.get(0));
        long bytes;
        if (powerOfTwo) {
            if (n < 0 || n > 16) throw new BadInput("alignment 2^" + n + " out of range (0..16)");
            bytes = 1L << n;
        } else {
            if (n <= 0 || n > 65536 || Long.bitCount(n) != 1) throw new BadInput("alignment " + n + " is not a power of two up to 65536");
            bytes = n;
        }
        int fill = ops.size() > 1 ? (int) pass.constant(ops.get(1)) : 0;
        pass.section.requireAlign((int) bytes);
        long target = (pass.section.size() + bytes - 1) & -bytes;
        fill(pass, target - pass.section.size(), fill);
    }

    private static void set(Pass pass, List<String> ops) throws BadInput {
        if (ops.size() == 2) {
            pass.defineEqu(ops.get(0), ops.get(1));
            return;
        }
        count(".set", ops, 1, 1);
        switch (ops.get(0)) {
            case "noreorder": pass.reorder = false; return;
            case "reorder": pass.reorder = true; return;
            case "noat": pass.at = false; return;
            case "at": pass.at = true; return;
            case "push": pass.pushMode(); return;
            case "pop": pass.popMode(); return;
            case "macro": case "nomacro": case "volatile": case "novolatile": case "mips1": case "mips2":
            case "mips32": case "nomips16": case "nomicromips": case "r3000": case "gp=32":
                return;
            default:
                throw new BadInput("unknown .set option '" + ops.get(0) + "'");
        }
    }

    private static void count(String name, List<String> ops, int min, int max) throws BadInput {
        if (ops.size() < min || ops.size() > max) {
            throw new BadInput(name + " takes " + (min == max ? min : min + " or " + max) + " operands, got " + ops.size());
        }
    }
}
