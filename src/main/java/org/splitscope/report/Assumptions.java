package org.splitscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.perf.AccuracyMethod;
import org.splitscope.perf.Metrics;

/**
 * The assumptions and approximations behind one evaluated plan, read from the scenario and the
 * evaluator's metrics (performance-model.md states them in general; a report says which apply):
 * synthetic exit statistics, curve-based (approximate) exit probabilities, stage times from FLOPs
 * rather than measurements, the transfer and queueing models, and the evaluator's warnings.
 * Runs in O(N) for N units plus the warnings.
 */
public final class Assumptions {
    private Assumptions() {
    }

    public static List<Assumption> of(Scenario s, Metrics m) {
        List<Assumption> all = new ArrayList<>();
        exitStatistics(s, m, all);
        stageTimes(s, all);
        all.add(new Assumption("Transfers", "cut tensors cross links with PORTEND's packet-pipelining model over"
                + " the least-time route (propagation + packets at the slowest link's bandwidth); no contention"
                + " other than the queueing below"));
        if (m.arrivalRatePerSecond() > 0) {
            all.add(new Assumption("Queueing", String.format(Locale.ROOT, "M/D/1 waits at every node and link at"
                    + " %s (Poisson arrivals, deterministic service per visit)", Figures.rate(m.arrivalRatePerSecond()))));
        } else {
            all.add(new Assumption("Queueing", "no arrival rate: latencies are those of one request alone"));
        }
        if (s.topology().nodes().stream().anyMatch(n -> n.pricing() instanceof ServerlessPricing)) {
            all.add(new Assumption("Serverless", "cold starts are mixed into the latency distribution with their"
                    + " probability; compute speed scales with the function's memory size"));
        }
        for (String w : m.warnings()) {
            all.add(new Assumption("Warning", w));
        }
        return List.copyOf(all);
    }

    /** Whether the scenario or its model says its exit statistics are synthetic or made up. */
    public static boolean syntheticExitStatistics(Scenario s) {
        ModelProfile p = s.profile();
        if (p.exitStats() == null) {
            return false;
        }
        String said = (s.description() + " " + (p.description() == null ? "" : p.description())).toLowerCase(Locale.ROOT);
        return said.contains("synthetic") || said.contains("made up") || said.contains("made-up");
    }

    private static void exitStatistics(Scenario s, Metrics m, List<Assumption> all) {
        if (syntheticExitStatistics(s)) {
            all.add(new Assumption("Synthetic exit statistics", "the scenario says its exit statistics are"
                    + " synthetic or made up, not measured: accuracy and exit shares illustrate the model only"));
        }
        AccuracyMethod method = m.accuracyMethod();
        String detail = switch (method) {
            case SAMPLES -> "exit shares and accuracy are exact and joint, computed from per-sample confidences";
            case CURVES_INDEPENDENT -> "exit probabilities come from per-exit curves and are APPROXIMATE: each exit's"
                    + " rate is assumed independent of the exits before it";
            case CURVES_NESTED -> "exit probabilities come from per-exit curves and are APPROXIMATE: PORTEND's nested"
                    + " assumption (a sample that passes an exit would pass every later one)";
            case UNKNOWN -> "the profile has no exit statistics: accuracy is unknown and every request runs to the end";
        };
        all.add(new Assumption("Exit probabilities: " + method.description(), detail));
    }

    /** Per stage, whether its times are measured (per unit or per range) or FLOPs over the node's rate. */
    private static void stageTimes(Scenario s, List<Assumption> all) {
        ModelProfile p = s.profile();
        List<String> estimated = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (Stage st : s.plan().stages()) {
            Node n = s.topology().node(st.node());
            if (n == null) {
                continue;
            }
            String cls = n.deviceClass();
            boolean ranges = p.rangeLatencies() != null
                    && p.rangeLatencies().stream().map(RangeLatencyTable::deviceClass).anyMatch(cls::equals);
            int timed = 0;
            for (int u = st.firstUnit(); u <= st.lastUnit(); u++) {
                if (p.unit(u).latencySeconds().containsKey(cls)) {
                    timed++;
                }
            }
            int count = st.lastUnit() - st.firstUnit() + 1;
            String where = "units " + st.firstUnit() + "-" + st.lastUnit() + " on " + n.id() + " (" + cls + ")";
            if (timed == count) {
                measured.add(where + ": measured per unit");
            } else if (ranges) {
                measured.add(where + ": measured ranges where they cover the stage, else per unit or FLOPs");
            } else if (timed > 0) {
                measured.add(where + String.format(Locale.ROOT, ": %d of %d units measured, the rest from FLOPs", timed, count));
            } else {
                estimated.add(where);
            }
        }
        if (!estimated.isEmpty()) {
            all.add(new Assumption("FLOP-based times", "no measured times for " + String.join("; ", estimated)
                    + ": compute time = FLOPs / the node's effective FLOP/s, an estimate"));
        }
        for (String m : measured) {
            all.add(new Assumption("Measured times", m));
        }
    }
}
