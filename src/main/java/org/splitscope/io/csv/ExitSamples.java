package org.splitscope.io.csv;

import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.model.SampleStats;

/**
 * Per-sample exit statistics read from a file, with the exit ids in the file's column order.
 *
 * @param exits the exit ids, in the order of the rows of {@code stats}' arrays
 */
public record ExitSamples(List<String> exits, SampleStats stats) {
    public ExitSamples {
        exits = List.copyOf(exits);
    }

    /** The statistics with their rows in the order of a profile's exits, every one present. */
    public Loaded<SampleStats> forExits(List<String> profileExits) {
        Loaded<int[]> order = ExitOrder.positions(exits, profileExits);
        if (!order.isOk()) {
            return Loaded.failed(order.problems(), order.warnings());
        }
        int[] at = order.value();
        double[][] confidence = new double[at.length][];
        boolean[][] correct = new boolean[at.length][];
        for (int k = 0; k < at.length; k++) {
            confidence[k] = stats.confidence()[at[k]];
            correct[k] = stats.correct()[at[k]];
        }
        return Loaded.ok(new SampleStats(confidence, correct, stats.correctFinal()), List.of());
    }
}
