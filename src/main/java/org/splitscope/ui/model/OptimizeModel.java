package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.splitscope.explain.WinnerExplanation;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchStopped;
import org.splitscope.perf.InvalidScenarioException;

/**
 * The Optimize panel's model. The settings live in its {@link OptimizeForm}, which the panel's
 * controls bind to; the results are read-only properties; the commands are {@link #run()},
 * {@link #cancel()} and {@link #apply(Plan)}. A run searches the scenario on screen in the
 * background with the chosen {@link SearchMethod}; the ranked plans, the Pareto front, the
 * winner's explanation or a message naming what cannot be met come back on the UI thread. A run
 * stopped by Cancel (the panel's or the status bar's), or by the settings' time limit, answers
 * with the best plans its search found so far ({@link SearchStopped}), shown with the gap the
 * search proved, as a result and not as an error.
 */
public final class OptimizeModel {
    /** The name of the undo step {@link #apply} records. */
    public static final String APPLY = "Apply optimized plan";
    /** How many plans a run lists unless told otherwise. */
    public static final int DEFAULT_COUNT = 10;
    /** How {@link #proofProperty} starts after a stop: "Stopped by you after 2.4 s; ...". */
    public static final String STOPPED = "Stopped by you after ";
    /** How {@link #proofProperty} starts after the settings' time limit stopped a run: "Stopped at the time limit after 30 s; ...". */
    public static final String TIMED_OUT = "Stopped at the time limit after ";
    /** A proven gap as the searches write it in their notes ("within 3.2% of the optimum", "gap 3.20%"). */
    private static final Pattern GAP = Pattern.compile("within (\\S+%) of the optimum|\\bgap (\\S+%)");

    /** What a run's results depend on: the scenario without its plan. */
    private record Inputs(Object profile, Object topology, Object workload) {
        static Inputs of(Scenario s) {
            return new Inputs(s.profile(), s.topology(), s.workload());
        }
    }

    private final ScenarioDocument document;
    private final BackgroundWork work;
    private final Consumer<Runnable> ui;

