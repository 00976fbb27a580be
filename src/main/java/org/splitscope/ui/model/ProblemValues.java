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
 * A problem as the problems list says it: where a node, link, stage, unit, exit or the workload
 * is at fault, that element and its field by name, the value as the window shows it (in the
 * field's display unit, or the number as typed), and the JSON path last for finding it in the
 * file; any other problem as its path and message.
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

    /** What the sheet calls each field of a node or link. */
    private static final Map<String, String> WORDS = Map.of(
            "bandwidthBps", "bandwidth", "latencySeconds", "latency", "usdPerGB", "egress price",
            "flopsPerSecond", "compute", "memoryBytes", "memory", "tier", "tier", "concurrency", "concurrency",
            "watts", "power", "pricing.usdPerHour", "price per hour");
    private static final Pattern PROFILE = Pattern.compile("^profile\\.(units|exits)\\[(\\d+)]\\.(\\w+)$");
    private static final Pattern WORKLOAD = Pattern.compile("^workload\\.(\\w+)$");
    /** What the window calls each goal of the workload, and how it shows it (the floor keeps its share: its limits are shares). */
    private static final Map<String, String> GOALS = Map.of("arrivalRatePerSecond", "arrival rate",
            "latencySloSeconds", "latency SLO", "accuracyFloor", "accuracy floor", "budgetUsdPerRequest", "budget");
    private static final Map<String, Shown<org.splitscope.model.Workload>> GOAL_SHOWN = Map.of(
            "arrivalRatePerSecond", new Shown<>(org.splitscope.model.Workload::arrivalRatePerSecond, "requests/s"),
            "latencySloSeconds", new Shown<>(w -> w.latencySloSeconds() == null ? null : w.latencySloSeconds() * 1e3, "ms"),
            "budgetUsdPerRequest", new Shown<>(w -> w.budgetUsdPerRequest() == null ? null : w.budgetUsdPerRequest() * 1e6,
                    "$ per million requests"));
    private static final Pattern STAGE = Pattern.compile("^plan\\.stages\\[(\\d+)]\\.(\\w+)$");
    private static final Pattern GOT = Pattern.compile("got (-?[0-9][0-9.eE+-]*|-?Infinity|NaN)(?=$|[,;)])");

    /**
     * A problem in the words of the sheet: which node, link or stage and which of its fields, the
     * value as the sheet shows it (in its unit) where the message quotes it raw, and the file's
     * path last, for finding it in the JSON. Other problems are left as they are.
     */
    public static String describe(Scenario s, Problem p) {
        String where = where(s, p.path());
        if (where == null) {
            return p.toString();
        }
        String shown = shown(s, p.path());
        String message = p.message();
        Matcher got = GOT.matcher(message);
        if (got.find()) {
            String value = shown != null ? shown : asTyped(got.group(1));
            message = message.substring(0, got.start()) + "got " + value + message.substring(got.end());
        } else if (shown != null) {
            message = message + " (shown as " + shown + ")";
        }
        return where + ": " + message + " (" + p.path() + ")";
    }

    /** "Node edge, compute", "Link end-edge, bandwidth", "Stage 2, node", or null for other paths. */
    static String where(Scenario s, String path) {
        if (path == null) {
            return null;
        }
        Matcher m = ELEMENT.matcher(path);
        if (m.matches() && WORDS.containsKey(m.group(3))) {
            int i = Integer.parseInt(m.group(2));
            boolean link = m.group(1).equals("links");
            int count = link ? s.topology().links().size() : s.topology().nodes().size();
            String id = i >= count ? "#" + (i + 1) : link ? s.topology().links().get(i).id() : s.topology().nodes().get(i).id();
            return (link ? "Link " : "Node ") + id + ", " + WORDS.get(m.group(3));
        }
        Matcher st = STAGE.matcher(path);
        if (st.matches()) {
            return "Stage " + (Integer.parseInt(st.group(1)) + 1) + ", " + st.group(2);
        }
        Matcher pr = PROFILE.matcher(path);
        if (pr.matches() && s.profile() != null) {
            int i = Integer.parseInt(pr.group(2));
            boolean unit = pr.group(1).equals("units");
            int count = unit ? s.profile().units().size() : s.profile().exits().size();
            String name = i >= count ? "#" + (i + 1) : unit ? s.profile().units().get(i).name() : s.profile().exits().get(i).id();
            return (unit ? "Unit " : "Exit ") + name + ", " + pr.group(3);
        }
        Matcher w = WORKLOAD.matcher(path);
        if (w.matches() && GOALS.containsKey(w.group(1))) {
            return "Workload, " + GOALS.get(w.group(1));
        }
        return null;
    }

    /** A number as the message quotes it (Java's -3.0, 1.0E9) written as typed (-3, 1e9). */
    private static String asTyped(String raw) {
        try {
            return org.splitscope.model.FieldRange.number(Double.parseDouble(raw));
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** The value at the path in its display unit, or {@code null} where the sheet has no such field. */
    static String shown(Scenario s, String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("topology.mtuBytes")) {
            return Quantity.format(s.topology().mtuBytes()) + " bytes";
        }
        Matcher w = WORKLOAD.matcher(path);
        if (w.matches() && s.workload() != null) {
            return GOAL_SHOWN.containsKey(w.group(1)) ? text(GOAL_SHOWN.get(w.group(1)), s.workload()) : null;
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
