package vm3000.bench.matrix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code results.json}: what ran and where, the cost model, the skipped workloads, every cell
 * (its times, its verdict, every counter of its runs, and the report's figures derived from
 * them) and, under {@code "jmh"}, JMH's own JSON of every timed run, as JMH writes it.
 */
final class ResultsJson {
    private ResultsJson() {}

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    static String write(Report r, Matrix.Settings s, List<String[]> skipped, String jmhJson, Instant start, Duration took) {
        JsonObject root = new JsonObject();
        root.addProperty("command", s.command());
        root.addProperty("started", start.toString());
        root.addProperty("seconds", took.toMillis() / 1000.0);
        root.addProperty("machine", Host.describe());
        root.addProperty("quick", s.quick());
        JsonObject model = new JsonObject();
        model.addProperty("entryCycles", r.model().entry());
        model.addProperty("interpretedCycles", r.model().interp());
        root.add("costModel", model);
        JsonArray skip = new JsonArray();
        for (String[] k : skipped) {
            JsonObject o = new JsonObject();
            o.addProperty("workload", k[0]);
            o.addProperty("reason", k[1]);
            skip.add(o);
        }
        root.add("skipped", skip);
        JsonArray cells = new JsonArray();
        for (Cell c : r.cells()) {
            JsonObject o = GSON.toJsonTree(c).getAsJsonObject();
            o.addProperty("equivalent", c.excluded() == null);
            JsonObject d = new JsonObject();
            d.addProperty("nsPerOperation", Report.nsPerOp(c));
            d.addProperty("slowdown", r.slowdown(c));
            d.addProperty("slowdownSpread", r.slowdownSpread(c));
            d.addProperty("modelledCyclesPerOperation", r.modelledPerOp(c));
            d.addProperty("modelledSlowdown", r.modelledSlowdown(c));
            d.add("entriesPerOperationByLevel", GSON.toJsonTree(Report.entriesPerOp(c)));
            List<Map<String, Double>> causes = Report.entriesPerOpByCause(c);
            d.add("entriesPerOperationByCause", GSON.toJsonTree(causes));
            o.add("derived", d);
            cells.add(o);
        }
        root.add("cells", cells);
        JsonElement jmh = jmhJson.isBlank() ? new JsonArray() : JsonParser.parseString(jmhJson);
        root.add("jmh", jmh);
        return GSON.toJson(root) + "\n";
    }
}
