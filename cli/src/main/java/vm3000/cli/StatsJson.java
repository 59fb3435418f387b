package vm3000.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.GsonBuilder;

import vm3000.cpu.BadInputException;
import vm3000.cpu.OutputFiles;
import vm3000.cpu.bus.PowerState;

/**
 * {@code --stats-json FILE}: every counter {@code --stats} prints, by name, for a tool to read,
 * plus how the run ended and the host's wall time. The counters are deterministic; only the
 * {@code host} object ({@code wall_seconds}, {@code guest_mips}) depends on the host.
 */
final class StatsJson {
    private StatsJson() {}

    /** How one machine or VM ended, as the exit status reports it. */
    static Map<String, Object> outcome(PowerState p, int status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", p.reason().name().toLowerCase(java.util.Locale.ROOT));
        if (p.reason() == PowerState.Reason.POWER_OFF) m.put("guest_code", p.exitCode());
        m.put("exit_status", status);
        m.put("message", p.message());
        return m;
    }

    /** The host's side: wall time of the run and guest cycles per second, in millions. */
    static Map<String, Object> host(long wallNanos, long guestCycles) {
        Map<String, Object> m = new LinkedHashMap<>();
        double seconds = wallNanos / 1e9;
        m.put("wall_seconds", seconds);
        m.put("guest_mips", seconds > 0 ? guestCycles / seconds / 1e6 : 0.0);
        return m;
    }

    /** The one-line text form of {@link #host}, which {@code --stats} prints last. */
    static String hostLine(long wallNanos, long guestCycles) {
        Map<String, Object> h = host(wallNanos, guestCycles);
        return String.format(java.util.Locale.ROOT, "host time: %.3f s, %.1f M guest cycles/s%n", h.get("wall_seconds"),
                h.get("guest_mips"));
    }

    /** Writes {@code doc} to {@code file}, whole or not at all. */
    static void write(Path file, Map<String, Object> doc) throws BadInputException {
        String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(doc) + "\n";
        try {
            OutputFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw BadInputException.in(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
