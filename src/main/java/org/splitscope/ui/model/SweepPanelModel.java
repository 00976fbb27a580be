package org.splitscope.ui.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.splitscope.io.SweepCsv;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/**
 * The sweep half of the what-if panel: one parameter over a range (the current plan and the exact
 * chain search's best plan at every value, with the values where the best cut or placement
 * changes) or, with a second parameter, a grid of best plans ({@link SweepGrid}). Runs in the
 * background with progress and Cancel; points are evaluated on every core by {@link Sweep}.
 */
public final class SweepPanelModel {
    /** The range one parameter is swept over. */
    public static final class Range {
        private final ObjectProperty<SweepParameter> parameter = new SimpleObjectProperty<>(this, "parameter");
        private final DoubleProperty from = new SimpleDoubleProperty(this, "from");
        private final DoubleProperty to = new SimpleDoubleProperty(this, "to");
        private final IntegerProperty steps;
        private final BooleanProperty log = new SimpleBooleanProperty(this, "log", true);
        private final StringProperty fromProblem = new SimpleStringProperty(this, "fromProblem", "");
        private final StringProperty toProblem = new SimpleStringProperty(this, "toProblem", "");

        Range(int steps) {
            this.steps = new SimpleIntegerProperty(this, "steps", steps);
        }

        public ObjectProperty<SweepParameter> parameterProperty() {
            return parameter;
        }

        public DoubleProperty fromProperty() {
            return from;
        }

        public DoubleProperty toProperty() {
            return to;
        }

        public IntegerProperty stepsProperty() {
            return steps;
        }

        /**
         * Why the text in the first bound's field could not be read; empty while the field holds
         * {@link #fromProperty()}. A sweep does not run while a field shows a number it would not use.
         */
        public StringProperty fromProblemProperty() {
            return fromProblem;
        }

        /** As {@link #fromProblemProperty()}, for the last bound. */
        public StringProperty toProblemProperty() {
            return toProblem;
        }

        public BooleanProperty logProperty() {
            return log;
        }

        double[] values() {
            return Sweep.values(from.get(), to.get(), steps.get(), log.get());
        }

        /** A decade either side of the scenario's value; the accuracy floor linearly from 50 % to 99 %. */
        void seed(Scenario s) {
            SweepParameter p = parameter.get();
            if (p == null || !p.check(s).isEmpty()) {
                return;
            }
            if (p.kind() == SweepParameter.Kind.ACCURACY_FLOOR) {
                from.set(0.5);
                to.set(0.99);
                log.set(false);
                return;
            }
            double v = p.current(s);
            double centre = v > 0 ? v : 1;
            from.set(centre / 10);
            to.set(centre * 10);
            log.set(true);
        }
    }

    private final ScenarioDocument document;
    private final BackgroundWork work;
    private final Consumer<Runnable> ui;
    private final ReadOnlyListWrapper<SweepParameter> choices =
            new ReadOnlyListWrapper<>(this, "choices", FXCollections.observableArrayList());
    private final Range first = new Range(21);
    private final Range second = new Range(11);
    private final BooleanProperty twoParameters = new SimpleBooleanProperty(this, "twoParameters");
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(this, "objective", Objective.MEAN_LATENCY);
    private final PanelRun run = new PanelRun(this, "Not run yet");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<SweepGrid.Result> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper unproven = new ReadOnlyStringWrapper(this, "unproven", "");
    private Scenario swept;

    /** @param ui runs progress updates on the UI thread ({@code Platform::runLater} in the window) */
    public SweepPanelModel(ScenarioDocument document, BackgroundWork work, Consumer<Runnable> ui) {
        this.document = document;
        this.work = work;
        this.ui = ui;
        first.parameter.addListener((o, a, p) -> first.seed(document.getScenario()));
        second.parameter.addListener((o, a, p) -> second.seed(document.getScenario()));
        document.scenarioProperty().addListener((o, a, s) -> {
            refreshChoices(s);
            stale.set(swept != null && !swept.equals(s));
        });
        refreshChoices(document.getScenario());
    }

    /** What a scenario can sweep: its links and nodes, the arrival rate and the accuracy floor. */
    public static List<SweepParameter> choicesOf(Scenario s) {
        List<SweepParameter> list = new ArrayList<>(s.topology() == null ? List.of() : WhatIfModel.parametersOf(s));
        list.add(new SweepParameter(SweepParameter.Kind.ARRIVAL_RATE, null));
        list.add(new SweepParameter(SweepParameter.Kind.ACCURACY_FLOOR, null));
        return list;
    }

    public ReadOnlyListProperty<SweepParameter> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    public Range first() {
        return first;
    }

    /** The second parameter's range, used when {@link #twoParametersProperty()} is on. */
    public Range second() {
        return second;
    }

    public BooleanProperty twoParametersProperty() {
        return twoParameters;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return run.statusProperty();
    }

    /** Why the last run did not start or failed, naming the field; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    /** The last one-parameter sweep; {@code null} before one or after a grid. */
    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last two-parameter sweep; {@code null} before one or after a one-parameter sweep. */
    public ReadOnlyObjectProperty<SweepGrid.Result> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** True when the scenario changed after the sweep shown: its curves belong to the earlier one. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /**
     * How many values of the sweep shown have a best plan that the search did not prove optimal
     * (marked on the chart), and where to read why; empty when every best plan is proven.
     */
    public ReadOnlyStringProperty unprovenProperty() {
        return unproven.getReadOnlyProperty();
    }

