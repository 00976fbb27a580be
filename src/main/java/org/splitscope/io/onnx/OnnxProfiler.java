package org.splitscope.io.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.ChromeTraceProfile;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.Unit;

/**
 * Times an imported model on this machine with ONNX Runtime's profiler (CPU): warm-up runs, then
 * timed runs; every kernel's time is added to the unit holding its node, and each unit's latency
 * is its median over the timed runs, stored under a device class named after this CPU. The
 * graph runs unoptimized, so that kernels map 1:1 onto the file's nodes (fusions would hide
 * them); unnamed nodes get the names the import report uses. Nodes computed from weights alone
 * also run in an unoptimized session; they belong to no unit and are left out.
 *
 * <p>The profiler itself slows every node down (it records an event per kernel: here the
 * classifier fixture's kernels add up to 5.7 ms profiled against a 3.5 ms run without it), so the
 * same number of runs is then timed without it, and every unit's median is scaled by the ratio
 * of that median run to the sum of the unit medians: the units keep their measured shares and
 * add up to what the model really takes here, which is what a stage deployed from it runs at.
 */
public final class OnnxProfiler {
    /** The share of the progress bar for the profiled runs; the unprofiled runs take the rest. */
    private static final double PROFILED_SHARE = 0.6;

    private OnnxProfiler() {
    }

    /**
     * @param progress  told the share of runs done, from 0 to 1, after each run
     * @param cancelled asked before each run; once true, profiling stops and reports so
     */
    public static Loaded<ProfiledModel> profile(Path file, ImportOptions options, ProfileOptions timing,
                                                DoubleConsumer progress, BooleanSupplier cancelled) {
        Loaded<OnnxImport> imported = OnnxImporter.importModel(file, options);
        if (!imported.isOk()) {
            return Loaded.failed(imported.problems(), imported.warnings());
        }
        ImportReport report = imported.value().report();
        ModelProto model = OnnxModelReader.read(file, options.maxBytes()).orElseThrow(); // read once already
        ChromeTraceProfile.Runs trace;
        double[] plain = null;
        try {
            byte[] bytes = timingModel(model, report.inputShapes());
            trace = run(bytes, report.inputShapes().keySet(), timing, share -> progress.accept(PROFILED_SHARE * share),
                    cancelled);
            if (trace != null) {
                plain = unprofiledRuns(bytes, report.inputShapes().keySet(), timing,
                        share -> progress.accept(PROFILED_SHARE + (1 - PROFILED_SHARE) * share), cancelled);
            }
        } catch (OrtException | IOException e) {
            return Loaded.failed(List.of(new Problem("", "ONNX Runtime could not time the model: " + e.getMessage())),
                    imported.warnings());
        }
        if (trace == null || plain == null) {
            return Loaded.failed(List.of(new Problem("", "profiling was cancelled")), imported.warnings());
        }
        List<Map<String, Double>> timed = trace.runs().subList(trace.runs().size() - timing.runs(), trace.runs().size());
        String deviceClass = CpuName.deviceClass(timing.threads());
        List<UnitTiming> units = new ArrayList<>();
        Set<String> unmeasured = new LinkedHashSet<>();
        for (List<String> nodes : report.unitNodes()) {
            double[] seconds = new double[timed.size()];
            for (int r = 0; r < seconds.length; r++) {
                for (String node : nodes) {
                    Double s = timed.get(r).get(node);
                    seconds[r] += s == null ? 0 : s;
                    if (s == null) {
                        unmeasured.add(node);
                    }
                }
            }
            Arrays.sort(seconds);
            units.add(new UnitTiming(median(seconds), seconds[0], seconds[seconds.length - 1]));
        }
        List<Problem> warnings = new ArrayList<>(imported.warnings());
        if (!unmeasured.isEmpty()) {
            warnings.add(new Problem("", unmeasured.size() + " nodes reported no kernel time (the first: '"
                    + unmeasured.iterator().next() + "'); their units count 0 seconds for them"));
        }
        double[] whole = trace.runSeconds().subList(trace.runSeconds().size() - timing.runs(), trace.runSeconds().size())
                .stream().mapToDouble(Double::doubleValue).sorted().toArray();
        TimingReport times = new TimingReport(deviceClass, timing.runs(), units, median(whole), median(plain),
                List.copyOf(unmeasured));
        return Loaded.ok(new ProfiledModel(new OnnxImport(withLatencies(imported.value().profile(), times, timing),
                report), times), warnings);
    }

