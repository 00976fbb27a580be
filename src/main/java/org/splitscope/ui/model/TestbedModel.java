package org.splitscope.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.ShaperChoice;
import org.splitscope.testbed.SlowDown;
import org.splitscope.testbed.Testbed;
import org.splitscope.testbed.TestbedException;
import org.splitscope.testbed.TestbedRun;
import org.splitscope.zoo.Granularity;

/**
 * The Testbed panel's model: runs the scenario's plan, or every single cut between its first and
 * last stage's nodes, for real on this machine ({@link Testbed}) in the background, and holds each
 * plan's measurement beside the evaluator's prediction. The settings are text the panel binds to
 * and {@link #run()} reads, naming the field it cannot read. {@link #cancel()} stops the workers:
 * the run's pipeline is closed before the status says so.
 */
public final class TestbedModel {
    /** What the settings' number fields accept (the view marks a bad entry as it is typed). */
    public static final Quantity REQUESTS = Quantity.of("Requests", Quantity.Unit.NONE, 2, 1e6).wholeNumbers();
    public static final Quantity RATE =
            Quantity.of("Rate (req/s, 0: none)", Quantity.Unit.REQUESTS_PER_SECOND, 0, Double.MAX_VALUE);

    /** How the model is timed here before a run: as {@code splitscope testbed} does. */
    static final ProfileOptions TIMING = new ProfileOptions(3, 20, 1);
    /** Share of the progress bar the profiling takes before the plans run. */
    private static final double OPENING = 0.2;
    private static final int WARM_UP = 2;

    private final ScenarioDocument document;
    private final BackgroundWork work;
    private final Consumer<Runnable> ui;