    /** The line of {@link #unprovenProperty()} for these points; empty when none is unproven. */
    static String unprovenLine(List<SweepPoint> points, String what, String marked) {
        long count = points.stream().filter(SweepPoint::unproven).count();
        if (count == 0) {
            return "";
        }
        return "Best plan not proven optimal at " + count + " of " + points.size() + " " + what
                + " (" + marked + "). Why: set that value, Optimize, and read How it was found below the plans.";
    }

    /** Sweeps the document's scenario as set; a running sweep is cancelled first. */
    public void run() {
        cancel();
        Scenario s = document.getScenario();
        List<String> problems = new ArrayList<>();
        double[] xs = values("first parameter", first, s, problems);
        boolean two = twoParameters.get();
        double[] ys = two ? values("second parameter", second, s, problems) : null;
        if (two && problems.isEmpty() && first.parameter.get().equals(second.parameter.get())) {
            problems.add("second parameter: choose a parameter other than the first");
        }
        if (two && problems.isEmpty()) {
            try {
                SweepGrid.checkSize(xs.length, ys.length);
            } catch (IllegalArgumentException e) {
                problems.add("steps: " + e.getMessage());
            }
        }
        if (problems.isEmpty() && !s.validate().isEmpty()) {
            problems.add("the scenario has problems: " + s.validate());
        }
        if (!problems.isEmpty()) {
            run.refuse(problems);
            return;
        }
        result.set(null);
        grid.set(null);
        unproven.set("");
        swept = s;
        stale.set(false);
        SweepParameter px = first.parameter.get();
        boolean logX = first.log.get();
        var reoptimize = Sweep.reoptimizing(objective.get());
        Object t = run.start("Sweeping…");
        BackgroundWork.Handle h;
        if (two) {
            SweepParameter py = second.parameter.get();
            h = work.submit("What-if sweep", p -> new SweepGrid(s, px, py, reoptimize).run(xs, ys, share -> report(t, p, share),
                    p::cancelled), g -> done(t, () -> {
                        grid.set(g);
                        unproven.set(unprovenLine(g.rows().stream().flatMap(List::stream).toList(), "grid points", "~ on the map"));
                    }, xs.length * ys.length + " grid points"), e -> failed(t, e), () -> cancelled(t));
        } else {
            h = work.submit("What-if sweep", p -> {
                List<SweepPoint> points = new Sweep(s, px, reoptimize).run(xs, share -> report(t, p, share), p::cancelled);
                return SweepResult.of(px, logX, points);
            }, r -> done(t, () -> {
                result.set(r);
                unproven.set(unprovenLine(r.points(), "values", "ringed on the chart"));
            }, r.points().size() + " points, the best plan changes "
                    + r.changes().size() + " times"), e -> failed(t, e), () -> cancelled(t));
        }
        run.attach(t, h);
    }

    public void cancel() {
        if (run.cancelJob()) {
            cancelled(run.current());
        }
    }

    /** The last sweep as CSV ({@link SweepCsv}); empty when there is none. */
    public String csv() {
        if (grid.get() != null) {
            return SweepCsv.toCsv(grid.get());
        }
        SweepResult r = result.get();
        return r == null ? "" : SweepCsv.toCsv(r.parameter().toString(), r.points());
    }

    /** Writes {@link #csv()} atomically. */
    public void exportCsv(Path file) throws IOException {
        if (grid.get() != null) {
            SweepCsv.write(grid.get(), file);
        } else if (result.get() != null) {
            SweepCsv.write(result.get().parameter().toString(), result.get().points(), file);
        } else {
            throw new IllegalStateException("run a sweep before exporting it");
        }
    }

    private double[] values(String field, Range r, Scenario s, List<String> problems) {
        if (r.parameter.get() == null) {
            problems.add(field + ": choose what to vary");
            return null;
        }
        for (String typed : List.of(r.fromProblem.get(), r.toProblem.get())) {
            if (!typed.isEmpty()) {
                problems.add(field + ": " + typed);
            }
        }
        problems.addAll(r.parameter.get().check(s).stream().map(m -> field + ": " + m).toList());
        try {
            return r.values();
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    private void report(Object t, BackgroundWork.Progress p, double share) {
        p.update(share, "Sweeping " + Math.round(share * 100) + " %");
        ui.accept(() -> run.progress(t, share));
    }

    private void done(Object t, Runnable show, String summary) {
        if (run.end(t, summary)) {
            show.run();
        }
    }

    private void failed(Object t, Throwable e) {
        run.fail(t, "Failed", "The sweep failed: " + e.getMessage());
    }

    private void cancelled(Object t) {
        run.end(t, "Cancelled");
    }

    private void refreshChoices(Scenario s) {
        List<SweepParameter> now = choicesOf(s);
        if (!now.equals(choices)) {
            choices.setAll(now);
        }
        if (first.parameter.get() == null || !now.contains(first.parameter.get())) {
            first.parameter.set(now.get(0));
        }
        if (second.parameter.get() == null || !now.contains(second.parameter.get())) {
            second.parameter.set(now.size() > 1 ? now.get(1) : now.get(0));
        }
    }
}
