package org.splitscope.io.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;

/**
 * One {@code iperf3 --json} run: the bandwidth is what the receiver got,
 * {@code end.sum_received.bits_per_second} (TCP) or {@code end.sum.bits_per_second} (UDP); the
 * latency half the sender's mean round trip {@code end.streams[0].sender.mean_rtt} (microseconds,
 * TCP on Linux only), or none.
 */
public final class Iperf3Json {
    private Iperf3Json() {
    }

    public static Loaded<LinkMeasurement> read(Path file, String from, String to) {
        Loaded<String> text = MeasureText.read(file);
        return text.isOk() ? parse(text.value(), from, to) : Loaded.failed(text.problems(), text.warnings());
    }

    public static Loaded<LinkMeasurement> parse(String json, String from, String to) {
        Loaded<JsonNode> tree = MeasureText.json(json, "the iperf3 result");
        if (!tree.isOk()) {
            return Loaded.failed(tree.problems(), tree.warnings());
        }
        JsonNode root = tree.value();
        if (root.hasNonNull("error")) {
            return Loaded.failed("error", "iperf3 reported that the test failed: " + InputFiles.quote(root.get("error").asText()));
        }
        JsonNode end = root.path("end");
        String where = "end.sum_received.bits_per_second";
        JsonNode bps = end.path("sum_received").get("bits_per_second");
        if (bps == null) {
            where = "end.sum.bits_per_second";
            bps = end.path("sum").get("bits_per_second");
        }
        Double bits = MeasureText.nonNegative(bps);
        if (bps == null) {
            return Loaded.failed("end", "no end.sum_received or end.sum with bits_per_second: is this iperf3 --json output of a finished test?");
        }
        if (bits == null || bits == 0) {
            return Loaded.failed(where, "must be a number of bits per second > 0, got " + InputFiles.quote(bps.toString()));
        }
        Double rttMicros = MeasureText.nonNegative(end.path("streams").path(0).path("sender").get("mean_rtt"));
        return Loaded.ok(new LinkMeasurement(from, to, bits, rttMicros == null ? null : rttMicros / 2 / 1e6, where), List.of());
    }
}
