package org.splitscope.optimize;

/**
 * The best threshold to turn an exit on at where its curves are independent: at threshold t a
 * share r_t of the requests leaves there (worth leave - ca x their accuracy) and the rest goes on
 * (worth on[t]), after the exit head that every request runs. One expression and one order of
 * comparison for {@link ExitScalar} and {@link ExitStageScalar}, so that their values agree bit
 * for bit.
 */
final class IndependentThreshold {
    private IndependentThreshold() {
    }

    /**
     * The threshold of exit e with the least {@link #value}, the first on ties; -1 when every
     * threshold's way on is infinite.
     *
     * @param on [t]: the best way on after the exit turned on at threshold t
     */
    static int best(ExitGraph g, int e, double[] on, double head, double leave, double ca) {
        double least = Double.POSITIVE_INFINITY;
        int arg = -1;
        for (int t = 0; t < g.grid[e].length; t++) {
            if (on[t] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double v = value(g, e, t, on, head, leave, ca);
            if (v < least) {
                least = v;
                arg = t;
            }
        }
        return arg;
    }

    /** Exit e on at threshold t: the head, the leaving share's value, the rest's way on. */
    static double value(ExitGraph g, int e, int t, double[] on, double head, double leave, double ca) {
        double r = g.rate[e][t];
        return head + r * (leave - ca * g.exitedAcc[e][t]) + (1 - r) * on[t];
    }
}
