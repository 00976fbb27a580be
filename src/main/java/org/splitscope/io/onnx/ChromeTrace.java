package org.splitscope.io.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.io.Json;

/**
 * The per-node times of an ONNX Runtime profile, a Chrome-trace JSON array of events. Each run
 * of the model is a {@code Session} event named {@code model_run}; each kernel a {@code Node}
 * event named {@code <node>_kernel_time}; {@code ts} and {@code dur} are microseconds. A kernel
 * belongs to the run whose time span holds its start.
 */
final class ChromeTrace {
    private static final String KERNEL = "_kernel_time";

    /**
     * @param runs       for each run in time order, seconds per node name
     * @param runSeconds for each run, its whole duration (kernels plus the runtime's own work)
     */
    record Runs(List<Map<String, Double>> runs, List<Double> runSeconds) {
    }

    private ChromeTrace() {
    }

    static Runs parse(String json) throws IOException {
        JsonNode events = Json.mapper().readTree(json);
        if (events == null || !events.isArray()) {
            throw new IOException("an ONNX Runtime profile is a JSON array of events");
        }
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode e : events) {
            if ("Session".equals(e.path("cat").asText()) && "model_run".equals(e.path("name").asText())) {
                runs.add(e);
            }
        }
        runs.sort(Comparator.comparingLong(e -> e.path("ts").asLong()));
        List<Map<String, Long>> micros = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (JsonNode run : runs) {
            micros.add(new HashMap<>());
            seconds.add(run.path("dur").asLong() / 1e6);
        }
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if (!"Node".equals(e.path("cat").asText()) || !name.endsWith(KERNEL)) {
                continue;
            }
            int run = runHolding(runs, e.path("ts").asLong());
            if (run >= 0) {
                micros.get(run).merge(name.substring(0, name.length() - KERNEL.length()), e.path("dur").asLong(), Long::sum);
            }
        }
        List<Map<String, Double>> times = new ArrayList<>();
        for (Map<String, Long> run : micros) {
            Map<String, Double> s = new HashMap<>();
            run.forEach((node, us) -> s.put(node, us / 1e6));
            times.add(s);
        }
        return new Runs(times, seconds);
    }

    private static int runHolding(List<JsonNode> runs, long ts) {
        for (int i = 0; i < runs.size(); i++) {
            long start = runs.get(i).path("ts").asLong();
            if (ts >= start && ts <= start + runs.get(i).path("dur").asLong()) {
                return i;
            }
        }
        return -1;
    }
}
