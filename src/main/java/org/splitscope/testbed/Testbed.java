package org.splitscope.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxProfiler;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.ProfiledModel;
import org.splitscope.io.onnx.RawTensor;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.io.onnx.StageSession;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.perf.Metrics;

/**
 * Runs plans of one ONNX model for real on this machine and holds the evaluator's prediction
 * against each: the model is profiled here first (ONNX Runtime, CPU, one thread, as
 * {@code splitscope profile}), each plan's stages are exported, one worker process per stage is
 * started (slowed where the scenario's node is slower than this machine, {@link SlowDown}), the hops are shaped to their links, requests are streamed ({@link PipelineMeasurement})
 * and the outputs are checked against the whole model's. The hops are shaped by the kernel
 * (network namespaces, veth pairs, tc) where it can and the choice asks for it, else by the
 * in-process shaper ({@link #SHAPER}); {@link Shaping#description()} says which ran.
 */
public final class Testbed {
    public static final String SHAPER = "in-process token bucket + delay line (driver-side link relays)";
    private static final int INPUT_VARIANTS = 4;
    private static final long CHECK_REQUEST = Long.MAX_VALUE;

    /**
     * @param warmUp   requests sent first and not counted
     * @param requests requests per phase (one at a time, back to back, at the rate)
     * @param rate     requests per second of the loaded phase, 0 for none
     */
    public record Options(int warmUp, int requests, double rate, long seed) {
    }

    private final Path model;
    private final StageExporter exporter;
    private final ModelProfile measured;
    private final String deviceClass;
    private final ShaperChoice shaper;

    private Testbed(Path model, StageExporter exporter, ModelProfile measured, String deviceClass, ShaperChoice shaper) {
        this.shaper = java.util.Objects.requireNonNull(shaper, "shaper");
        this.model = model;
        this.exporter = exporter;
        this.measured = measured;
        this.deviceClass = deviceClass;
    }

    /** Which shaper the following runs ask for (AUTO until told); see {@link Shaping#choose}. */
    public Testbed withShaper(ShaperChoice choice) {
        return new Testbed(model, exporter, measured, deviceClass, choice);
    }

    /**
     * What will shape this testbed's runs on this machine (probing the kernel once).
     *
     * @throws TestbedException when the choice is KERNEL and the kernel cannot shape, saying why
     */
    public Shaping shaping() throws TestbedException {
        return Shaping.choose(shaper, shaper == ShaperChoice.IN_PROCESS ? null : KernelLinks.probe());
    }

    /** Profiles the model on this machine and prepares it for export; the problems otherwise. */
    public static Loaded<Testbed> open(Path model, ImportOptions options, ProfileOptions timing, DoubleConsumer progress,
                                       BooleanSupplier cancelled) {
        Loaded<ProfiledModel> profiled = OnnxProfiler.profile(model, options, timing, progress, cancelled);
        if (!profiled.isOk()) {
            return Loaded.failed(profiled.problems(), profiled.warnings());
        }
        Loaded<StageExporter> exporter = StageExporter.open(model, options);
        if (!exporter.isOk()) {
            return Loaded.failed(exporter.problems(), exporter.warnings());
        }
        return Loaded.ok(new Testbed(model, exporter.value(), profiled.value().imported().profile(),
                profiled.value().timing().deviceClass(), ShaperChoice.AUTO), profiled.warnings());
    }

    /** The model's profile with this machine's measured unit times. */
    public ModelProfile measuredProfile() {
        return measured;
    }

    /** The device class the measured times are stored under (named after this CPU). */
    public String deviceClass() {
        return deviceClass;
    }

    /** How much slower than this machine each node is; the run and the prediction both use it. */
    public SlowDown slowDown() {
        return SlowDown.of(measured, deviceClass);
    }

