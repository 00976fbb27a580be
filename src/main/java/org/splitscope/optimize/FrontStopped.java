package org.splitscope.optimize;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The Pareto front stopped before it finished, with the part it had proven: its configurations are
 * searched from the most accurate down, and no plan can be dominated by a less accurate one, so
 * once every configuration more accurate than {@link #completeAbove} has been searched the front's
 * points above that accuracy are final. Caught as the {@link CancellationException} it is by a
 * caller that only needs to know that the search stopped.
 */
public final class FrontStopped extends CancellationException {
    private static final long serialVersionUID = 1L;

    private final transient List<ParetoPoint> points;
    private final double completeAbove;

    /**
     * @param points        every point of the front more accurate than {@code completeAbove}, by increasing mean latency
     * @param completeAbove the accuracy (a share) of the most accurate configuration not yet searched
     */
    FrontStopped(List<ParetoPoint> points, double completeAbove) {
        super("the Pareto front was stopped before it was finished");
        this.points = List.copyOf(points);
        this.completeAbove = completeAbove;
    }

    /** The front's points more accurate than {@link #completeAbove}, by increasing mean latency; may be empty. */
    public List<ParetoPoint> points() {
        return points;
    }

    /** The front is complete for plans more accurate than this share; less accurate plans were not all searched. */
    public double completeAbove() {
        return completeAbove;
    }
}