    /**
     * The sorted seconds of whole runs without the profiler, in a session set up as the profiled
     * one and as the testbed's workers (unoptimized, same threads), or {@code null} when cancelled.
     */
    private static double[] unprofiledRuns(byte[] model, Set<String> inputNames, ProfileOptions timing,
                                           DoubleConsumer progress, BooleanSupplier cancelled) throws OrtException {
        Runs runs = runs(model, inputNames, timing, null, progress, cancelled);
        return runs == null ? null : runs.seconds();
    }

    /** The wall-clock seconds of the timed runs, sorted, and the profiler's trace file if one was asked for. */
    private record Runs(double[] seconds, String traceFile) {
    }

    /**
     * Warm-up and timed runs on the model's pinned inputs, or {@code null} when cancelled.
     *
     * @param profilePrefix where ONNX Runtime writes its trace, {@code null} to run without the profiler
     */
    private static Runs runs(byte[] model, Set<String> inputNames, ProfileOptions timing, Path profilePrefix,
                             DoubleConsumer progress, BooleanSupplier cancelled) throws OrtException {
        OrtEnvironment env = OrtRuntime.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession.SessionOptions options = OrtRuntime.sessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(timing.threads());
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix.toString());
            }
            try (OrtSession session = env.createSession(model, options)) {
                for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                    if (inputNames.contains(e.getKey())) {
                        inputs.put(e.getKey(), InputTensors.filled(env, (TensorInfo) e.getValue().getInfo(), 1));
                    }
                }
                int total = timing.warmUp() + timing.runs();
                double[] seconds = new double[timing.runs()];
                for (int i = 0; i < total; i++) {
                    if (cancelled.getAsBoolean()) {
                        if (profilePrefix != null) {
                            session.endProfiling();
                        }
                        return null;
                    }
                    long start = System.nanoTime();
                    session.run(inputs).close();
                    if (i >= timing.warmUp()) {
                        seconds[i - timing.warmUp()] = (System.nanoTime() - start) / 1e9;
                    }
                    progress.accept((i + 1) / (double) total);
                }
                Arrays.sort(seconds);
                return new Runs(seconds, profilePrefix == null ? null : session.endProfiling());
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The model with pinned inputs and every node named, as the session runs it. */
    private static byte[] timingModel(ModelProto model, Map<String, long[]> pinned) {
        GraphProto.Builder g = model.getGraph().toBuilder();
        for (int i = 0; i < g.getInputCount(); i++) {
            long[] dims = pinned.get(g.getInput(i).getName());
            if (dims != null) {
                g.setInput(i, InputShapes.withDims(g.getInput(i), dims));
            }
        }
        for (int i = 0; i < g.getNodeCount(); i++) {
            g.setNode(i, g.getNode(i).toBuilder().setName(OnnxGraph.displayName(g.getNode(i))));
        }
        return model.toBuilder().setGraph(g).build().toByteArray();
    }

    /** Every run's kernel times, or {@code null} when cancelled. */
    private static ChromeTraceProfile.Runs run(byte[] model, Set<String> inputNames, ProfileOptions timing,
                                        DoubleConsumer progress, BooleanSupplier cancelled)
            throws OrtException, IOException {
        Path dir = Files.createTempDirectory("splitscope-profile");
        try {
            Runs made = runs(model, inputNames, timing, dir.resolve("onnxruntime"), progress, cancelled);
            if (made == null) {
                return null;
            }
            Loaded<ChromeTraceProfile.Runs> read = ChromeTraceProfile.runs(Files.readString(Path.of(made.traceFile())));
            if (!read.isOk()) {
                throw new IOException("its profile cannot be read: " + read.problems().get(0).message());
            }
            ChromeTraceProfile.Runs runs = read.value();
            int total = timing.warmUp() + timing.runs();
            if (runs.runs().size() != total) {
                throw new IOException("the profile holds " + runs.runs().size() + " runs, " + total + " were made");
            }
            return runs;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static ModelProfile withLatencies(ModelProfile p, TimingReport times, ProfileOptions timing) {
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < p.unitCount(); u++) {
            Unit unit = p.units().get(u);
            Map<String, Double> latency = new HashMap<>(unit.latencySeconds());
            latency.put(times.deviceClass(), times.units().get(u).median() * times.scale());
            units.add(unit.withLatencySeconds(latency));
        }
        return new ModelProfile(p.name(), p.description() + " Latencies on '" + times.deviceClass() + "': medians of "
                + timing.runs() + " runs after " + timing.warmUp() + " warm-up runs, ONNX Runtime CPU, "
                + timing.threads() + " thread(s), unoptimized graph, scaled by " + String.format(Locale.ROOT, "%.3f",
                times.scale()) + " to add up to the median run without the profiler.", p.inputBytes(), p.resultBytes(), units,
                p.exits(), p.exitStats(), p.criterion(), p.rangeLatencies(), p.serialize(), p.deserialize());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
