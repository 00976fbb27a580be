package org.splitscope.optimize;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;

/**
 * When {@link DnnSplitCandidates} provably suffice. The exchange argument: move each cut of a
 * plan without exits back to the latest candidate at or before it (fewest bytes so far); units
 * move to later stages, stages that become empty disappear and their two transfers merge into
 * one. Latency and cost do not grow when
 * <ul>
 * <li>no exit runs (the plan ends with the final classifier, no head, no partial model);</li>
 * <li>the objective is mean latency or cost, and no constraint depends on the load or on where
 *     units sit: no arrival-rate effects (rate 0, or neither an SLO nor the saturation check),
 *     no memory limit in force, no pins or forbids;</li>
 * <li>stages move outward, and every node of a higher tier runs every unit at least as fast
 *     and at most as expensively (busy-time price x seconds) as every node of a lower tier;</li>
 * <li>time and price of a transfer do not grow when it carries fewer bytes or merges with the
 *     next: always true for time (least-time routes), for egress when no link charges it or
 *     routes are unique (at most V - 1 links);</li>
 * <li>the terms of a stage add up unit by unit and (de)serialization grows with the bytes: no
 *     measured ranges, no serverless billing, no per-cut measured serialization.</li>
 * </ul>
 * O(V^2 N) to check for V nodes and N units.
 */
final class DnnSplitRule {
    private DnnSplitRule() {
    }

    /** Null when the candidates suffice for this request, else the first condition that fails. */
    static String whyNot(SearchRequest r, ChainCosts cc) {
        Topology topology = r.evaluator().topology();
        if (r.objective() != Objective.MEAN_LATENCY && r.objective() != Objective.COST) {
            return "the objective is not mean latency or cost";
        }
        if (r.space().placement() != Placement.OUTWARD) {
            return "stages need not move outward";
        }
        if (!r.space().pins().isEmpty() || !r.space().forbids().isEmpty()) {
            return "pins or forbids restrict where units run";
        }
        Constraints c = r.constraints();
        if (r.workload().arrivalRatePerSecond() > 0 && (c.belowSaturation() || c.latencySloSeconds() != null)) {
            return "queueing at the arrival rate depends on where units run";
        }
        for (int n = 0; n < cc.nodeCount; n++) {
            if (c.memoryMustFit() && cc.capacity[n] < Double.POSITIVE_INFINITY) {
                return "node memory is limited";
            }
            if (cc.serverless[n] != null || cc.hasRanges(n)) {
                return "a node has serverless billing or measured ranges";
            }
        }
        if (cc.measuredSerialization()) {
            return "serialization is measured per cut";
        }
        boolean egress = topology.links().stream().mapToDouble(Link::usdPerGB).anyMatch(p -> p > 0);
        if (egress && topology.links().size() >= cc.nodeCount) {
            return "links charge egress and routes are not unique";
        }
        for (int lo = 0; lo < cc.nodeCount; lo++) {
            for (int hi = 0; hi < cc.nodeCount; hi++) {
                if (topology.nodes().get(lo).tier() < topology.nodes().get(hi).tier() && !better(cc, hi, lo)) {
                    return "node '" + topology.nodes().get(hi).id() + "' is not faster and cheaper for every unit than '"
                            + topology.nodes().get(lo).id() + "' on a lower tier";
                }
            }
        }
        return null;
    }

    private static boolean better(ChainCosts cc, int hi, int lo) {
        for (int u = 1; u <= cc.units; u++) {
            double tHi = cc.unitSeconds[hi][u];
            double tLo = cc.unitSeconds[lo][u];
            if (tHi > tLo || cc.usdPerBusySecond[hi] * tHi > cc.usdPerBusySecond[lo] * tLo) {
                return false;
            }
        }
        return true;
    }
}
