package org.splitscope.model;

import java.util.Map;

/**
 * Seconds to turn a cut's tensor into bytes (or back) on one device class:
 * {@code fixedSeconds + secondsPerByte * bytes}, unless the cut has its own measured time.
 *
 * @param perCutSeconds measured seconds keyed by cut: 0 is the input, u is "after unit u"
 */
public record SerializationCost(double fixedSeconds, double secondsPerByte,
                                @OptionalField Map<Integer, Double> perCutSeconds) {
    public SerializationCost {
        perCutSeconds = perCutSeconds == null ? Map.of() : Map.copyOf(perCutSeconds);
    }

    public double seconds(int cut, double bytes) {
        Double measured = perCutSeconds.get(cut);
        return measured != null ? measured : fixedSeconds + secondsPerByte * bytes;
    }

    void validate(String path, int unitCount, Problems p) {
        p.inRange(fixedSeconds, Ranges.SECONDS, path + ".fixedSeconds");
        p.inRange(secondsPerByte, Ranges.SECONDS_PER_BYTE, path + ".secondsPerByte");
        perCutSeconds.forEach((cut, s) -> {
            if (cut < 0 || cut > unitCount) {
                p.add(path + ".perCutSeconds." + cut, "cut must be 0 (input) to " + unitCount);
            }
            p.inRange(s, Ranges.SECONDS, path + ".perCutSeconds." + cut);
        });
    }
}
