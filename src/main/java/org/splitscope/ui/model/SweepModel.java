package org.splitscope.ui.model;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.whatif.ThresholdSweep;

/**
 * The accuracy-latency curve of the current plan as its thresholds sweep, recomputed in the
 * background whenever something other than a threshold changes (a threshold only moves the
 * current point, which the chart takes from the live metrics). While a cut is dragged the
 * sweeps of intermediate positions are cancelled; a short pause before each sweep lets a drag
 * finish first.
 */
public final class SweepModel {
    /** How long a sweep waits for the next change of a drag before it starts. */
    static final long SETTLE_MILLIS = 120;

    /** Everything a sweep depends on: the scenario without its thresholds. */
    private record Key(Object profile, Object topology, Object workload, Object stages, List<String> exits,
                       String terminal) {
        static Key of(Scenario s) {
            return new Key(s.profile(), s.topology(), s.workload(), s.plan().stages(),
                    s.plan().exits().stream().map(EnabledExit::exit).toList(), s.plan().terminalExit());
        }
    }

    private final BackgroundWork work;
    private final long settleMillis;
    private final ReadOnlyObjectWrapper<List<ThresholdSweep.Point>> points =
            new ReadOnlyObjectWrapper<>(this, "points", List.of());
    private Key key;
    private BackgroundWork.Handle running;

    public SweepModel(LiveMetrics metrics, BackgroundWork work) {
        this(metrics, work, SETTLE_MILLIS);
    }

    SweepModel(LiveMetrics metrics, BackgroundWork work, long settleMillis) {
        this.work = work;
        this.settleMillis = settleMillis;
        metrics.evaluatedProperty().addListener((o, a, s) -> sweep(s));
        if (metrics.evaluatedProperty().get() != null) {
            sweep(metrics.evaluatedProperty().get());
        }
    }

    /** The swept points in threshold order; empty when no exit is enabled. */
    public ReadOnlyObjectProperty<List<ThresholdSweep.Point>> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    private void sweep(Scenario s) {
        Key k = Key.of(s);
        if (Objects.equals(k, key)) {
            return;
        }
        key = k;
        if (running != null) {
            running.cancel();
        }
        if (s.plan().exits().isEmpty()) {
            points.set(List.of());
            return;
        }
        running = work.submit("Sweeping thresholds", progress -> {
            Thread.sleep(settleMillis);
            progress.checkCancelled();
            // its own evaluator, so that the live one keeps its cached exit outcomes
            Evaluator evaluator = new Evaluator(s.profile(), s.topology());
            int steps = ThresholdSweep.STEPS;
            return new ThresholdSweep(evaluator, s).run(steps, share -> progress.update(share,
                    "Sweeping thresholds " + Math.round(share * steps) + "/" + steps), progress::cancelled);
        }, points::set, error -> points.set(List.of()));
    }
}
