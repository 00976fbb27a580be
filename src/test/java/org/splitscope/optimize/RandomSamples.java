package org.splitscope.optimize;

import java.util.Random;

import org.splitscope.model.SampleStats;

/** Random per-sample exit statistics for the bound tests, drawn in one fixed order so that a seed gives the same samples. */
final class RandomSamples {
    private RandomSamples() {
    }

    /**
     * Samples whose confidence rises along the exits from a level of their own; a sample is right
     * at an exit with probability base + slope x its confidence there, and at the final classifier
     * with probability 0.9.
     */
    static SampleStats draw(Random r, int samples, int exits, double base, double slope) {
        double[][] conf = new double[exits][samples];
        boolean[][] correct = new boolean[exits][samples];
        boolean[] fin = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            double level = r.nextDouble();
            for (int e = 0; e < exits; e++) {
                conf[e][s] = Math.min(1, level + r.nextDouble() * 0.5 * (e + 1) / exits);
                correct[e][s] = r.nextDouble() < base + slope * conf[e][s];
            }
            fin[s] = r.nextDouble() < 0.9;
        }
        return new SampleStats(conf, correct, fin);
    }
}
