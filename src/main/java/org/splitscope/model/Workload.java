package org.splitscope.model;

import java.util.List;

/**
 * The load and the goals a plan is judged against.
 *
 * @param arrivalRatePerSecond requests per second (0 = one request alone, no queueing)
 */
public record Workload(@OptionalField Double arrivalRatePerSecond,
                       @OptionalField Double latencySloSeconds,
                       @OptionalField Double accuracyFloor,
                       @OptionalField Double budgetUsdPerRequest) {
    public static final Workload NONE = new Workload(0.0, null, null, null);

    public Workload {
        arrivalRatePerSecond = arrivalRatePerSecond == null ? 0.0 : arrivalRatePerSecond;
    }

    public Workload withArrivalRate(double perSecond) {
        return new Workload(perSecond, latencySloSeconds, accuracyFloor, budgetUsdPerRequest);
    }

    public List<Problem> validate(String path) {
        Problems p = new Problems();
        p.inRange(arrivalRatePerSecond, Ranges.ARRIVAL_RATE, path + ".arrivalRatePerSecond");
        if (latencySloSeconds != null) {
            p.inRange(latencySloSeconds, Ranges.LATENCY_SLO, path + ".latencySloSeconds");
        }
        if (accuracyFloor != null) {
            p.unitInterval(accuracyFloor, path + ".accuracyFloor");
        }
        if (budgetUsdPerRequest != null) {
            p.inRange(budgetUsdPerRequest, Ranges.BUDGET_USD_PER_REQUEST, path + ".budgetUsdPerRequest");
        }
        return p.list();
    }
}
