package org.splitscope.optimize;

import java.util.EnumSet;
import java.util.Set;

import org.splitscope.model.Workload;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * What a plan must satisfy to be returned. Limits are compared through {@link Tolerance}, so a
 * plan exactly at a limit meets it.
 *
 * @param accuracyFloor       lowest accepted accuracy; a plan whose accuracy is unknown fails it
 * @param latencySloSeconds   highest accepted mean latency under load (M/D/1 waits at the
 *                            workload's arrival rate); a saturated plan fails it
 * @param budgetUsdPerRequest highest accepted cost per request
 * @param memoryMustFit       every node holds the parameters and working set of what it runs
 * @param belowSaturation     every node and link has utilization below 1 at the arrival rate
 */
public record Constraints(Double accuracyFloor, Double latencySloSeconds, Double budgetUsdPerRequest,
                          boolean memoryMustFit, boolean belowSaturation) {
    /** Nothing but a plan that fits in memory and does not saturate. */
    public static final Constraints FEASIBLE = new Constraints(null, null, null, true, true);
    /** No constraint at all. */
    public static final Constraints NONE = new Constraints(null, null, null, false, false);

    /** The workload's goals, memory fit and no saturation. */
    public static Constraints of(Workload w) {
        return new Constraints(w.accuracyFloor(), w.latencySloSeconds(), w.budgetUsdPerRequest(), true, true);
    }

    public Constraints withAccuracyFloor(Double floor) {
        return new Constraints(floor, latencySloSeconds, budgetUsdPerRequest, memoryMustFit, belowSaturation);
    }

    public Constraints withLatencySlo(Double seconds) {
        return new Constraints(accuracyFloor, seconds, budgetUsdPerRequest, memoryMustFit, belowSaturation);
    }

    public Constraints withBudget(Double usdPerRequest) {
        return new Constraints(accuracyFloor, latencySloSeconds, usdPerRequest, memoryMustFit, belowSaturation);
    }

    /** The constraints that are switched on. */
    public Set<Constraint> active() {
        Set<Constraint> on = EnumSet.noneOf(Constraint.class);
        if (accuracyFloor != null) {
            on.add(Constraint.ACCURACY_FLOOR);
        }
        if (latencySloSeconds != null) {
            on.add(Constraint.LATENCY_SLO);
        }
        if (budgetUsdPerRequest != null) {
            on.add(Constraint.BUDGET);
        }
        if (memoryMustFit) {
            on.add(Constraint.MEMORY);
        }
        if (belowSaturation) {
            on.add(Constraint.UTILIZATION);
        }
        return on;
    }

    /** Only the given one of these constraints (to find out which one cannot be met). */
    public Constraints only(Constraint c) {
        return new Constraints(c == Constraint.ACCURACY_FLOOR ? accuracyFloor : null,
                c == Constraint.LATENCY_SLO ? latencySloSeconds : null,
                c == Constraint.BUDGET ? budgetUsdPerRequest : null,
                c == Constraint.MEMORY && memoryMustFit, c == Constraint.UTILIZATION && belowSaturation);
    }

    /** The active constraints the evaluated plan violates; empty when it meets them all. */
    public Set<Constraint> unmet(Metrics m) {
        Set<Constraint> unmet = EnumSet.noneOf(Constraint.class);
        if (accuracyFloor != null && (m.accuracy() == null || Tolerance.less(m.accuracy(), accuracyFloor))) {
            unmet.add(Constraint.ACCURACY_FLOOR);
        }
        if (latencySloSeconds != null
                && (m.loadedLatency() == null || Tolerance.less(latencySloSeconds, m.loadedLatency().mean()))) {
            unmet.add(Constraint.LATENCY_SLO);
        }
        if (budgetUsdPerRequest != null && Tolerance.less(budgetUsdPerRequest, m.costUsdPerRequest())) {
            unmet.add(Constraint.BUDGET);
        }
        if (memoryMustFit && !m.feasible()) {
            unmet.add(Constraint.MEMORY);
        }
        if (belowSaturation && m.saturated()) {
            unmet.add(Constraint.UTILIZATION);
        }
        return unmet;
    }

    public boolean metBy(Metrics m) {
        return unmet(m).isEmpty();
    }
}
