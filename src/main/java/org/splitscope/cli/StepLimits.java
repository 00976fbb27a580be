package org.splitscope.cli;

import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;

/** The refusal of a sweep with too many values, naming the options ({@code sweep} and {@code report} share them). */
final class StepLimits {
    private StepLimits() {
    }

    /**
     * Why this many values cannot be swept, naming the option; {@code null} when they can.
     *
     * @param steps2 the second parameter's values, or {@code null} for a one-parameter sweep
     */
    static String refusal(int steps, Integer steps2) {
        if (steps > Sweep.MAX_POINTS) {
            return "--steps: at most " + Sweep.MAX_POINTS + " values per sweep, got " + steps;
        }
        if (steps2 != null && steps2 > Sweep.MAX_POINTS) {
            return "--steps2: at most " + Sweep.MAX_POINTS + " values per sweep, got " + steps2;
        }
        if (steps2 == null || (long) steps * steps2 <= SweepGrid.MAX_POINTS) {
            return null;
        }
        return "--steps x --steps2: " + steps + " x " + steps2 + " = " + (long) steps * steps2
                + " grid points; a grid has at most " + SweepGrid.MAX_POINTS + " (e.g. 200 x 200)";
    }
}
