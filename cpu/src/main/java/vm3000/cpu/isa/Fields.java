package vm3000.cpu.isa;

/** Field extraction for the R3000 instruction formats (R3000 manual, "Instruction Formats"). */
public final class Fields {
    private Fields() {}

    public static int rs(int w) { return (w >>> 21) & 31; }
    public static int rt(int w) { return (w >>> 16) & 31; }
    public static int rd(int w) { return (w >>> 11) & 31; }
    public static int sa(int w) { return (w >>> 6) & 31; }
    public static int simm(int w) { return (short) w; }
    public static int uimm(int w) { return w & 0xFFFF; }
    public static int target(int w) { return w & 0x03FFFFFF; }
    public static int sel(int w) { return w & 7; }
    public static int code20(int w) { return (w >>> 6) & 0xFFFFF; }

    /** Branch target of a PC-relative branch at {@code pc}: relative to the delay slot. */
    public static int branchTarget(int pc, int w) { return pc + 4 + (simm(w) << 2); }

    /** Jump target of J/JAL at {@code pc}: the delay slot's top four bits and the 26-bit index. */
    public static int jumpTarget(int pc, int w) { return ((pc + 4) & 0xF0000000) | (target(w) << 2); }
}
