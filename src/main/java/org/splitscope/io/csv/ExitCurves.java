package org.splitscope.io.csv;

import java.util.Arrays;
import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;

/**
 * Per-exit threshold curves read from a file, with the exit ids in the file's order.
 *
 * @param exits the exit ids, in the order of {@code stats.curves()}
 */
public record ExitCurves(List<String> exits, CurveStats stats) {
    public ExitCurves {
        exits = List.copyOf(exits);
    }

    /** The curves in the order of a profile's exits, every one present. */
    public Loaded<CurveStats> forExits(List<String> profileExits) {
        Loaded<int[]> order = ExitOrder.positions(exits, profileExits);
        if (!order.isOk()) {
            return Loaded.failed(order.problems(), order.warnings());
        }
        List<ExitCurve> curves = Arrays.stream(order.value()).mapToObj(stats.curves()::get).toList();
        return Loaded.ok(new CurveStats(curves, stats.finalAccuracy(), stats.combination()), List.of());
    }
}
