package vm3000.cpu.profile;

/**
 * Where one sample found the CPU: an address in the link map of one of the profiled programs
 * ({@link Attribution}), and the mode it ran in. {@code image} indexes the programs, the kernel
 * first; {@link #UNKNOWN} is code of no known program, at its virtual address.
 */
record Site(int image, int address, boolean user) {
    static final int KERNEL = 0;
    static final int UNKNOWN = -1;
}
