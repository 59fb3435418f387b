package vm3000.vmm.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Time-sharing, as VM/370 ran many CMS: the VMs take turns, round robin, a time slice each,
 * measured in the VM's own time. A VM that has stopped is left out; the run ends when none is left.
 */
public final class RoundRobin<T> {
    private final List<T> ready = new ArrayList<>();
    private final Predicate<T> running;

    public RoundRobin(Predicate<T> running) { this.running = running; }

    public void add(T vm) { ready.add(vm); }

    /** The next VM to run, or null when every VM has stopped. */
    public T next() {
        ready.removeIf(vm -> !running.test(vm));
        if (ready.isEmpty()) return null;
        T vm = ready.remove(0);
        ready.add(vm);
        return vm;
    }

    /** How many VMs are still running. */
    public int running() {
        ready.removeIf(vm -> !running.test(vm));
        return ready.size();
    }
}
