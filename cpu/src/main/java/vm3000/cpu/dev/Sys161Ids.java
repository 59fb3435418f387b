package vm3000.cpu.dev;

/**
 * LAMEbus identification of the System/161 cards (System/161 doc/devices.html and
 * doc/lamebus.html). Every card here has vendor id 1, "System/161 Development Team".
 */
public final class Sys161Ids {
    private Sys161Ids() {}

    public static final int VENDOR = 1;

    public static final int OLD_MAINBOARD = 1;
    public static final int TIMER = 2;
    public static final int DISK = 3;
    public static final int SERIAL = 4;
    public static final int SCREEN = 5;
    public static final int NIC = 6;
    public static final int EMUFS = 7;
    public static final int TRACE = 8;
    public static final int RANDOM = 9;
    public static final int MAINBOARD = 10;

    /** Device revision levels, as System/161 2.0.x reports them. */
    public static final int OLD_MAINBOARD_REVISION = 2;
    public static final int MAINBOARD_REVISION = 1;
    public static final int TIMER_REVISION = 1;
    public static final int DISK_REVISION = 2;
    public static final int SERIAL_REVISION = 1;
    public static final int TRACE_REVISION = 3;
    public static final int RANDOM_REVISION = 1;
    public static final int EMUFS_REVISION = 1;
}
