package org.splitscope.optimize;

import java.util.List;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Unit;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The unsplit deployment {@link ServerlessSlicing} reports against (the whole model in one
 * function, input uncompressed, every memory size scored by the evaluator; O(M) evaluations),
 * and the explanation when no slicing fits at all.
 */
final class ServerlessBaselines {
    private ServerlessBaselines() {
    }

    static ServerlessBaseline unsplit(Scenario scenario, Constraints constraints, ServerlessTopology functions,
                                      List<Integer> sizes, int lastUnit) {
        Scenario best = null;
        Metrics bestMetrics = null;
        Integer bestSize = null;
        boolean anyFits = false;
        double fastest = Double.POSITIVE_INFINITY;
        int fastestSize = 0;
        Plan plan = new Plan(List.of(new Stage(1, lastUnit, functions.functionId(1))), scenario.plan().exits(),
                scenario.plan().terminalExit());
        for (int mb : sizes) {
            Scenario s = scenario.withTopology(functions.chain(new int[] {mb}, new int[] {1}, new int[] {lastUnit}))
                    .withPlan(plan);
            Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(plan, s.workload());
            if (m.feasible()) {
                anyFits = true;
                double lat = m.loadedLatency() == null ? Double.POSITIVE_INFINITY : m.loadedLatency().mean();
                if (lat < fastest) {
                    fastest = lat;
                    fastestSize = mb;
                }
            }
            if (constraints.metBy(m) && (bestMetrics == null || better(m, bestMetrics))) {
                best = s;
                bestMetrics = m;
                bestSize = mb;
            }
        }
        if (best != null) {
            return new ServerlessBaseline(best, bestMetrics, bestSize, null);
        }
        String reason;
        if (!anyFits && constraints.memoryMustFit()) {
            reason = "the whole model does not fit in one function at any memory size (largest "
                    + sizes.stream().mapToInt(Integer::intValue).max().orElse(0) + " MB)";
        } else if (constraints.latencySloSeconds() != null && Tolerance.less(constraints.latencySloSeconds(), fastest)) {
            reason = "in one function the mean latency exceeds the SLO of " + constraints.latencySloSeconds()
                    + " s at every memory size that fits (fastest: " + fastest + " s at " + fastestSize + " MB)";
        } else {
            reason = "no memory size meets the constraints (" + constraints.active() + ") with the whole model in one function";
        }
        return new ServerlessBaseline(null, null, null, reason);
    }

    private static boolean better(Metrics m, Metrics than) {
        int byCost = Tolerance.compare(m.costUsdPerRequest(), than.costUsdPerRequest());
        return byCost < 0 || byCost == 0 && Tolerance.less(m.meanLatency(), than.meanLatency());
    }

    /** No slicing into at most k functions fits in memory, saturates nothing and has routes: say which unit is too big. */
    static InfeasibleConstraintsException nothingFits(ModelProfile profile, List<Integer> sizes, int k) {
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        double worst = 0;
        String worstUnit = null;
        for (int u = 1; u <= profile.unitCount(); u++) {
            Unit unit = profile.unit(u);
            double need = unit.paramBytes() + unit.workingBytes();
            if (need > worst) {
                worst = need;
                worstUnit = unit.name();
            }
        }
        for (ExitHead h : profile.exits()) {
            worst = Math.max(worst, h.paramBytes() + h.workingBytes());
        }
        if (worst > largest * 1e6) {
            return new InfeasibleConstraintsException("No slicing meets the constraints.", List.of(new UnmetConstraint(
                    Constraint.MEMORY, true, "Unit '" + worstUnit + "' alone needs " + worst + " bytes, more than the"
                    + " largest memory size (" + largest + " MB).")));
        }
        return new InfeasibleConstraintsException("No slicing meets the constraints: with at most " + k + " function(s),"
                + " every slicing overflows a function's memory or saturates a function or link at the arrival rate.",
                List.of(new UnmetConstraint(Constraint.MEMORY, false, "Allow more functions or larger memory sizes.")));
    }
}
