package org.splitscope.whatif;

import java.util.List;

/**
 * A finished one-parameter sweep, as the window's chart and a report show it: the parameter,
 * whether its values were spaced geometrically, the points and the indices where the best plan
 * changes ({@link Sweep#planChanges}).
 */
public record SweepResult(SweepParameter parameter, boolean log, List<SweepPoint> points, List<Integer> changes) {
    public SweepResult {
        points = List.copyOf(points);
        changes = List.copyOf(changes);
    }

    public static SweepResult of(SweepParameter parameter, boolean log, List<SweepPoint> points) {
        return new SweepResult(parameter, log, points, Sweep.planChanges(points));
    }
}
