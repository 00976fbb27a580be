package org.splitscope.ui.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.splitscope.model.Workload;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.Forbid;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Pin;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchSpace;

/**
 * The Optimize panel's settings as the controls edit them: method, objective, the constraint
 * limits as text (empty for none: accuracy floor in %, latency SLO in ms, budget in $ per million
 * requests), the search space, and the pin and forbid rules (changed through their commands).
 * {@link #settings} reads them into what a search takes, naming every field it cannot read.
 */
public final class OptimizeForm {
    /** What the constraint fields accept, each empty for no limit (the view marks a bad entry as it is typed). */
    public static final Quantity ACCURACY_FLOOR = Quantity.of("Accuracy floor (%)", Quantity.Unit.PERCENT, 0, 100).orNone();
    public static final Quantity LATENCY_SLO =
            Quantity.above("Latency SLO (ms)", Quantity.Unit.MILLISECONDS, 0, Double.MAX_VALUE).orNone();
    public static final Quantity BUDGET =
            Quantity.of("Budget ($ per million requests)", Quantity.Unit.USD_PER_MILLION_REQUESTS, 0, Double.MAX_VALUE).orNone();
    /** At most this many enabled exits; empty for no limit. */
    public static final Quantity MAX_EXITS =
            Quantity.of("At most K exits", Quantity.Unit.NONE, 0, Integer.MAX_VALUE).wholeNumbers().orNone();

    /** How long a run may search before it answers with the best plans found so far; empty for no limit. */
    public static final Quantity TIME_LIMIT =
            Quantity.above("Time limit (s)", Quantity.Unit.SECONDS, 0, Duration.ofDays(30).toSeconds()).orNone();

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
    private final ObjectProperty<ExitRule> exitRule = new SimpleObjectProperty<>(this, "exitRule", ExitRule.FREE);
    private final BooleanProperty sharedThreshold = new SimpleBooleanProperty(this, "sharedThreshold", false);
    private final StringProperty maxExits = new SimpleStringProperty(this, "maxExits", "");
    private final StringProperty timeLimit = new SimpleStringProperty(this, "timeLimit", "");
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", OptimizeModel.DEFAULT_COUNT);
    private final ReadOnlyListWrapper<Pin> pins = new ReadOnlyListWrapper<>(this, "pins", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Forbid> forbids =
            new ReadOnlyListWrapper<>(this, "forbids", FXCollections.observableArrayList());

    private Workload seededFrom;

    OptimizeForm(List<SearchMethod> methods, Workload workload) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("the Optimize panel needs at least one search method");
        }
        this.methods = List.copyOf(methods);
        method.set(methods.get(0));
        seed(workload);
    }

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

    /** Free (exits after any unit) or only where a stage ends (PORTEND's space). */
    public ObjectProperty<ExitRule> exitRuleProperty() {
        return exitRule;
    }

    /** Whether every enabled exit uses one threshold of the grid. */
    public BooleanProperty sharedThresholdProperty() {
        return sharedThreshold;
    }

    /** At most this many enabled exits (a partial model's last exit not counted); empty for no limit. */
    public StringProperty maxExitsProperty() {
        return maxExits;
    }

    /** Seconds a run may search (other units may be typed: "500 ms", "2 min"); empty for no limit. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
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

    /** The settings as a search takes them; what cannot be read is added to {@code problems}, by field. */
    public OptimizeSettings settings(List<String> problems) {
        Double floor = SettingsText.limit(accuracyFloor.get(), ACCURACY_FLOOR, 2, problems);
        Double slo = SettingsText.limit(latencySlo.get(), LATENCY_SLO, 3, problems);
        Double usd = SettingsText.limit(budget.get(), BUDGET, 6, problems);
        List<Double> grid = SettingsText.grid(thresholds.get(), problems);
        Double most = SettingsText.limit(maxExits.get(), MAX_EXITS, 0, problems);
        Double seconds = SettingsText.limit(timeLimit.get(), TIME_LIMIT, 0, problems);
        if (count.get() < 1) {
            problems.add("Plans to list: must be at least 1, got " + count.get());
        }
        Constraints constraints = new Constraints(floor, slo, usd, memoryMustFit.get(), belowSaturation.get());
        SearchSpace space = new SearchSpace(maxStages.get(), placement.get(), grid, partialModels.get(), pins, forbids,
                most == null ? null : most.intValue(), exitRule.get(), sharedThreshold.get());
        return new OptimizeSettings(objective.get(), constraints, space, count.get(),
                seconds == null ? null : Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9))));
    }

    /** A changed workload brings its goals into the constraint fields. */
    void seedIfChanged(Workload w) {
        if (!Objects.equals(w, seededFrom)) {
            seed(w);
        }
    }

    /** The constraint fields start from the workload's goals (the same defaults as the command line). */
    private void seed(Workload w) {
        seededFrom = w;
        accuracyFloor.set(w.accuracyFloor() == null ? "" : SettingsText.number(w.accuracyFloor() * 100));
        latencySlo.set(w.latencySloSeconds() == null ? "" : SettingsText.number(w.latencySloSeconds() * 1e3));
        budget.set(w.budgetUsdPerRequest() == null ? "" : SettingsText.number(w.budgetUsdPerRequest() * 1e6));
    }
}
