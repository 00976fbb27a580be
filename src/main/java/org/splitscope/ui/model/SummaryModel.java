package org.splitscope.ui.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.chart.Formats;
import org.splitscope.perf.Metrics;

/**
 * The metrics summary as text: expected latency, p95, accuracy and its method, cost per million
 * requests, throughput and bottleneck, and latency under load. Every figure is the evaluator's,
 * formatted by {@link Formats}; nothing is computed here.
 */
public final class SummaryModel {
    private final ReadOnlyStringWrapper expectedLatency = new ReadOnlyStringWrapper(this, "expectedLatency");
    private final ReadOnlyStringWrapper p95 = new ReadOnlyStringWrapper(this, "p95");
    private final ReadOnlyStringWrapper accuracy = new ReadOnlyStringWrapper(this, "accuracy");
    private final ReadOnlyStringWrapper accuracyMethod = new ReadOnlyStringWrapper(this, "accuracyMethod");
    private final ReadOnlyStringWrapper costPerMillion = new ReadOnlyStringWrapper(this, "costPerMillion");
    private final ReadOnlyStringWrapper throughput = new ReadOnlyStringWrapper(this, "throughput");
    private final ReadOnlyStringWrapper bottleneck = new ReadOnlyStringWrapper(this, "bottleneck");
    private final ReadOnlyStringWrapper loaded = new ReadOnlyStringWrapper(this, "loaded");

    public SummaryModel(LiveMetrics metrics) {
        metrics.metricsProperty().addListener((o, a, m) -> show(m));
        show(metrics.getMetrics());
    }

    private void show(Metrics m) {
        if (m == null) {
            for (ReadOnlyStringWrapper w : new ReadOnlyStringWrapper[] {expectedLatency, p95, accuracy, accuracyMethod,
                    costPerMillion, throughput, bottleneck, loaded}) {
                w.set(Formats.NONE);
            }
            return;
        }
        expectedLatency.set(Formats.ms(m.latency().mean()));
        p95.set(Formats.ms(m.latency().p95()));
        accuracy.set(Formats.percent(m.accuracy()));
        accuracyMethod.set(m.accuracyMethod().description());
        costPerMillion.set(Formats.usd(m.costUsdPerMillion()));
        throughput.set(Formats.rate(m.throughputPerSecond()));
        bottleneck.set(m.bottleneck() == null ? Formats.NONE : m.bottleneck());
        if (m.arrivalRatePerSecond() <= 0) {
            loaded.set("no load set (one request alone)");
        } else if (m.saturated() || m.loadedLatency() == null) {
            loaded.set("saturated at " + Formats.rate(m.arrivalRatePerSecond()));
        } else {
            loaded.set(Formats.ms(m.loadedLatency().mean()) + " mean at " + Formats.rate(m.arrivalRatePerSecond()));
        }
    }

    public ReadOnlyStringProperty expectedLatencyProperty() {
        return expectedLatency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p95Property() {
        return p95.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyMethodProperty() {
        return accuracyMethod.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costPerMillionProperty() {
        return costPerMillion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputProperty() {
        return throughput.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bottleneckProperty() {
        return bottleneck.getReadOnlyProperty();
    }

    /** Latency under the workload's arrival rate, or why there is none. */
    public ReadOnlyStringProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
