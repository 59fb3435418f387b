package vm3000.bench.matrix;

import java.util.List;

import vm3000.cpu.boot.Boot;
import vm3000.cpu.elf.ElfFile;

/** What one run boots: an image, its boot arguments, its boot modules and the RAM it is given. */
public record Guest(String name, ElfFile elf, String args, List<Boot.Module> modules, int ram) {}
