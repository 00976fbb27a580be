package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.splitscope.explain.WinnerExplanation;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Forbid;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Pin;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.InvalidScenarioException;

/**
 * The Optimize panel's model. The settings are plain properties the panel's controls bind to
 * (the constraint limits as text, empty for none: accuracy floor in %, latency SLO in ms, budget
 * in $ per million requests); the results are read-only properties; the commands are
 * {@link #run()}, {@link #cancel()}, {@link #apply(Plan)} and the pin and forbid edits. A run
 * searches the scenario on screen in the background; the ranked plans, the Pareto front, the
 * winner's explanation or a message naming what cannot be met come back on the UI thread.
 */
public final class OptimizeModel {
    /** The name of the undo step {@link #apply} records. */
    public static final String APPLY = "Apply optimized plan";
    /** How many plans a run lists unless told otherwise. */
    public static final int DEFAULT_COUNT = 10;

    /** What a run's results depend on: the scenario without its plan. */
    private record Inputs(Object profile, Object topology, Object workload) {
        static Inputs of(Scenario s) {
            return new Inputs(s.profile(), s.topology(), s.workload());
        }
    }

    private final ScenarioDocument document;
    private final BackgroundWork work;
    private final Consumer<Runnable> ui;
    private final List<SearchMethod> methods;