    private final StringProperty modelFile = new SimpleStringProperty(this, "modelFile", "");
    private final ObjectProperty<Granularity> units = new SimpleObjectProperty<>(this, "units", Granularity.BLOCKS);
    private final StringProperty inputShape = new SimpleStringProperty(this, "inputShape", "");
    private final StringProperty requests = new SimpleStringProperty(this, "requests", "10");
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "0");
    private final BooleanProperty allSingleCuts = new SimpleBooleanProperty(this, "allSingleCuts");
    private final ObjectProperty<ShaperChoice> shaper = new SimpleObjectProperty<>(this, "shaper", ShaperChoice.AUTO);

    private final PanelRun run = new PanelRun(this, "Not run yet");
    private final ReadOnlyListWrapper<PlanResult> results =
            new ReadOnlyListWrapper<>(this, "results", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<TestbedRun> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final Map<PlanResult, List<Double>> slowDowns = new IdentityHashMap<>();

    /** @param ui runs a finished plan's row onto the UI thread ({@code Platform::runLater} in the window) */
    public TestbedModel(ScenarioDocument document, BackgroundWork work, Consumer<Runnable> ui) {
        this.document = document;
        this.work = work;
        this.ui = ui;
    }

    // ---- settings ----

    /** The ONNX file the scenario's profile was imported from. */
    public StringProperty modelFileProperty() {
        return modelFile;
    }

    /** The units the import used (blocks unless told otherwise). */
    public ObjectProperty<Granularity> unitsProperty() {
        return units;
    }

    /** {@code [NAME=]D1,D2,...}, several separated by ';'; empty for the model's own shape. */
    public StringProperty inputShapeProperty() {
        return inputShape;
    }

    /** Requests per phase, at least 2. */
    public StringProperty requestsProperty() {
        return requests;
    }

    /** Requests per second of an open-loop phase after the back-to-back one; 0 for none. */
    public StringProperty rateProperty() {
        return rate;
    }

    /** Every single cut between the plan's first and last stage's nodes, instead of the plan. */
    public BooleanProperty allSingleCutsProperty() {
        return allSingleCuts;
    }

    /** Kernel shaping where it can do all, the kernel's rate whatever it lacks, or the in-process relays. */
    public ObjectProperty<ShaperChoice> shaperProperty() {
        return shaper;
    }

    // ---- results ----

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Progress of the run, 0 to 1: profiling first, then plan by plan. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** One line: not run, profiling, plan i of n, cancelled (workers stopped), done with R^2. */
    public ReadOnlyStringProperty statusProperty() {
        return run.statusProperty();
    }

    /** Why nothing (more) was run, naming the field; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    /** The plans measured so far in this run, in order. */
    public ReadOnlyListProperty<PlanResult> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The last run that finished, for the scatter and the report; {@code null} before one did. */
    public ReadOnlyObjectProperty<TestbedRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** The slow-down factor of each stage's node in a plan of this run ({@link SlowDown}); empty when unknown. */
    public List<Double> slowDowns(PlanResult r) {
        return slowDowns.getOrDefault(r, List.of());
    }

    // ---- commands ----

    /** Starts a run with these settings in the background; a running one is cancelled first. */
    public void run() {
        cancel();
        results.clear();
        slowDowns.clear();
        List<String> problems = new ArrayList<>();
        Settings s = settings(problems);
        if (!problems.isEmpty()) {
            run.refuse(problems);
            return;
        }
        Scenario scenario = document.getScenario();
        Object ticket = run.start("Profiling the model on this machine…");
        run.attach(ticket, work.submit("Testbed", p -> runAll(ticket, scenario, s, p), r -> finished(ticket, r),
                e -> failed(ticket, e), () -> cancelled(ticket)));
    }

    /** Stops the run; the workers are stopped before the status says so. */
    public void cancel() {
        if (run.cancelJob()) {
            run.status("Cancelling: stopping the workers…");
        }
    }

    private record Settings(Path model, ImportOptions options, int requests, double rate, boolean allCuts,
                            ShaperChoice shaper) {
    }

    private Settings settings(List<String> problems) {
        Path model = null;
        String file = modelFile.get() == null ? "" : modelFile.get().strip();
        if (file.isEmpty()) {
            problems.add("model file: choose the ONNX file the scenario's profile was imported from");
        } else if (!Files.isRegularFile(Path.of(file))) {
            problems.add("model file: '" + file + "' is not a file");
        } else {
            model = Path.of(file);
        }
        ImportOptions options = ImportOptions.of(units.get());
        String shapes = inputShape.get() == null ? "" : inputShape.get().strip();
        for (String shape : shapes.isEmpty() ? new String[0] : shapes.split(";")) {
            int eq = shape.indexOf('=');
            long[] dims = dims(shape.substring(eq + 1));
            if (dims == null) {
                problems.add("input shape: expected [NAME=]D1,D2,... with whole numbers >= 1, got '" + shape.strip() + "'");
            } else {
                options = options.withInputShape(eq < 0 ? ImportOptions.ONLY_INPUT : shape.substring(0, eq).strip(), dims);
            }
        }
        Quantity.Reading count = REQUESTS.read(requests.get());
        Quantity.Reading perSecond = RATE.read(rate.get());
        for (Quantity.Reading read : List.of(count, perSecond)) {
            if (!read.ok()) {
                problems.add(read.error());
            }
        }
        int n = count.ok() ? (int) Math.round(count.value()) : -1;
        double r = perSecond.ok() ? perSecond.value() : -1;
        return new Settings(model, options, n, r, allSingleCuts.get(), shaper.get() == null ? ShaperChoice.AUTO : shaper.get());
    }

    private static long[] dims(String text) {
        String[] parts = text.split(",", -1);
        long[] dims = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                dims[i] = Long.parseLong(parts[i].strip());
                if (dims[i] < 1) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return dims;
    }

    private TestbedRun runAll(Object ticket, Scenario scenario, Settings s, BackgroundWork.Progress bar) throws TestbedException {
        BackgroundWork.Progress progress = new BackgroundWork.Progress() {
            @Override
            public void update(double fraction, String message) {
                bar.update(fraction, message);
                ui.accept(() -> run.progress(ticket, fraction));
            }

            @Override
            public boolean cancelled() {
                return bar.cancelled();
            }
        };
        Loaded<Testbed> opened = Testbed.open(s.model(), s.options(), TIMING,
                d -> progress.update(d * OPENING, "Profiling the model on this machine"), progress::cancelled);
        progress.checkCancelled();
        if (!opened.isOk()) {
            throw new TestbedException("model file: " + s.model().getFileName() + " could not be profiled: "
                    + String.join("; ", opened.problems().stream().map(p -> p.path() + ": " + p.message()).toList()));
        }
        Testbed bed = opened.value().withShaper(s.shaper());
        List<Plan> plans = List.of(scenario.plan());
        if (s.allCuts()) {
            var stages = scenario.plan().stages();
            plans = bed.singleCuts(stages.get(0).node(), stages.get(stages.size() - 1).node());
        }
        SlowDown slowDown = bed.slowDown();
        List<PlanResult> done = new ArrayList<>();
        List<List<Double>> factors = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            int k = i;
            int n = plans.size();
            String what = "Running plan " + (k + 1) + " of " + n;
            progress.update(OPENING + (1 - OPENING) * k / n, what);
            PlanResult r = bed.run(scenario.profile(), scenario.topology(), plans.get(k),
                    new Testbed.Options(WARM_UP, s.requests(), s.rate(), 1),
                    d -> progress.update(OPENING + (1 - OPENING) * (k + d) / n, what), progress::cancelled);
            List<Double> f = slowDown.factors(scenario.topology(), plans.get(k));
            done.add(r);
            factors.add(f);
            ui.accept(() -> {
                if (ticket == run.current()) {
                    slowDowns.put(r, f);
                    results.add(r);
                }
            });
        }
        return new TestbedRun(done, bed.deviceClass(), slowDown.machineFlopsPerSecond(), factors,
                slowDown.tooFast(scenario.topology()));
    }

    private void finished(Object ticket, TestbedRun done) {
        long differ = done.results().stream().filter(r -> !r.outputsMatch()).count();
        int n = done.results().size();
        String summary = String.format(Locale.ROOT, "%d plan%s run on '%s' (%.3g GFLOP/s); outputs %s; within %.0f%%: mean latency"
                        + " %d of %d, throughput %d of %d; R^2 mean latency %s, throughput %s; shaper: %s%s", n, n == 1 ? "" : "s",
                done.deviceClass(), done.machineFlopsPerSecond() / 1e9,
                differ == 0 ? "equal to the whole model's" : differ + " DIFFER", TestbedRun.GOAL_PERCENT,
                done.withinGoal(PlanResult::meanLatencyError), n, done.withinGoal(PlanResult::throughputError), n,
                r2(done.rSquaredMeanLatency()), r2(done.rSquaredThroughput()),
                String.join(", ", done.results().stream().map(PlanResult::shaper).distinct().toList()),
                done.notes().stream().map(note -> "; note: " + note).collect(java.util.stream.Collectors.joining()));
        if (run.end(ticket, summary)) {
            results.setAll(done.results());
            lastRun.set(done);
        }
    }

    private void failed(Object ticket, Throwable e) {
        // a cancel that reached the pipeline first comes back as its "cancelled" failure
        if (ticket == run.current() && (run.cancelRequested() || e instanceof CancellationException)) {
            cancelled(ticket);
            return;
        }
        run.fail(ticket, "Failed: the workers were stopped", e instanceof TestbedException ? e.getMessage() : e.toString());
    }

    private void cancelled(Object ticket) {
        run.end(ticket, "Cancelled: the workers were stopped; " + results.size() + " plan(s) finished before");
    }

    static String r2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
