package org.splitscope.ui.view;

/**
 * Where the model strip draws things: units side by side across the width, so that the boundary
 * after unit u (a cut position) lies at {@link #boundaryX(int)}; and the inverse, from a mouse
 * position to the nearest boundary, which is how a dragged cut snaps.
 *
 * @param boundaries each boundary's position as a share of the width, 0 to 1 (units may differ in width)
 */
record StripGeometry(double left, double width, double[] boundaries) {
    int units() {
        return Math.max(0, boundaries.length - 1);
    }

    /** x of the boundary after unit u (u = 0 is the model's input edge). */
    double boundaryX(int u) {
        return units() == 0 ? left : left + boundaries[u] * width;
    }

    /** The boundary nearest to x, from 0 to the number of units. */
    int nearestBoundary(double x) {
        int best = 0;
        for (int u = 1; u <= units(); u++) {
            if (Math.abs(boundaryX(u) - x) < Math.abs(boundaryX(best) - x)) {
                best = u;
            }
        }
        return best;
    }

    /** The unit under x (1-based), or 0 outside the bars. */
    int unitAt(double x) {
        for (int u = 1; u <= units(); u++) {
            if (x >= boundaryX(u - 1) && x < boundaryX(u)) {
                return u;
            }
        }
        return 0;
    }
}
