package vm3000.cpu.cp0;

/** Cause.ExcCode values (R3000 manual, "Exception Processing"; System/161 doc/mips.html). */
public final class ExcCode {
    private ExcCode() {}

    public static final int INT = 0;
    public static final int MOD = 1;
    public static final int TLBL = 2;
    public static final int TLBS = 3;
    public static final int ADEL = 4;
    public static final int ADES = 5;
    public static final int IBE = 6;
    public static final int DBE = 7;
    public static final int SYS = 8;
    public static final int BP = 9;
    public static final int RI = 10;
    public static final int CPU = 11;
    public static final int OV = 12;

    private static final String[] NAMES = {
        "Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE", "Sys", "Bp", "RI", "CpU", "Ov",
        "Exc13", "Exc14", "Exc15",
    };

    /** The manual's short name of {@code code}. */
    public static String name(int code) { return NAMES[code & 15]; }
}
