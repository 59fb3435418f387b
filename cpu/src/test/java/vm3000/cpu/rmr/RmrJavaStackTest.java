package vm3000.cpu.rmr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

class RmrJavaStackTest {
    static final String HELLO = String.join("\n",
            ".set noreorder", ".text", ".globl __start", "__start:",
            "  li $t0, 0xbfe00000", "  la $a0, msg",
            "1: lbu $t2, 0($a0)", "  beqz $t2, 3f", "  addiu $a0, $a0, 1", "  sw $t2, 0($t0)",
            "2: lw $t1, 4($t0)", "  andi $t1, $t1, 2", "  beqz $t1, 2b", "  nop", "  b 1b", "  sw $zero, 4($t0)",
            "3: li $t0, 0xbffe001c", "  li $t1, 7", "  sw $t1, 0($t0)", "4: b 4b", "  nop",
            ".rodata", "msg: .asciiz \"hi there\\n\"", "");

    @Test
    void javaMonitor_bootsKernelAtLevel1_sameTranscriptAsBare() throws Exception {
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(HELLO, "hello.s", Assembler.Options.defaults()), "hello.s");
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        Machine b = Boot.machine(MachineOptions.defaults().withRam(1 << 20).withConsole(bare)
                .withMessages(new PrintStream(OutputStream.nullOutputStream())), Sys161Config.defaults(1 << 20));
        Boot.load(b, elf, "");
        PowerState pb = b.run(10_000_000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine m = Boot.machine(MachineOptions.defaults().withRam(4 << 20).withRmrLevels(2)
                .withMessages(new PrintStream(OutputStream.nullOutputStream())), Sys161Config.defaults(4 << 20));
        ConsoleMonitor mon = new ConsoleMonitor(1 << 20, 1 << 20, elf, "", out);
        m.rmr().install(mon);
        PowerState p = m.run(10_000_000);
        assertEquals(pb.exitCode(), p.exitCode(), p.message());
        assertEquals(bare.toString(StandardCharsets.ISO_8859_1), out.toString(StandardCharsets.ISO_8859_1));
        assertEquals(b.counters().report(), m.rmr().level(1).counters().report());
        assertEquals(b.cp0().cycles(), m.rmr().level(1).cp0().cycles());
    }
}
