package vm3000.labs;

/**
 * A student's model of exit multiplication (exercises 5 and 6 of the course labs): how many
 * times each monitor of a stack is entered for one operation of the guest, for a stack of
 * {@code depth} monitors. Levels are numbered as {@code --stats} numbers them: level 0 is the
 * monitor on the machine itself, level k the one in the VM of level k-1, and level
 * {@code depth - 1} the top one, whose VM runs the guest.
 */
public interface ExitModel {
    /** Entries of the trap-and-emulate VMM at {@code level} (0..depth-1) for one {@code op} (exercise 5). */
    long trapAndEmulate(GuestOperation op, int depth, int level);

    /** Entries of the RMR VMM at {@code level} (0..depth-1) for one {@code op} (exercise 6). */
    long rmr(GuestOperation op, int depth, int level);
}
