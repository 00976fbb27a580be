package org.splitscope.optimize;

import org.splitscope.perf.Metrics;
import org.splitscope.perf.ResourceUse;

/**
 * What a pipeline placement minimizes (SEIFER, Parthasarathy and Krishnamachari 2022). Both are
 * seconds per request read from the evaluator's busy times, so smaller is better.
 */
public enum PipelineObjective {
    /**
     * The bottleneck: the largest load (busy seconds per request over concurrency) of any node or
     * link, the input's trip from the source and the result's to the sink included. Pipelined
     * throughput is its inverse, so this is SEIFER's throughput objective.
     */
    BOTTLENECK("bottleneck (1 / throughput)", true),
    /**
     * SEIFER's communication objective: the largest busy time of any link, that is of the slowest
     * cut's transfer (sums where transfers share a link); compute is ignored, memory and the
     * other constraints still hold.
     */
    COMMUNICATION("largest link transfer time", false);

    private final String label;
    private final boolean countsNodes;

    PipelineObjective(String label, boolean countsNodes) {
        this.label = label;
        this.countsNodes = countsNodes;
    }

    public String label() {
        return label;
    }

    /** Whether node loads count towards the objective (not only towards saturation). */
    boolean countsNodes() {
        return countsNodes;
    }

    /** The objective's value of an evaluated plan, in seconds per request. */
    public double value(Metrics m) {
        double worst = 0;
        for (ResourceUse r : m.resources()) {
            if (countsNodes || r.kind() == ResourceUse.Kind.LINK) {
                worst = Math.max(worst, r.loadPerRequest());
            }
        }
        return worst;
    }
}
