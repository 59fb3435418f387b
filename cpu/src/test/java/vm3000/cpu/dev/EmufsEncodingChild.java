package vm3000.cpu.dev;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An emufs card in a JVM of its own, for EmufsTest to start under another locale: on the root
 * given as its argument, prints the JVM's file name encoding, the UTF-8 bytes of the root's third
 * entry (its one name) in hex, and the result of opening the name "é".
 */
final class EmufsEncodingChild {
    private EmufsEncodingChild() {}

    public static void main(String[] args) {
        TestBoard b = new TestBoard();
        Emufs card = new Emufs(b.slot(2), Path.of(args[0]));
        System.out.println(System.getProperty("sun.jnu.encoding"));
        card.write(Emufs.OFFSET, 2);
        card.write(Emufs.IOLEN, 255);
        StringBuilder hex = new StringBuilder();
        if (run(b, card, Emufs.OP_READDIR) == Emufs.RES_SUCCESS) {
            for (int i = 0; i < card.read(Emufs.IOLEN); i++) {
                hex.append(String.format("%02x", (card.read(Emufs.BUFFER + (i & ~3)) >>> ((3 - (i & 3)) * 8)) & 0xff));
            }
        }
        System.out.println(hex);
        byte[] name = "é".getBytes(StandardCharsets.UTF_8);
        card.write(Emufs.BUFFER, (name[0] & 0xff) << 24 | (name[1] & 0xff) << 16);
        card.write(Emufs.HANDLE, 0);
        card.write(Emufs.IOLEN, name.length);
        System.out.println(run(b, card, Emufs.OP_OPEN));
        card.close();
    }

    private static int run(TestBoard b, Emufs card, int op) {
        card.write(Emufs.OPER, op);
        b.runTo(b.clock.now() + Emufs.OP_TICKS);
        int res = (int) card.read(Emufs.RESULT);
        card.write(Emufs.RESULT, 0);
        return res;
    }
}