    private final ObjectProperty<SearchMethod> method = new SimpleObjectProperty<>(this, "method");
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(this, "objective", Objective.MEAN_LATENCY);
    private final StringProperty accuracyFloor = new SimpleStringProperty(this, "accuracyFloor", "");
    private final StringProperty latencySlo = new SimpleStringProperty(this, "latencySlo", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "");
    private final BooleanProperty memoryMustFit = new SimpleBooleanProperty(this, "memoryMustFit", true);
    private final BooleanProperty belowSaturation = new SimpleBooleanProperty(this, "belowSaturation", true);
    private final IntegerProperty maxStages = new SimpleIntegerProperty(this, "maxStages", SearchSpace.defaults().maxStages());
    private final ObjectProperty<Placement> placement = new SimpleObjectProperty<>(this, "placement", Placement.DISTINCT);
    private final StringProperty thresholds =
            new SimpleStringProperty(this, "thresholds", SettingsText.grid(SearchSpace.DEFAULT_THRESHOLDS));
    private final BooleanProperty partialModels = new SimpleBooleanProperty(this, "partialModels", true);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", DEFAULT_COUNT);
    private final ReadOnlyListWrapper<Pin> pins = new ReadOnlyListWrapper<>(this, "pins", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Forbid> forbids =
            new ReadOnlyListWrapper<>(this, "forbids", FXCollections.observableArrayList());

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyListWrapper<RankedPlan> results =
            new ReadOnlyListWrapper<>(this, "results", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ParetoPoint> front =
            new ReadOnlyListWrapper<>(this, "front", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not run yet");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    private Workload seededFrom;
    private Inputs searched;
    private BackgroundWork.Handle handle;
    private CancellationToken token;

    /**
     * @param ui      runs progress updates on the UI thread ({@code Platform::runLater} in the window)
     * @param methods the searches the panel offers; the first is chosen
     */
    public OptimizeModel(ScenarioDocument document, BackgroundWork work, Consumer<Runnable> ui, List<SearchMethod> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("the Optimize panel needs at least one search method");
        }
        this.document = document;
        this.work = work;
        this.ui = ui;
        this.methods = List.copyOf(methods);
        method.set(methods.get(0));
        seed(document.getScenario().workload());
        document.scenarioProperty().addListener((o, a, s) -> scenarioChanged(s));
    }

    // ---- settings ----

    public List<SearchMethod> methods() {
        return methods;
    }

    public ObjectProperty<SearchMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    /** Accuracy floor in percent; empty for none. */
    public StringProperty accuracyFloorProperty() {
        return accuracyFloor;
    }

    /** Latency SLO on the mean latency under load, in ms; empty for none. */
    public StringProperty latencySloProperty() {
        return latencySlo;
    }

    /** Budget in $ per million requests; empty for none. */
    public StringProperty budgetProperty() {
        return budget;
    }

    public BooleanProperty memoryMustFitProperty() {
        return memoryMustFit;
    }

    public BooleanProperty belowSaturationProperty() {
        return belowSaturation;
    }

    public IntegerProperty maxStagesProperty() {
        return maxStages;
    }

    public ObjectProperty<Placement> placementProperty() {
        return placement;
    }

    /** The threshold grid, values separated by commas or spaces. */
    public StringProperty thresholdsProperty() {
        return thresholds;
    }

    public BooleanProperty partialModelsProperty() {
        return partialModels;
    }

    /** How many plans a run lists. */
    public IntegerProperty countProperty() {
        return count;
    }

    public ReadOnlyListProperty<Pin> pinsProperty() {
        return pins.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Forbid> forbidsProperty() {
        return forbids.getReadOnlyProperty();
    }

    /** Units first..last (1-based) must run on the node. */
    public void addPin(int first, int last, String node) {
        pins.add(new Pin(first, last, node));
    }

    public void removePin(Pin pin) {
        pins.remove(pin);
    }

    /** Units first..last must not run on the node. */
    public void forbidOnNode(int first, int last, String node) {
        forbids.add(Forbid.onNode(first, last, node));
    }

    /** Units first..last must not run on any node of the tier. */
    public void forbidOnTier(int first, int last, int tier) {
        forbids.add(Forbid.onTier(first, last, tier));
    }

    public void removeForbid(Forbid forbid) {
        forbids.remove(forbid);
    }

    // ---- results ----

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the run, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last run's plans, best first; empty while running, after an error or a cancel. */
    public ReadOnlyListProperty<RankedPlan> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The last run's Pareto front of (mean latency, accuracy, cost), by increasing mean latency. */
    public ReadOnlyListProperty<ParetoPoint> frontProperty() {
        return front.getReadOnlyProperty();
    }

    /** Why the last run found nothing, naming the field or constraint; empty when it found plans. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the winner won (its bottleneck, what the runner-up loses on). */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** One line on the run: not run, running, cancelled, or how the plans were found. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the scenario's model, topology or workload changed after the run. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Searches the scenario on screen with these settings, in the background; a running search is cancelled first. */
    public void run() {
        cancel();
        results.clear();
        front.clear();
        explanation.set("");
        stale.set(false);
        List<String> problems = new ArrayList<>();
        OptimizeSettings settings = settings(problems);
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            status.set("Not run: the settings have problems");
            return;
        }
        error.set("");
        Scenario scenario = document.getScenario();
        SearchMethod m = method.get();
        CancellationToken t = new CancellationToken();
        token = t;
        running.set(true);
        progress.set(0);
        status.set("Searching…");
        handle = work.submit("Optimizing", p -> m.search(scenario, settings, reporter(p, t), t),
                r -> finished(t, scenario, settings, r), e -> failed(t, e), () -> cancelled(t));
    }

    /** Stops the running search; its results are dropped. */
    public void cancel() {
        if (token != null) {
            token.cancel();
            handle.cancel();
            cancelled(token);
        }
    }

    /** Puts the plan into the document as one undoable step named {@link #APPLY}. */
    public void apply(Plan plan) {
        document.endGesture();
        document.edit(APPLY, s -> s.withPlan(plan));
        document.endGesture();
    }

    public void apply(RankedPlan plan) {
        apply(plan.plan());
    }

    public void apply(ParetoPoint point) {
        apply(point.plan());
    }

    /** The settings as a search takes them; what cannot be read is added to {@code problems}, by field. */
    OptimizeSettings settings(List<String> problems) {
        Double floor = SettingsText.limit(accuracyFloor.get(), "Accuracy floor (%)", 0, 100, 2, problems);
        Double slo = SettingsText.limit(latencySlo.get(), "Latency SLO (ms)", 0, Double.MAX_VALUE, 3, problems);
        Double usd = SettingsText.limit(budget.get(), "Budget ($ per million requests)", 0, Double.MAX_VALUE, 6,
                problems);
        List<Double> grid = SettingsText.grid(thresholds.get(), problems);
        if (count.get() < 1) {
            problems.add("Plans to list: must be at least 1, got " + count.get());
        }
        Constraints constraints = new Constraints(floor, slo, usd, memoryMustFit.get(), belowSaturation.get());
        SearchSpace space = new SearchSpace(maxStages.get(), placement.get(), grid, partialModels.get(), pins, forbids);
        return new OptimizeSettings(objective.get(), constraints, space, count.get());
    }

    /** The search's progress, thinned to whole percents, onto the UI; the status bar's Cancel reaches the token. */
    private Progress reporter(BackgroundWork.Progress bar, CancellationToken t) {
        AtomicInteger shown = new AtomicInteger(-1);
        return (done, total) -> {
            if (bar.cancelled()) {
                t.cancel();
            }
            int percent = total <= 0 ? 0 : (int) (100 * done / total);
            if (shown.getAndAccumulate(percent, Math::max) < percent) {
                bar.update(percent / 100.0, "Optimizing " + percent + " %");
                ui.accept(() -> {
                    if (token == t && running.get()) {
                        progress.set(percent / 100.0);
                    }
                });
            }
        };
    }

    private void finished(CancellationToken t, Scenario scenario, OptimizeSettings settings, SearchMethod.Result r) {
        if (token != t) {
            return;
        }
        end();
        searched = Inputs.of(scenario);
        results.setAll(r.ranked());
        front.setAll(r.front());
        explanation.set(new WinnerExplanation(settings.objective(), r.ranked()).text());
        stale.set(!searched.equals(Inputs.of(document.getScenario())));
        if (r.ranked().isEmpty()) {
            status.set("No plan found");
            return;
        }
        var how = r.ranked().get(0).provenance();
        status.set(r.ranked().size() + " plans, " + r.front().size() + " on the Pareto front; " + how.method()
                + (how.exact() ? " (exact)" : " (not proven optimal)") + ", " + how.plansEvaluated() + " plans scored");
    }

    private void failed(CancellationToken t, Throwable e) {
        if (token != t) {
            return;
        }
        end();
        error.set(message(e));
        status.set("No plans: see the message");
    }

    private void cancelled(CancellationToken t) {
        if (token != t) {
            return;
        }
        end();
        status.set("Cancelled");
    }

    private void end() {
        token = null;
        handle = null;
        running.set(false);
        progress.set(0);
    }

    static String message(Throwable e) {
        if (e instanceof InvalidSearchException x) {
            return x.problems().stream().map(SettingsText::describe).collect(Collectors.joining("\n"));
        }
        if (e instanceof InvalidScenarioException x) {
            return "The scenario has problems, so it cannot be searched: "
                    + x.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
        }
        if (e instanceof InfeasibleConstraintsException) {
            return e.getMessage();
        }
        return "The search failed: " + e;
    }

    private void scenarioChanged(Scenario s) {
        if (!Objects.equals(s.workload(), seededFrom)) {
            seed(s.workload());
        }
        stale.set(searched != null && !searched.equals(Inputs.of(s)));
    }

    /** The constraint fields start from the workload's goals (the same defaults as the command line). */
    private void seed(Workload w) {
        seededFrom = w;
        accuracyFloor.set(w.accuracyFloor() == null ? "" : SettingsText.number(w.accuracyFloor() * 100));
        latencySlo.set(w.latencySloSeconds() == null ? "" : SettingsText.number(w.latencySloSeconds() * 1e3));
        budget.set(w.budgetUsdPerRequest() == null ? "" : SettingsText.number(w.budgetUsdPerRequest() * 1e6));
    }
}
