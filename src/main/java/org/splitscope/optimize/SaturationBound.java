package org.splitscope.optimize;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;

/**
 * A proof, before any search, that every plan saturates: the units before the first exit head run
 * for every request, each on some node, so the node that runs unit u is busy at least
 * {@code min_n t(u, n) / concurrency(n)} per request, and the arrival rate times the largest such
 * bound is a lower bound on the bottleneck's utilization in every plan. Where it reaches 1, no
 * plan meets "utilization below 1", and the searches answer at once instead of scoring every plan
 * of the space only to refuse each one (an edge cluster with one 1e18-FLOP unit took minutes).
 * O(units x nodes).
 */
final class SaturationBound {
    private SaturationBound() {
    }

    /**
     * @return why every plan saturates, or {@code null} when this bound cannot tell (no arrival
     *         rate, saturation allowed, measured range latencies, which may beat a unit's own time)
     */
    static String everyPlanSaturates(SearchRequest request) {
        double lambda = request.workload().arrivalRatePerSecond();
        ModelProfile profile = request.evaluator().profile();
        if (!request.constraints().belowSaturation() || !(lambda > 0)
                || (profile.rangeLatencies() != null && !profile.rangeLatencies().isEmpty())) {
            return null;
        }
        Topology topology = request.evaluator().topology();
        int alwaysRun = profile.unitCount();
        for (ExitHead e : profile.exits()) {
            alwaysRun = Math.min(alwaysRun, e.afterUnit());
        }
        double worst = 0;
        int worstUnit = 0;
        for (int u = 1; u <= alwaysRun; u++) {
            double least = Double.POSITIVE_INFINITY;
            for (Node n : topology.nodes()) {
                least = Math.min(least, Evaluator.unitSeconds(profile.unit(u), n) / n.concurrency());
            }
            if (least > worst) {
                worst = least;
                worstUnit = u;
            }
        }
        if (worstUnit == 0 || Tolerance.less(lambda * worst, 1)) {
            return null;
        }
        return "unit " + worstUnit + " (" + profile.unit(worstUnit).name() + ") runs for every request and keeps even the"
                + " fastest node busy " + String.format(java.util.Locale.ROOT, "%.4g", worst) + " s per request, more than the "
                + String.format(java.util.Locale.ROOT, "%.4g", 1 / lambda) + " s between arrivals";
    }
}
