package org.splitscope.model;

import java.util.List;

/**
 * Partition-wise measured latencies for one device class (PORTEND profiles every range because
 * summing per-layer times underestimates a partition).
 *
 * @param includesExitHead whether each range's time includes the exit head attached after its
 *                         last unit, when the profile has one there
 */
public record RangeLatencyTable(String deviceClass, boolean includesExitHead, List<RangeLatency> ranges) {
    public RangeLatencyTable {
        ranges = List.copyOf(ranges);
    }

    void validate(String path, int unitCount, Problems p) {
        p.notBlank(deviceClass, path + ".deviceClass");
        if (!p.atMost(ranges.size(), SizeLimits.MAX_RANGES, "ranges", path + ".ranges")) {
            return;
        }
        for (int i = 0; i < ranges.size(); i++) {
            RangeLatency r = ranges.get(i);
            String at = path + ".ranges[" + i + "]";
            if (r.firstUnit() < 1 || r.lastUnit() > unitCount || r.firstUnit() > r.lastUnit()) {
                p.add(at, "range " + r.firstUnit() + ".." + r.lastUnit() + " is not within units 1.." + unitCount);
            }
            p.inRange(r.seconds(), Ranges.SECONDS, at + ".seconds");
        }
    }
}
