package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;

/**
 * The what-if panel's model: a factor per link bandwidth and latency and per node compute rate and
 * price, which scale the document's scenario into a what-if that is <em>not</em> an edit of the
 * document until {@link #applyToScenario()}. On the scaled scenario it shows the current plan's
 * metrics and, beside them, the best plan of the exact chain search for the chosen objective,
 * searched in the background after a short settle delay and cancelled when a factor moves again.
 * Nothing is computed while the panel is hidden ({@link #activeProperty()}).
 */
public final class WhatIfModel {
    public static final String APPLY = "Apply what-if";
    public static final String APPLY_PLAN = "Apply what-if best plan";
    /** The factors a slider reaches: 1/100 to 100. */
    public static final double MIN_FACTOR = 0.01;
    public static final double MAX_FACTOR = 100;
    static final long SETTLE_MILLIS = 150;

    private final ScenarioDocument document;
    private final BackgroundWork work;
    private final long settleMillis;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(this, "objective", Objective.MEAN_LATENCY);
    private final ReadOnlyListWrapper<WhatIfFactor> factors =
            new ReadOnlyListWrapper<>(this, "factors", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Scenario> scaled = new ReadOnlyObjectWrapper<>(this, "scaled");
    private final ReadOnlyObjectWrapper<Metrics> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<Plan> bestPlan = new ReadOnlyObjectWrapper<>(this, "bestPlan");
    private final ReadOnlyObjectWrapper<Metrics> best = new ReadOnlyObjectWrapper<>(this, "best");
    private final ReadOnlyListWrapper<String> problems =
            new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private List<SweepParameter> parameters = List.of();
    private BackgroundWork.Handle handle;
    private CancellationToken token;
    private boolean batch; // many factors move at once: one recomputation at the end

    public WhatIfModel(ScenarioDocument document, BackgroundWork work) {
        this(document, work, SETTLE_MILLIS);
    }

    WhatIfModel(ScenarioDocument document, BackgroundWork work, long settleMillis) {
        this.document = document;
        this.work = work;
        this.settleMillis = settleMillis;
        document.scenarioProperty().addListener((o, a, s) -> rebuild());
        active.addListener((o, a, on) -> rebuild());
        objective.addListener((o, a, b) -> recompute());
        rebuild();
    }

    /** True while the panel is on screen; a hidden panel computes nothing. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    /** One factor per link bandwidth and latency, node compute rate and node price, in topology order. */
    public ReadOnlyListProperty<WhatIfFactor> factorsProperty() {
        return factors.getReadOnlyProperty();
    }

    public WhatIfFactor factor(String parameter) {
        return factors.stream().filter(f -> f.parameter().toString().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no what-if factor '" + parameter + "'"));
    }

    /** The scaled scenario; {@code null} when a factor is not a number. */
    public ReadOnlyObjectProperty<Scenario> scaledProperty() {
        return scaled.getReadOnlyProperty();
    }

    /** The document's plan on the scaled scenario; {@code null} while that is invalid. */
    public ReadOnlyObjectProperty<Metrics> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The exact chain search's best plan on the scaled scenario; {@code null} until found or where none meets the goals. */
    public ReadOnlyObjectProperty<Plan> bestPlanProperty() {
        return bestPlan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metrics> bestProperty() {
        return best.getReadOnlyProperty();
    }

    /** Why there are no numbers: the scaled scenario's problems, naming the field. */
    public ReadOnlyListProperty<String> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Every factor back to 1. */
    public void reset() {
        resetFactors();
        recompute();
    }

    private void resetFactors() {
        batch = true;
        try {
            factors.forEach(f -> f.factorProperty().set(1));
        } finally {
            batch = false;
        }
    }

    /** The scaled scenario becomes the document's, as one undoable step; the factors go back to 1. */
    public void applyToScenario() {
        Scenario s = scaled.get();
        if (s == null || !problems.isEmpty()) {
            return;
        }
        document.endGesture();
        document.edit(APPLY, d -> s);
        document.endGesture();
    }

    /** The best plan goes into the document (its topology unscaled), as one undoable step. */
    public void applyBestPlan() {
        Plan p = bestPlan.get();
        if (p == null) {
            return;
        }
        document.endGesture();
        document.edit(APPLY_PLAN, d -> d.withPlan(p));
        document.endGesture();
    }

    /** The parameters a scenario offers to scale: links' bandwidth and latency, nodes' compute and price. */
    public static List<SweepParameter> parametersOf(Scenario s) {
        List<SweepParameter> list = new ArrayList<>();
        for (Link l : s.topology().links()) {
            list.add(new SweepParameter(SweepParameter.Kind.LINK_BANDWIDTH, l.id()));
            list.add(new SweepParameter(SweepParameter.Kind.LINK_LATENCY, l.id()));
        }
        for (Node n : s.topology().nodes()) {
            list.add(new SweepParameter(SweepParameter.Kind.NODE_COMPUTE, n.id()));
            if (n.pricing() != null) {
                list.add(new SweepParameter(SweepParameter.Kind.NODE_PRICE, n.id()));
            }
        }
        return list;
    }

    /** The document's scenario with every factor applied: {@code apply(current * factor)} per parameter. */
    static Scenario scale(Scenario s, List<WhatIfFactor> factors) {
        Scenario out = s;
        for (WhatIfFactor f : factors) {
            if (f.factor() != 1) {
                out = f.parameter().apply(out, f.parameter().current(s) * f.factor());
            }
        }
        return out;
    }

    private void rebuild() {
        Scenario s = document.getScenario();
        List<SweepParameter> now = s.topology() == null ? List.of() : parametersOf(s);
        if (!now.equals(parameters)) {
            parameters = now;
            List<WhatIfFactor> fresh = new ArrayList<>();
            for (SweepParameter p : now) {
                WhatIfFactor f = new WhatIfFactor(p, document.scenarioProperty());
                f.factorProperty().addListener((o, a, b) -> {
                    if (!batch) {
                        recompute();
                    }
                });
                fresh.add(f);
            }
            factors.setAll(fresh);
        } else {
            // the document changed under the sliders (an Apply, an undo): a what-if starts from it afresh
            resetFactors();
        }
        recompute();
    }

    private void recompute() {
        stopSearch();
        bestPlan.set(null);
        best.set(null);
        if (!active.get()) {
            status.set("");
            return;
        }
        List<String> bad = new ArrayList<>();
        for (WhatIfFactor f : factors) {
            if (!Double.isFinite(f.factor())) {
                bad.add(f.parameter() + ": the factor must be a number, got " + f.factor());
            }
        }
        Scenario s = null;
        if (bad.isEmpty()) {
            try {
                // a factor of 0 goes through, so that the scenario's own check names the field it breaks
                s = scale(document.getScenario(), factors);
            } catch (IllegalArgumentException e) {
                bad.add(e.getMessage());
            }
        }
        scaled.set(s);
        if (s != null) {
            bad.addAll(s.validate().stream().map(Problem::toString).toList());
        }
        Metrics m = null;
        if (bad.isEmpty()) {
            try {
                m = Evaluator.evaluate(s);
            } catch (InvalidScenarioException e) {
                e.problems().forEach(p -> bad.add(p.toString()));
            }
        }
        problems.setAll(bad);
        current.set(m);
        if (m == null) {
            status.set("The what-if scenario has problems: no figures");
            return;
        }
        search(s, objective.get());
    }

    private void search(Scenario s, Objective o) {
        CancellationToken t = new CancellationToken();
        token = t;
        searching.set(true);
        status.set("Searching for the best plan…");
        handle = work.submit("What-if: best plan", p -> {
            // in slices, so that a slider's many cancelled ticks free the two workers at once
            for (long slept = 0; slept < settleMillis; slept += 10) {
                p.checkCancelled();
                Thread.sleep(Math.min(10, settleMillis - slept));
            }
            p.checkCancelled();
            try {
                var best = new ExactChainSearch(SearchRequest.of(s, o)).top(1, Progress.NONE, t).get(0);
                return new Found(best.plan(), Evaluator.evaluate(s.withPlan(best.plan())), null, best.provenance().exact());
            } catch (InfeasibleConstraintsException e) {
                return new Found(null, null, e.getMessage(), true);
            }
        }, r -> found(t, r), e -> found(t, new Found(null, null, "The search failed: " + e.getMessage(), true)));
    }

    private record Found(Plan plan, Metrics metrics, String message, boolean proven) {
    }

    /** Most exit differences the verdict names one by one; the rest are counted. */
    static final int EXITS_NAMED = 6;

    /**
     * What the best plan changes in the current one, in words: nothing, only its exits (each one
     * switched on, off or to another threshold, and where requests end), or its cuts and placement too.
     */
    static String verdict(Plan current, Plan best, String objective) {
        if (current.equals(best)) {
            return "The current plan is still the best for " + objective;
        }
        List<String> exits = exitChanges(current, best);
        String other = exits.isEmpty() ? "" : (exits.size() > EXITS_NAMED
                ? String.join(", ", exits.subList(0, EXITS_NAMED)) + " and " + (exits.size() - EXITS_NAMED) + " more exit changes"
                : String.join(", ", exits));
        if (Objects.equals(current.stages(), best.stages())) {
            return "The current cuts and placement are still the best for " + objective + ", with other exits: " + other;
        }
        return "Another plan is better for " + objective + ": other cuts or placement (" + SweepGrid.signature(best) + ")"
                + (other.isEmpty() ? "" : "; exits: " + other);
    }

    private static List<String> exitChanges(Plan current, Plan best) {
        java.util.Map<String, Double> now = new java.util.LinkedHashMap<>();
        current.exits().forEach(e -> now.put(e.exit(), e.threshold()));
        java.util.Map<String, Double> then = new java.util.LinkedHashMap<>();
        best.exits().forEach(e -> then.put(e.exit(), e.threshold()));
        List<String> said = new java.util.ArrayList<>();
        then.forEach((exit, threshold) -> {
            Double was = now.get(exit);
            if (was == null) {
                said.add(exit + " on at " + SettingsText.number(threshold));
            } else if (!was.equals(threshold)) {
                said.add(exit + " at " + SettingsText.number(threshold) + ", not " + SettingsText.number(was));
            }
        });
        now.keySet().stream().filter(exit -> !then.containsKey(exit)).forEach(exit -> said.add(exit + " off"));
        if (!Objects.equals(current.terminalExit(), best.terminalExit())) {
            said.add(best.terminalExit() == null ? "runs to the final classifier" : "ends at " + best.terminalExit());
        }
        return said;
    }

    private void found(CancellationToken t, Found r) {
        if (token != t) {
            return;
        }
        token = null;
        handle = null;
        searching.set(false);
        bestPlan.set(r.plan());
        best.set(r.metrics());
        status.set(r.plan() == null ? r.message() : verdict(scaled.get().plan(), r.plan(), objective.get().label())
                + (r.proven() ? "" : " (not proven optimal: Optimize at these values and read How it was found)"));
    }

    private void stopSearch() {
        if (token != null) {
            token.cancel();
            handle.cancel();
            token = null;
            handle = null;
        }
        searching.set(false);
    }
}
