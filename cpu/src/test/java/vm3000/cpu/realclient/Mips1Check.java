package vm3000.cpu.realclient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * Checks that compiled code is pure MIPS-I as vm3000 runs it, over {@code objdump -d}: every
 * instruction word of every executable section is decoded with vm3000's own {@link Decoder}.
 * A word is rejected if the decoder does not know it (it would raise RI), if it is one of the
 * MIPS-161 extras a compiler for MIPS-I must not emit (LL, SC, SYNC, WAIT), if it is a
 * coprocessor 1..3 instruction (no FPU: it would raise CpU), or if it is a CP0 instruction
 * (privileged: a user program has no business with it).
 */
final class Mips1Check {
    private Mips1Check() {}

    /** "  80001000:	27bdffe0 	addiu	sp,sp,-32" */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+([0-9a-f]{8})\\s+(\\S+)");

    private static final Set<Op> NOT_MIPS_I = Set.of(Op.LL, Op.SC, Op.SYNC, Op.WAIT);

    /** One instruction of a disassembly: address, word, objdump's mnemonic. */
    record Insn(long address, int word, String mnemonic) {}

    static List<Insn> disassemble(CCorpus.Endian endian, Path file) {
        String text = Toolchain.check(List.of(endian.objdump(), "-d", file.toString()),
                file.getParent(), 60).out();
        List<Insn> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                out.add(new Insn(Long.parseLong(m.group(1), 16), (int) Long.parseLong(m.group(2), 16), m.group(3)));
            }
        }
        return out;
    }

    /** A description of every offending instruction of {@code file}; empty if it is all MIPS-I. */
    static List<String> violations(CCorpus.Endian endian, Path file) {
        List<Insn> insns = disassemble(endian, file);
        List<String> bad = new ArrayList<>();
        if (insns.isEmpty()) bad.add(file + ": objdump shows no instructions");
        for (Insn i : insns) {
            String why = reject(i.word());
            if (why != null) {
                bad.add(String.format("%s: 0x%08x: %08x %s: %s", file.getFileName(), i.address(), i.word(), i.mnemonic(), why));
            }
        }
        return bad;
    }

    /** Why {@code word} is not allowed in a MIPS-I user program, or null if it is. */
    static String reject(int word) {
        Op op = Decoder.decode(word);
        if (op == null) return "not in vm3000's instruction table";
        if (NOT_MIPS_I.contains(op)) return op.mnemonic() + " is not MIPS-I";
        if (op.has(Op.Flag.COPROCESSOR)) return "coprocessor " + op.coprocessor() + " instruction (no FPU)";
        if (op.has(Op.Flag.PRIVILEGED)) return "CP0 instruction in a user program";
        return null;
    }

    /** The set of mnemonics objdump shows for {@code file}. */
    static Set<String> mnemonics(CCorpus.Endian endian, Path file) {
        Set<String> out = new TreeSet<>();
        for (Insn i : disassemble(endian, file)) out.add(i.mnemonic());
        return out;
    }
}