    private final OptimizeForm form;
    private Topology resultTopology;
    private final PanelRun run = new PanelRun(this, "Not run yet");
    private final ReadOnlyListWrapper<RankedPlan> results =
            new ReadOnlyListWrapper<>(this, "results", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ParetoPoint> front =
            new ReadOnlyListWrapper<>(this, "front", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper proof = new ReadOnlyStringWrapper(this, "proof", "");
    private final ReadOnlyStringWrapper frontNote = new ReadOnlyStringWrapper(this, "frontNote", NOT_RUN);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    /** What the front's chart says before any search. */
    public static final String NOT_RUN = "Run the search to see the front";

    private Inputs searched;
    private CancellationToken token; // the running search's

    /**
     * @param ui      runs progress updates on the UI thread ({@code Platform::runLater} in the window)
     * @param methods the searches the panel offers; the first is chosen
     */
    public OptimizeModel(ScenarioDocument document, BackgroundWork work, Consumer<Runnable> ui, List<SearchMethod> methods) {
        this.document = document;
        this.work = work;
        this.ui = ui;
        this.form = new OptimizeForm(methods, document.getScenario().workload());
        document.scenarioProperty().addListener((o, a, s) -> scenarioChanged(s));
    }

    /** The settings the panel's controls bind to. */
    public OptimizeForm form() {
        return form;
    }

    // ---- results ----

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Progress of the run, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** The last run's plans, best first; empty while running, after an error or a cancel. */
    public ReadOnlyListProperty<RankedPlan> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /**
     * What the front's chart says while the front is empty: that no search ran yet, that one is
     * running, or why the last one drew no front (its method has none, it was stopped, it failed).
     */
    public ReadOnlyStringProperty frontNoteProperty() {
        return frontNote.getReadOnlyProperty();
    }

    /** The last run's Pareto front of (mean latency, accuracy, cost), by increasing mean latency. */
    public ReadOnlyListProperty<ParetoPoint> frontProperty() {
        return front.getReadOnlyProperty();
    }

    /** Why the last run found nothing, naming the field or constraint; empty when it found plans. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    /** Why the winner won (its bottleneck, what the runner-up loses on). */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /**
     * How far the winner is proven: empty when it is proven optimal (or nothing ran); otherwise
     * "not proven optimal" with the gap the search proved, or that no bound is known; after a
     * stop, {@link #STOPPED} with the seconds it ran and the gap of the best plan found so far
     * ("Stopped by you after 2.4 s; best found so far, gap 3.12 %."), or that it found none; after
     * the settings' time limit stopped it, the same beginning with {@link #TIMED_OUT}.
     */
    public ReadOnlyStringProperty proofProperty() {
        return proof.getReadOnlyProperty();
    }

    /** One line on the run: not run, running, cancelled, or how the plans were found. */
    public ReadOnlyStringProperty statusProperty() {
        return run.statusProperty();
    }

    /** True when the scenario's model, topology or workload changed after the run. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Searches the scenario on screen with these settings, in the background; a running search is dropped first. */
    public void run() {
        drop();
        results.clear();
        front.clear();
        explanation.set("");
        proof.set("");
        stale.set(false);
        List<String> problems = new ArrayList<>();
        OptimizeSettings settings = form.settings(problems);
        if (!problems.isEmpty()) {
            frontNote.set("No search: the settings have problems (see the message)");
            run.refuse(problems);
            return;
        }
        frontNote.set("Searching…");
        Scenario scenario = document.getScenario();
        SearchMethod m = form.methodProperty().get();
        CancellationToken t = settings.timeLimit() == null ? new CancellationToken()
                : CancellationToken.withTimeLimit(settings.timeLimit());
        token = t;
        Object ticket = run.start("Searching…");
        long started = System.nanoTime();
        // what the search answered, read when the job ends stopped: a result (it finished first) or its partial result
        AtomicReference<Object> answer = new AtomicReference<>();
        Objective rankedBy = m.rankedBy(settings);
        run.attach(ticket, work.submit("Optimizing", p -> {
            try {
                SearchMethod.Result r = m.search(scenario, settings, reporter(p, t, ticket), t);
                answer.set(r);
                return r;
            } catch (SearchStopped stop) {
                answer.set(stop);
                throw stop;
            }
        }, r -> finished(ticket, scenario, rankedBy, r), e -> failed(ticket, e),
                () -> stopped(ticket, scenario, rankedBy, answer.get(), t.timedOut(), (System.nanoTime() - started) / 1e9)));
    }

    /**
     * Stops the running search. It answers at its next check with the best plans it found so far,
     * which are shown with the gap it proved; until then the run shows "Stopping…".
     */
    public void cancel() {
        if (run.isRunning() && !run.cancelRequested()) {
            token.cancel();
            run.cancelJob();
            run.status("Stopping…");
        }
    }

    /** Stops the running search and forgets it at once: a new run replaces it. */
    private void drop() {
        if (run.isRunning()) {
            token.cancel();
            run.cancelJob();
            run.end(run.current(), "Cancelled");
        }
    }

    /** Puts the plan into the document as one undoable step named {@link #APPLY}. */
    public void apply(Plan plan) {
        document.endGesture();
        document.edit(APPLY, s -> s.withPlan(plan));
        document.endGesture();
    }

    /** A ranked plan of a method that reshaped the topology brings that topology along, in the same step. */
    public void apply(RankedPlan plan) {
        Topology reshaped = resultTopology;
        if (reshaped == null) {
            apply(plan.plan());
            return;
        }
        document.endGesture();
        document.edit(APPLY, s -> s.withTopology(reshaped).withPlan(plan.plan()));
        document.endGesture();
    }

    public void apply(ParetoPoint point) {
        apply(point.plan());
    }

    /** The search's progress, thinned to whole percents, onto the UI; the status bar's Cancel reaches the token. */
    private Progress reporter(BackgroundWork.Progress bar, CancellationToken t, Object ticket) {
        AtomicInteger shown = new AtomicInteger(-1);
        return (done, total) -> {
            if (bar.cancelled()) {
                t.cancel();
            }
            int percent = total <= 0 ? 0 : (int) (100 * done / total);
            if (shown.getAndAccumulate(percent, Math::max) < percent) {
                bar.update(percent / 100.0, "Optimizing " + percent + " %");
                ui.accept(() -> run.progress(ticket, percent / 100.0));
            }
        };
    }

    private void finished(Object ticket, Scenario scenario, Objective rankedBy, SearchMethod.Result r) {
        if (!run.end(ticket, "")) {
            return;
        }
        show(scenario, rankedBy, r);
        if (r.ranked().isEmpty()) {
            run.status("No plan found");
            return;
        }
        var how = r.ranked().get(0).provenance();
        proof.set(how.exact() ? "" : notProven(how));
        String onFront = r.frontNote().isEmpty() ? r.front().size() + " on the Pareto front" : r.frontNote();
        run.status(r.ranked().size() + (r.ranked().size() == 1 ? " plan, " : " plans, ") + onFront + "; " + how.method()
                + (how.exact() ? " (exact)" : " (not proven optimal)") + ", " + how.plansEvaluated() + " plans scored");
    }

    /**
     * The job ended after a stop: with the search's partial result (best plans so far and the gap
     * proved), with its whole result when it finished before it saw the stop, or with nothing.
     */
    private void stopped(Object ticket, Scenario scenario, Objective rankedBy, Object answer, boolean timedOut,
                         double seconds) {
        if (answer instanceof SearchMethod.Result r) {
            finished(ticket, scenario, rankedBy, r);
            return;
        }
        String after = (timedOut ? TIMED_OUT : STOPPED)
                + String.format(Locale.ROOT, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
        if (!(answer instanceof SearchStopped stop) || stop.best().isEmpty()) {
            if (run.end(ticket, timedOut ? "No plan within the time limit" : "Cancelled")) {
                proof.set(after + ", before the search found a plan.");
                frontNote.set("No front: the search was stopped before it found a plan");
            }
            return;
        }
        if (!run.end(ticket, "")) {
            return;
        }
        show(scenario, rankedBy, new SearchMethod.Result(stop.best(), List.of(), null,
                timedOut ? "the search was stopped at the time limit" : "the search was stopped"));
        proof.set(after + "; best found so far, " + gap(stop) + ".");
        var how = stop.best().get(0).provenance();
        run.status((timedOut ? "Stopped at the time limit: " : "Stopped: ") + stop.best().size() + (stop.best().size() == 1 ? " plan" : " plans") + " found so far; "
                + how.method() + ", " + how.plansEvaluated() + " plans scored");
    }

    /** "gap 3.12 %", or that the search keeps no bound. */
    private static String gap(SearchStopped stop) {
        Double g = stop.gap();
        return g == null ? "no bound on the gap is known" : String.format(Locale.ROOT, "gap %.3g %%", 100 * g);
    }

    /** The plans, the front and the winner's explanation of a result that came back. */
    private void show(Scenario scenario, Objective rankedBy, SearchMethod.Result r) {
        searched = Inputs.of(scenario);
        resultTopology = r.topology();
        results.setAll(r.ranked());
        frontNote.set(!r.front().isEmpty() ? "" : r.ranked().isEmpty() ? "No plan meets the goals, so there is no front"
                : r.frontNote().startsWith("no ") ? shortNote("N" + r.frontNote().substring(1))
                : !r.frontNote().isEmpty() ? shortNote("No front: " + r.frontNote())
                : "No Pareto front: this search method finds the best plans for its objective only");
        front.setAll(r.front());
        String why = rankedBy == null ? "" : new WinnerExplanation(rankedBy, r.ranked()).text();
        List<String> notes = r.ranked().isEmpty() ? List.of() : r.ranked().get(0).provenance().notes();
        explanation.set(notes.isEmpty() ? why : why + "\nHow it was found: " + String.join("; ", notes) + ".");
        stale.set(!searched.equals(Inputs.of(document.getScenario())));
    }

    /** Most characters of a note on the chart: a longer one would leave a small chart no room to plot. */
    static final int NOTE_LENGTH = 100;

    /** A note short enough for the chart: cut before its first aside or clause, pointing to the status line for the rest. */
    static String shortNote(String note) {
        if (note.length() <= NOTE_LENGTH) {
            return note;
        }
        int cut = note.length();
        for (String mark : List.of(" (", "; ")) {
            int at = note.indexOf(mark, 20);
            cut = at > 0 ? Math.min(cut, at) : cut;
        }
        if (cut > NOTE_LENGTH) {
            cut = note.lastIndexOf(' ', NOTE_LENGTH);
        }
        return note.substring(0, cut) + "… (the status line's tooltip says more)";
    }

    private void failed(Object ticket, Throwable e) {
        if (run.fail(ticket, "No plans: see the message", message(e))) {
            frontNote.set(e instanceof InfeasibleConstraintsException ? "No plan meets the goals, so there is no front (see the message)"
                    : e instanceof InvalidSearchException ? "No search: the settings have problems (see the message)"
                    : "No front: the search failed (see the message)");
        }
    }

    /** The winner is not proven optimal: with the gap its search proved, when its notes give one. */
    static String notProven(Provenance how) {
        for (String note : how.notes()) {
            Matcher m = GAP.matcher(note);
            if (m.find()) {
                return "Not proven optimal: the search proved it within " + (m.group(1) != null ? m.group(1) : m.group(2))
                        + " of the optimum.";
            }
        }
        return "Not proven optimal: the search proved no bound on how far it is from the optimum (How it was found,"
                + " below the plans, says why).";
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
        form.seedIfChanged(s.workload());
        stale.set(searched != null && !searched.equals(Inputs.of(s)));
    }
}
