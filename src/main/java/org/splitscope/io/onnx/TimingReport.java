package org.splitscope.io.onnx;

import java.util.List;

/**
 * What a profiling session measured.
 *
 * @param deviceClass      the class the latencies are stored under, named after this machine's CPU
 * @param runs             timed runs
 * @param units            per unit, in order: median and spread of its summed kernel times
 * @param medianRunSeconds median of the whole profiled runs, which also holds the runtime's own overhead
 * @param unprofiledRunSeconds median of as many whole runs without the profiler
 * @param unmeasured       nodes of the profile that no run reported (their units count 0 for them)
 */
public record TimingReport(String deviceClass, int runs, List<UnitTiming> units, double medianRunSeconds,
                           double unprofiledRunSeconds, List<String> unmeasured) {
    public TimingReport {
        units = List.copyOf(units);
        unmeasured = List.copyOf(unmeasured);
    }

    /** What the units' medians are multiplied by in the profile: the unprofiled run over their sum (1 when they sum to 0). */
    public double scale() {
        double sum = units.stream().mapToDouble(UnitTiming::median).sum();
        return sum > 0 && unprofiledRunSeconds > 0 ? unprofiledRunSeconds / sum : 1;
    }
}
