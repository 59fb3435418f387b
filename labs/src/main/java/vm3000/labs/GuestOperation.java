package vm3000.labs;

/**
 * One operation of a guest whose monitor entries exercises 5 and 6 count: each is measured as
 * the difference between a run of a kernel with twice the base amount of it and a run with the
 * base amount, so that boot and power-off cancel out, divided by the number of operations that
 * makes.
 */
public enum GuestOperation {
    SYSCALL("one system call from user mode (a round trip: `syscall`, the handler, `rfe`)", "syscall", 10, 1),
    CP0_MOVE("one MFC0 or MTC0 of the guest kernel (the `cp0` kernel's loop: two of each)", "cp0", 10, 4),
    TIMER_INTERRUPT("one timer interrupt taken and handled (the `interrupt` kernel's handler: "
            + "mfc0 Cause, mfc0 Count, mtc0 Compare, mfc0 EPC, rfe)", "interrupt", 10, 1),
    DEVICE_LOAD("one load of a device register by the guest kernel (`lab6`'s counted loads)", "lab6", 10, 1);

    private final String description;
    private final String kernel;
    private final int base;
    private final int perIteration;

    GuestOperation(String description, String kernel, int base, int perIteration) {
        this.description = description;
        this.kernel = kernel;
        this.base = base;
        this.perIteration = perIteration;
    }

    public String description() { return description; }

    /** The kernel that repeats it as many times as the first number of its boot arguments says. */
    public String kernel() { return kernel; }

    /** The base amount: the kernel's iterations in the shorter run; the longer has twice as many. */
    public int base() { return base; }

    /** How many of the operation one iteration of the kernel does. */
    public int perIteration() { return perIteration; }

    /** How many more of the operation the longer run does than the shorter. */
    public long difference() { return (long) base * perIteration; }
}
