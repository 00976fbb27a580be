package org.splitscope.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.chart.Formats;
import org.splitscope.perf.CostItem;
import org.splitscope.perf.LatencyPart;
import org.splitscope.perf.LatencyPoint;
import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.MemoryUse;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.perf.ResourceUse;

/**
 * The datasets of the explorer's charts, read from one {@link Metrics} (the evaluator's record is
 * the dataset, as in JFreeChart a dataset is separate from its plot and renderer). Only units
 * change here (ms, MB, dollars per million requests); no figure is computed.
 *
 * @param breakdown   ms per kind of latency part (rows, {@link #group}) and outcome (columns)
 * @param breakdownParts per outcome (column key) and kind (row key), the parts it adds up, in ms
 *                    per resource: the node detail the grouped bar leaves to its tooltip
 * @param cdf         the latency distribution as a cumulative step curve (ms, probability)
 * @param cost        dollars per million requests by cost kind (rows) and resource (columns)
 * @param utilization per node and link: utilization at the arrival rate, or busy ms per request
 *                    when there is no load
 * @param memory      per node, the share of its capacity the plan needs, in % (no value when
 *                    unlimited: a bar and label of "0 %" read as a node that needs nothing)
 * @param memoryOverflow the memory categories of nodes the plan does not fit
 * @param meanLatencyMs   expected latency without load (the sweep chart's current point)
 * @param accuracyPercent {@code null} when unknown
 */
