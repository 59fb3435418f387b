package vm3000.cpu.realclient;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Computes each value once per test run, even when concurrent tests ask for it at the same time:
 * the first caller computes, the others wait for that result. Unlike
 * {@code ConcurrentHashMap.computeIfAbsent}, a long computation does not block callers that
 * want other keys.
 */
final class Memo<V> {
    private final ConcurrentHashMap<String, FutureTask<V>> values = new ConcurrentHashMap<>();

    V get(String key, Supplier<V> compute) {
        FutureTask<V> task = new FutureTask<>(compute::get);
        FutureTask<V> existing = values.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + key, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new AssertionError(cause);
        }
    }
}
