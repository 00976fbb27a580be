package org.splitscope.ui.view;

/**
 * Where the model strip draws things: units side by side across the width, so that the boundary
 * after unit u (a cut position) lies at {@link #boundaryX(int)}; and the inverse, from a mouse
 * position to the nearest boundary, which is how a dragged cut snaps.
 */
record StripGeometry(double left, double width, int units) {
    double unitWidth() {
        return units == 0 ? 0 : width / units;
    }

    /** x of the boundary after unit u (u = 0 is the model's input edge). */
    double boundaryX(int u) {
        return left + u * unitWidth();
    }

    /** The boundary nearest to x, from 0 to the number of units. */
    int nearestBoundary(double x) {
        if (units == 0) {
            return 0;
        }
        long u = Math.round((x - left) / unitWidth());
        return (int) Math.max(0, Math.min(units, u));
    }

    /** The unit under x (1-based), or 0 outside the bars. */
    int unitAt(double x) {
        if (units == 0 || x < left || x >= left + width) {
            return 0;
        }
        return (int) Math.min(units, Math.floor((x - left) / unitWidth()) + 1);
    }
}
