package org.splitscope.io.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;

/**
 * Chrome-trace JSON (a bare array of events, or an object with {@code traceEvents}) as ONNX
 * Runtime's and PyTorch's profilers write it; complete events ({@code "ph": "X"}) with {@code ts}
 * and {@code dur} in microseconds.
 * <ul>
 *   <li>ONNX Runtime: a layer is a {@code "cat": "Node"} event named {@code <node>_kernel_time}
 *       ({@code args.op_name} is its operator type); a run is a {@code "cat": "Session"} event
 *       named {@code model_run}.</li>
 *   <li>PyTorch ({@code export_chrome_trace}): a layer is a {@code record_function} label,
 *       {@code "cat": "user_annotation"}, named as the ONNX node it stands for; only the innermost
 *       labels of a thread count, so that nested labels are not counted twice; a run is a
 *       {@code ProfilerStep#N} event.</li>
 * </ul>
 * A layer belongs to the run whose span holds its start; its time is the mean over the runs
 * (a trace without run events is one run).
 */
public final class ChromeTraceProfile {
    private static final String KERNEL = "_kernel_time";
    private static final String STEP = "ProfilerStep#";

    /**
     * @param runs       for each run in time order, seconds per layer name
     * @param runSeconds for each run, its whole duration
     * @param order      layer names in the order they first ran, with the event that first named them
     */
    public record Runs(List<Map<String, Double>> runs, List<Double> runSeconds, Map<String, String> order) {
    }

    private record Event(int index, String layer, double ts, double dur, String tid) {
        double end() {
            return ts + dur;
        }
    }

    private ChromeTraceProfile() {
    }

    public static Loaded<Measurements> parse(String json) {
        Loaded<Runs> read = runs(json);
        if (!read.isOk()) {
            return Loaded.failed(read.problems(), read.warnings());
        }
        Runs r = read.value();
        int count = Math.max(1, r.runs().size());
        Map<String, Double> total = new HashMap<>();
        r.runs().forEach(run -> run.forEach((layer, s) -> total.merge(layer, s, Double::sum)));
        List<MeasuredLayer> layers = new ArrayList<>();
        r.order().forEach((layer, where) -> {
            if (total.containsKey(layer)) {
                layers.add(new MeasuredLayer(layer, where, total.get(layer) / count, List.of()));
            }
        });
        if (layers.isEmpty()) {
            return Loaded.failed("", "no layer event lies inside a run of the trace");
        }
        return Loaded.ok(new Measurements(layers, "Chrome trace (mean of " + count + " run" + (count == 1 ? "" : "s") + ")"),
                List.of());
    }

    /** Every run's layer times; an empty run list means the trace marks no runs and all its layers are one. */
    public static Loaded<Runs> runs(String json) {
        Loaded<JsonNode> tree = MeasureText.json(json, "the trace");
        if (!tree.isOk()) {
            return Loaded.failed(tree.problems(), tree.warnings());
        }
        JsonNode events = tree.value().isObject() ? tree.value().get("traceEvents") : tree.value();
        if (events == null || !events.isArray()) {
            return Loaded.failed("", "a Chrome trace is a JSON array of events, or an object with a \"traceEvents\" array");
        }
        List<Problem> problems = new ArrayList<>();
        List<Event> runs = new ArrayList<>();
        List<Event> ort = new ArrayList<>();
        List<Event> labels = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String name = e.path("name").asText("");
            String cat = e.path("cat").asText("");
            boolean run = "Session".equals(cat) && "model_run".equals(name) || name.startsWith(STEP);
            boolean kernel = "Node".equals(cat) && name.endsWith(KERNEL) && name.length() > KERNEL.length();
            boolean label = "user_annotation".equals(cat) && !name.startsWith(STEP);
            if (!run && !kernel && !label || !"X".equals(e.path("ph").asText("X"))) {
                continue;
            }
            String where = "event " + (i + 1);
            JsonNode ts = e.get("ts");
            Double dur = MeasureText.nonNegative(e.get("dur"));
            if (ts == null || !ts.isNumber() || !Double.isFinite(ts.asDouble()) || dur == null) {
                problems.add(new Problem(where, InputFiles.quote(name) + ": \"ts\" must be a number and \"dur\" "
                        + "microseconds >= 0"));
                continue;
            }
            String layer = kernel ? name.substring(0, name.length() - KERNEL.length()) : name;
            Event ev = new Event(i, layer, ts.asDouble(), dur, e.path("tid").asText(""));
            (run ? runs : kernel ? ort : labels).add(ev);
        }
        if (!problems.isEmpty()) {
            return Loaded.failed(problems, List.of());
        }
        List<Event> layers = ort.isEmpty() ? innermost(labels) : ort;
        if (layers.isEmpty()) {
            return Loaded.failed("", "the trace holds no layer events: neither ONNX Runtime node events (\"cat\": \"Node\", "
                    + "named <node>_kernel_time) nor PyTorch record_function labels (\"cat\": \"user_annotation\")");
        }
        runs.sort(Comparator.comparingDouble(Event::ts));
        layers.sort(Comparator.comparingDouble(Event::ts));
        List<Map<String, Double>> times = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (Event run : runs) {
            times.add(new HashMap<>());
            seconds.add(run.dur() / 1e6);
        }
        Map<String, String> order = new LinkedHashMap<>();
        Map<String, Double> single = new HashMap<>();
        int run = 0; // layers and runs are both in time order: the run holding a layer only moves forward
        for (Event l : layers) {
            if (runs.isEmpty()) {
                single.merge(l.layer(), l.dur(), Double::sum);
            } else {
                while (run < runs.size() && runs.get(run).end() < l.ts()) {
                    run++;
                }
                if (run == runs.size() || l.ts() < runs.get(run).ts()) {
                    continue; // between runs (warm-up or session work): no run's time
                }
                times.get(run).merge(l.layer(), l.dur(), Double::sum);
            }
            order.putIfAbsent(l.layer(), "event " + (l.index() + 1));
        }
        if (runs.isEmpty()) {
            times.add(single);
        }
        // summed in microseconds, as the trace counts them, and only then made seconds
        List<Map<String, Double>> inSeconds = new ArrayList<>();
        for (Map<String, Double> perRun : times) {
            Map<String, Double> s = new HashMap<>();
            perRun.forEach((layer, us) -> s.put(layer, us / 1e6));
            inSeconds.add(s);
        }
        return Loaded.ok(new Runs(inSeconds, seconds, order), List.of());
    }

    /** The labels that hold no other label of their thread (labels nest like calls). */
    private static List<Event> innermost(List<Event> labels) {
        List<Event> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing(Event::tid).thenComparingDouble(Event::ts).thenComparing(Comparator.comparingDouble(Event::dur).reversed()));
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            boolean holdsNext = i + 1 < sorted.size() && sorted.get(i + 1).tid().equals(e.tid())
                    && sorted.get(i + 1).ts() < e.end();
            if (!holdsNext) {
                out.add(e);
            }
        }
        return out;
    }
}
