package org.splitscope.ui.model;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * A problem as the problems list says it: its JSON path and message (SI units, as in the file),
 * and beside them the value as the property sheet shows it, in the field's display unit
 * ("shown as 0 Mb/s"), so that the field and the problem can be matched at a glance.
 */
public final class ProblemValues {
    private static final Pattern ELEMENT = Pattern.compile("^topology\\.(nodes|links)\\[(\\d+)]\\.(\\w+(?:\\.\\w+)?)$");

    /** A field of an element read in its display unit. */
    private record Shown<T>(Function<T, Double> read, String unit) {
    }

    private static final Map<String, Shown<Link>> LINK = Map.of(
            "bandwidthBps", new Shown<>(l -> l.bandwidthBps() / 1e6, "Mb/s"),
            "latencySeconds", new Shown<>(l -> l.latencySeconds() * 1e3, "ms"),
            "usdPerGB", new Shown<>(Link::usdPerGB, "$/GB"));
    private static final Map<String, Shown<Node>> NODE = Map.of(
            "flopsPerSecond", new Shown<>(n -> n.flopsPerSecond() / 1e9, "GFLOP/s"),
            "memoryBytes", new Shown<>(n -> n.memoryBytes() == null ? null : n.memoryBytes() / 1e9, "GB"),
            "tier", new Shown<>(n -> (double) n.tier(), ""),
            "concurrency", new Shown<>(n -> (double) n.concurrency(), ""),
            "watts", new Shown<>(Node::watts, "W"),
            "pricing.usdPerHour", new Shown<>(n -> n.pricing() instanceof DedicatedPricing d ? d.usdPerHour() : null, "$/h"));

    private ProblemValues() {
    }

    public static String describe(Scenario s, Problem p) {
        String shown = shown(s, p.path());
        return shown == null ? p.toString() : p + " (shown as " + shown + ")";
    }

    /** The value at the path in its display unit, or {@code null} where the sheet has no such field. */
    static String shown(Scenario s, String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("topology.mtuBytes")) {
            return Quantity.format(s.topology().mtuBytes()) + " bytes";
        }
        Matcher m = ELEMENT.matcher(path);
        if (!m.matches()) {
            return null;
        }
        int i = Integer.parseInt(m.group(2));
        if (m.group(1).equals("links")) {
            return i < s.topology().links().size() ? text(LINK.get(m.group(3)), s.topology().links().get(i)) : null;
        }
        return i < s.topology().nodes().size() ? text(NODE.get(m.group(3)), s.topology().nodes().get(i)) : null;
    }

    private static <T> String text(Shown<T> field, T element) {
        Double v = field == null ? null : field.read().apply(element);
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        return Quantity.format(v) + (field.unit().isEmpty() ? "" : " " + field.unit());
    }
}