public record ChartData(DefaultCategoryDataset breakdown, Map<String, Map<String, Map<String, Double>>> breakdownParts,
                        XYSeriesCollection cdf, String cdfAxis, double p50Ms, double p95Ms, double p99Ms,
                        DefaultCategoryDataset cost,
                        DefaultCategoryDataset utilization, String utilizationAxis, String bottleneck,
                        DefaultCategoryDataset memory, List<String> memoryOverflow,
                        double meanLatencyMs, Double accuracyPercent) {
    public static final String USED = "used";
    public static final String USE = "use";
    /** The longest id a chart shows whole: axis labels and legends are measured on every layout. */
    public static final int MAX_LABEL = 40;

    public static ChartData of(Metrics m) {
        LatencySummary lat = m.loadedLatency() != null ? m.loadedLatency() : m.latency();
        boolean loaded = m.arrivalRatePerSecond() > 0;
        Map<String, Map<String, Map<String, Double>>> parts = breakdownParts(m);
        // the summary's p95 is the unloaded one: the axis says which latency the curve shows
        String cdfAxis = m.loadedLatency() != null && m.arrivalRatePerSecond() > 0
                ? "latency under load at " + Formats.rate(m.arrivalRatePerSecond()) + " (ms)" : "latency (ms)";
        return new ChartData(breakdown(parts), parts, cdf(lat), cdfAxis, lat.p50() * 1e3, lat.p95() * 1e3, lat.p99() * 1e3, cost(m),
                utilization(m, loaded), loaded ? "utilization at the arrival rate" : "busy ms per request",
                m.bottleneck() == null ? null : label(m.bottleneck()), memory(m),
                m.memory().stream().filter(u -> !u.fits()).map(ChartData::memoryLabel).toList(),
                m.latency().mean() * 1e3, m.accuracy() == null ? null : m.accuracy() * 100);
    }

    /** The category of an outcome: its label and the share of requests that leave there. */
    public static String outcomeLabel(Outcome o) {
        return String.format(Locale.ROOT, "%s (%.0f%%)", label(o.label()), o.probability() * 100);
    }

    /**
     * An id as a chart shows it: whole up to {@link #MAX_LABEL} characters, else cut with an
     * ellipsis and a short hash, so that two long ids sharing a beginning stay two bars (a
     * megabyte-long id would otherwise be measured for every tick on every layout).
     */
    public static String label(String id) {
        if (id.length() <= MAX_LABEL) {
            return id;
        }
        String hash = String.format(Locale.ROOT, "%04x", id.hashCode() & 0xffff);
        return id.substring(0, MAX_LABEL - hash.length() - 2) + "\u2026#" + hash;
    }

    /**
     * The breakdown's series: a part's kind, with codec work counted with serialization (both turn
     * a cut's tensor into bytes). A legend of kinds stays at five items where one per node and link
     * (18 on the MOPAR sample) squeezed the bars to a sliver.
     */
    /** The breakdown's series in stacking order, which also picks each one's colour. */
    public static final List<String> GROUPS = List.of("compute", "transfer", "serialization/codec", "cold start", "queueing");
    /** The cost chart's series, in the order that picks their colours. */
    public static final List<String> COST_KINDS = java.util.Arrays.stream(CostItem.Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT)).toList();

    public static String group(LatencyPart.Kind kind) {
        return switch (kind) {
            case COMPUTE -> "compute";
            case TRANSFER -> "transfer";
            case SERIALIZATION, CODEC -> "serialization/codec";
            case COLD_START -> "cold start";
            case QUEUEING -> "queueing";
        };
    }

    private static Map<String, Map<String, Map<String, Double>>> breakdownParts(Metrics m) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (Outcome o : m.outcomes()) {
            Map<String, Map<String, Double>> kinds = new LinkedHashMap<>();
            // in the kinds' order, so that every outcome stacks them alike and the legend keeps its order
            for (LatencyPart.Kind kind : LatencyPart.Kind.values()) {
                for (LatencyPart p : o.parts()) {
                    if (p.kind() == kind) {
                        kinds.computeIfAbsent(group(kind), k -> new LinkedHashMap<>())
                                .merge(label(p.resource()), p.seconds() * 1e3, Double::sum);
                    }
                }
            }
            out.put(outcomeLabel(o), Collections.unmodifiableMap(kinds));
        }
        return Collections.unmodifiableMap(out);
    }

    private static DefaultCategoryDataset breakdown(Map<String, Map<String, Map<String, Double>>> parts) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (LatencyPart.Kind kind : LatencyPart.Kind.values()) {
            String row = group(kind);
            parts.forEach((column, kinds) -> {
                Map<String, Double> perResource = kinds.get(row);
                if (perResource != null) {
                    d.addValue(perResource.values().stream().mapToDouble(Double::doubleValue).sum(), row, column);
                }
            });
        }
        return d;
    }

    private static XYSeriesCollection cdf(LatencySummary lat) {
        return new XYSeriesCollection(cdfSeries("P(latency <= x)", lat));
    }

    /** A latency distribution as a CDF staircase: each latency's probability added at that latency. */
    static XYSeries cdfSeries(String name, LatencySummary lat) {
        XYSeries s = new XYSeries(name, false, true);
        double cumulative = 0;
        for (LatencyPoint a : lat.distribution()) {
            double ms = a.seconds() * 1e3;
            s.add(ms, cumulative);
            cumulative += a.probability();
            s.add(ms, Math.min(1, cumulative));
        }
        return s;
    }

    private static DefaultCategoryDataset cost(Metrics m) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (CostItem c : m.costItems()) {
            String kind = c.kind().name().toLowerCase(Locale.ROOT);
            String resource = label(c.resource());
            Number before = d.getRowIndex(kind) >= 0 && d.getColumnIndex(resource) >= 0
                    ? d.getValue(kind, resource) : null;
            d.addValue((before == null ? 0 : before.doubleValue()) + c.usdPerRequest() * 1e6, kind, resource);
        }
        return d;
    }

    private static DefaultCategoryDataset utilization(Metrics m, boolean loaded) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (ResourceUse r : m.resources()) {
            d.addValue(loaded ? r.utilization() : r.loadPerRequest() * 1e3, USE, label(r.id()));
        }
        return d;
    }

    /** A node's memory category: its id and what it needs of what it has. */
    public static String memoryLabel(MemoryUse u) {
        return label(u.node()) + " (" + Formats.bytes(u.requiredBytes()) + " of "
                + (u.capacityBytes() == null ? "unlimited" : Formats.bytes(u.capacityBytes())) + ")";
    }

    private static DefaultCategoryDataset memory(Metrics m) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (MemoryUse u : m.memory()) {
            Double c = u.capacityBytes();
            d.addValue(c == null ? null : u.requiredBytes() / c * 100, USED, memoryLabel(u));
        }
        return d;
    }
}
