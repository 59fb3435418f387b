package vm3000.cpu.dev;

/**
 * A second vm3000 process holding a disk image, for DiskTest: opens the image given as its
 * argument as a disk does, says "open" on standard output, and lets go when its standard input
 * ends.
 */
final class DiskLockHolder {
    private DiskLockHolder() {}

    public static void main(String[] args) throws Exception {
        try (DiskImage image = DiskImage.open(java.nio.file.Path.of(args[0]), 0, false)) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
