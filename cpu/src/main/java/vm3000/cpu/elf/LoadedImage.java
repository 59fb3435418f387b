package vm3000.cpu.elf;

/**
 * What {@link ElfLoader} put in RAM: the entry point (a virtual address) and the physical address
 * just past the highest byte loaded, where free memory starts.
 */
public record LoadedImage(int entry, int end) {}
