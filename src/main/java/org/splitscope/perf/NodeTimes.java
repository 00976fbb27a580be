package org.splitscope.perf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.Unit;

/**
 * How long each piece of work takes on one node, precomputed once per profile and topology so
 * that evaluating a plan is a few array lookups: unit-time prefix sums (measured time for the
 * node's class where the profile has one, else FLOPs over the node's effective rate), exit-head
 * times, measured ranges and (de)serialization costs.
 */
final class NodeTimes {
    private final double[] unitPrefix; // unitPrefix[u] = seconds of units 1..u
    private final double[] headSeconds; // per profile exit
    private final Map<Long, Double> ranges; // (first, last) -> seconds; null when none measured
    private final boolean rangesIncludeHead;
    private final SerializationCost serialize;
    private final SerializationCost deserialize;

    NodeTimes(ModelProfile profile, Node node) {
        String cls = node.deviceClass();
        List<Unit> units = profile.units();
        unitPrefix = new double[units.size() + 1];
        for (int u = 1; u <= units.size(); u++) {
            unitPrefix[u] = unitPrefix[u - 1] + Evaluator.unitSeconds(units.get(u - 1), node);
        }
        headSeconds = new double[profile.exits().size()];
        for (int e = 0; e < headSeconds.length; e++) {
            headSeconds[e] = Evaluator.headSeconds(profile.exits().get(e), node);
        }
        RangeLatencyTable table = null;
        for (RangeLatencyTable t : profile.rangeLatencies()) {
            if (t.deviceClass().equals(cls)) {
                table = t;
            }
        }
        if (table == null) {
            ranges = null;
            rangesIncludeHead = false;
        } else {
            ranges = new HashMap<>();
            for (RangeLatency r : table.ranges()) {
                ranges.put(key(r.firstUnit(), r.lastUnit()), r.seconds());
            }
            rangesIncludeHead = table.includesExitHead();
        }
        serialize = profile.serialize().get(cls);
        deserialize = profile.deserialize().get(cls);
    }

    private static long key(int first, int last) {
        return ((long) first << 32) | last;
    }

    /** Seconds of units first..last summed unit by unit. */
    double unitSum(int first, int last) {
        return unitPrefix[last] - unitPrefix[first - 1];
    }

    /** The measured time of units first..last as one piece, or {@code null}. */
    Double range(int first, int last) {
        return ranges == null ? null : ranges.get(key(first, last));
    }

    boolean rangesIncludeHead() {
        return rangesIncludeHead;
    }

    double head(int exit) {
        return headSeconds[exit];
    }

    double serialize(int cut, double bytes) {
        return serialize == null ? 0 : serialize.seconds(cut, bytes);
    }

    double deserialize(int cut, double bytes) {
        return deserialize == null ? 0 : deserialize.seconds(cut, bytes);
    }
}
