package org.splitscope.io.report;

import java.util.List;

import org.splitscope.whatif.SweepPoint;

/** A what-if sweep to show in a report: the parameter's name (as {@code SweepParameter} prints it) and the points. */
public record SweepResult(String parameter, List<SweepPoint> points) {
    public SweepResult {
        points = List.copyOf(points);
    }
}