    /** Every plan with one cut: units 1..c on {@code first}, the rest on {@code second}. */
    public List<Plan> singleCuts(String first, String second) {
        List<Plan> plans = new ArrayList<>();
        for (int c = 1; c < measured.unitCount(); c++) {
            plans.add(new Plan(List.of(new Stage(1, c, first), new Stage(c + 1, measured.unitCount(), second))));
        }
        return plans;
    }

    /**
     * Runs one plan and predicts it.
     *
     * @param expected the scenario's profile, whose units must be this model's ({@code null}: not checked)
     */
    public PlanResult run(ModelProfile expected, Topology topology, Plan plan, Options o, DoubleConsumer progress,
                          BooleanSupplier cancelled) throws TestbedException {
        Loaded<StageExport> export = exporter.export(expected, plan);
        if (!export.isOk()) {
            throw new TestbedException("the plan cannot be exported: " + export.problems().stream()
                    .map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        List<HopShaper> hops;
        try {
            hops = Hops.of(topology, measured, plan);
        } catch (IllegalArgumentException e) {
            throw new TestbedException(e.getMessage(), e);
        }
        Shaping shaping = shaping();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("splitscope-testbed");
            export.value().write(folder);
            List<List<RawTensor>> inputs = new ArrayList<>();
            for (int i = 0; i < INPUT_VARIANTS; i++) {
                inputs.add(RandomInputs.of(export.value().manifest(), o.seed() + i));
            }
            Metrics predicted = Prediction.of(measured, topology, plan, deviceClass, 0);
            Metrics loaded = o.rate() > 0 ? Prediction.of(measured, topology, plan, deviceClass, o.rate()) : null;
            List<Double> holds = slowDown().holdSeconds(topology, plan);
            try (Pipeline pipeline = Pipeline.start(folder, plan.stages().size(), hops, (int) Math.round(topology.mtuBytes()),
                    holds, shaping)) {
                pipeline.send(CHECK_REQUEST, inputs.get(0));
                double difference = difference(pipeline.await(PipelineMeasurement.ANSWER_TIMEOUT_SECONDS, cancelled).outputs(),
                        reference(inputs.get(0), export.value().manifest().modelOutputs()));
                int burst = PipelineMeasurement.Options.burstFor(o.requests(), predicted.meanLatency(),
                        predicted.throughputPerSecond());
                Measurement m = PipelineMeasurement.measure(pipeline, inputs,
                        new PipelineMeasurement.Options(o.warmUp(), o.requests(), o.rate(), o.seed(), burst,
                                PipelineMeasurement.Options.burstRateFor(predicted.throughputPerSecond())), progress, cancelled);
                return new PlanResult(plan, shaping.description(), m, predicted, loaded, difference);
            }
        } catch (IOException e) {
            throw new TestbedException("the stage files could not be written: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private Map<String, RawTensor> reference(List<RawTensor> inputs, List<String> outputs) throws TestbedException {
        try (StageSession whole = StageSession.open(model)) {
            return whole.run(inputs, outputs).stream().collect(Collectors.toMap(RawTensor::name, t -> t));
        } catch (Exception e) {
            throw new TestbedException("the whole model could not be run for comparison: " + e.getMessage(), e);
        }
    }

    /** The largest absolute difference between like-named float outputs; infinite when one is missing. */
    static double difference(List<RawTensor> got, Map<String, RawTensor> expected) {
        double max = got.size() == expected.size() ? 0 : Double.POSITIVE_INFINITY;
        for (RawTensor t : got) {
            RawTensor e = expected.get(t.name());
            if (e == null || e.data().length != t.data().length) {
                return Double.POSITIVE_INFINITY;
            }
            if (!t.elemType().equals("FLOAT")) {
                max = java.util.Arrays.equals(t.data(), e.data()) ? max : Double.POSITIVE_INFINITY;
                continue;
            }
            var a = java.nio.ByteBuffer.wrap(t.data()).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
            var b = java.nio.ByteBuffer.wrap(e.data()).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < a.limit(); i++) {
                max = Math.max(max, Math.abs(a.get(i) - b.get(i)));
            }
        }
        return max;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
