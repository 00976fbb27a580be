package org.splitscope.perf;

import java.util.List;

import org.splitscope.model.Problem;

/**
 * The last check before metrics leave the evaluator: every figure is finite. Validation's ranges
 * keep them so; should a combination of extreme values still overflow, the scenario is refused
 * naming the figure, instead of Infinity or NaN reaching a view, a report or a ranking.
 */
final class FiniteFigures {
    private FiniteFigures() {
    }

    /** @throws InvalidScenarioException naming the first figure that is not finite */
    static void check(Metrics m) {
        String figure = firstNonFinite(m);
        if (figure != null) {
            throw new InvalidScenarioException(List.of(new Problem("", "the figures overflow: the " + figure
                    + " is too large to compute; some values are too extreme together, e.g. a unit's flops"
                    + " against a node's flopsPerSecond")));
        }
    }

    /** The first non-finite figure in words (e.g. {@code p95 latency}), or {@code null} when all are finite. */
    static String firstNonFinite(Metrics m) {
        String latency = summary(m.latency(), "latency");
        if (latency != null) {
            return latency;
        }
        if (m.loadedLatency() != null && (latency = summary(m.loadedLatency(), "latency under load")) != null) {
            return latency;
        }
        for (Outcome o : m.outcomes()) {
            String at = " of the requests that leave at '" + o.label() + "'";
            if (bad(o.probability()) || bad(o.latency()) || bad(o.loadedLatency()) || bad(o.accuracy())) {
                return "latency" + at;
            }
            for (LatencyPart part : o.parts()) {
                if (bad(part.seconds())) {
                    return part.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " time on '"
                            + part.resource() + "'" + at;
                }
            }
        }
        if (bad(m.accuracy())) {
            return "accuracy";
        }
        for (ResourceUse r : m.resources()) {
            if (bad(r.busySeconds()) || bad(r.visitsPerRequest()) || bad(r.meanServiceSeconds())) {
                return "busy time of '" + r.id() + "'";
            }
            if (bad(r.utilization()) || bad(r.waitSeconds())) {
                return "wait at '" + r.id() + "'";
            }
        }
        if (bad(m.throughputPerSecond())) {
            return "throughput";
        }
        if (bad(m.arrivalRatePerSecond())) {
            return "arrival rate";
        }
        if (bad(m.costUsdPerRequest()) || bad(m.costUsdPerMillion())) {
            return "cost per request";
        }
        if (bad(m.costUsdPerHour())) {
            return "cost per hour";
        }
        for (CostItem c : m.costItems()) {
            if (bad(c.usdPerRequest())) {
                return "cost of '" + c.resource() + "'";
            }
        }
        if (bad(m.energyJoulesPerRequest())) {
            return "energy per request";
        }
        for (EnergyUse e : m.energy()) {
            if (bad(e.joulesPerRequest())) {
                return "energy on '" + e.node() + "'";
            }
        }
        for (MemoryUse u : m.memory()) {
            if (bad(u.paramBytes()) || bad(u.workingBytes()) || bad(u.capacityBytes()) || bad(u.overflowBytes())) {
                return "memory on '" + u.node() + "'";
            }
        }
        return null;
    }

    private static String summary(LatencySummary s, String what) {
        if (bad(s.mean())) {
            return "mean " + what;
        }
        if (bad(s.p50()) || bad(s.p95()) || bad(s.p99())) {
            return "percentiles of the " + what;
        }
        for (LatencyPoint p : s.distribution()) {
            if (bad(p.seconds()) || bad(p.probability())) {
                return what + " distribution";
            }
        }
        return null;
    }

    private static boolean bad(double v) {
        return !Double.isFinite(v);
    }

    private static boolean bad(Double v) {
        return v != null && !Double.isFinite(v);
    }
}
