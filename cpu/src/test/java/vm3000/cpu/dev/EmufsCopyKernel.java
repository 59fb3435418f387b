package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.elf.ElfFile;

/**
 * The emufs test kernel ({@code emufs/copy.s}) and the host directory it runs on: {@code root/}
 * with {@code in.txt} (20000 bytes), {@code trunc.txt} and {@code sub/}, and {@code secret} beside
 * the root, which the kernel tries to reach with '..'. Shared by the bare and the VMM tests.
 */
public final class EmufsCopyKernel {
    public static final String SOURCE = "emufs/copy.s";
    public static final int IN_SIZE = 20000;
    private static final String TRUNC = "truncate me to five bytes";

    private EmufsCopyKernel() {}

    public static ElfFile elf() throws IOException, BadInputException {
        ClassLoader loader = EmufsCopyKernel.class.getClassLoader();
        String text;
        try (InputStream in = loader.getResourceAsStream(SOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.classpath(loader, List.of()));
        return ElfFile.parse(Assembler.assembleElf(text, SOURCE, asm), "copy.s");
    }

    /** The transcript the kernel prints: its golden file. */
    public static String expected() throws IOException {
        try (InputStream in = EmufsCopyKernel.class.getClassLoader().getResourceAsStream("emufs/copy.expected")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Makes {@code dir}/root and {@code dir}/secret; the root. */
    public static Path populate(Path dir) throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.write(root.resolve("in.txt"), input());
        Files.writeString(root.resolve("trunc.txt"), TRUNC);
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(dir.resolve("secret"), "secret");
        return root;
    }

    /** A configuration with System/161's sample cards and an emufs card on {@code root} in slot 2. */
    public static Sys161Config config(Path root, int ramSize) throws BadInputException {
        return Sys161Config.parse("emufs.conf", "0 serial\n2 emufs dir=" + root + "\n28 random\n29 timer\n30 trace\n"
                + "31 mainboard ramsize=" + ramSize + "\n");
    }

    /** Checks what the kernel left on the host under {@code dir}. */
    public static void checkHost(Path dir) throws IOException {
        Path root = dir.resolve("root");
        assertArrayEquals(input(), Files.readAllBytes(root.resolve("out.txt")), "out.txt is a copy of in.txt");
        assertArrayEquals(input(), Files.readAllBytes(root.resolve("in.txt")), "in.txt unchanged");
        assertEquals(TRUNC.substring(0, 5), Files.readString(root.resolve("trunc.txt")));
        assertEquals("secret", Files.readString(dir.resolve("secret")));
        try (var files = Files.list(root)) {
            assertEquals(List.of("in.txt", "out.txt", "sub", "trunc.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** in.txt: every byte value, in an order that a lost or repeated chunk would show. */
    static byte[] input() {
        byte[] b = new byte[IN_SIZE];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 7 + (i >> 8));
        return b;
    }
}
