package org.splitscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.explain.Explanation;
import org.splitscope.model.Scenario;
import org.splitscope.perf.CostItem;
import org.splitscope.perf.EnergyUse;
import org.splitscope.perf.LatencyPart;
import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.MemoryUse;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.perf.ResourceUse;

/**
 * The "Metrics" section of a report: every figure of {@link Metrics} with its breakdown (per
 * outcome, per latency part, per resource, per cost item, per node's memory and energy) and the
 * explanation of the expected latency with this plan's numbers. Reads the record; computes nothing.
 */
final class MetricBlocks {
    private MetricBlocks() {
    }

    static List<Block> of(Scenario s, Metrics m) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Metrics"));
        List<List<String>> latency = new ArrayList<>();
        latency.add(latencyRow("one request alone", m.latency()));
        if (m.arrivalRatePerSecond() > 0) {
            latency.add(m.loadedLatency() == null
                    ? List.of("at " + Figures.rate(m.arrivalRatePerSecond()), "SATURATED", "", "", "")
                    : latencyRow("at " + Figures.rate(m.arrivalRatePerSecond()), m.loadedLatency()));
        }
        out.add(new Block.Table(List.of("latency", "mean", "p50", "p95", "p99"), latency));
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Accuracy", ReportContent.accuracy(m)});
        facts.add(new String[] {"Throughput", Figures.rate(m.throughputPerSecond()) + " (bottleneck: "
                + (m.bottleneck() == null ? "none" : m.bottleneck()) + ")"});
        facts.add(new String[] {"Cost", Figures.usd(m.costUsdPerRequest()) + " per request, "
                + Figures.usd(m.costUsdPerMillion()) + " per million"
                + (m.costUsdPerHour() == null ? "" : ", " + Figures.usd(m.costUsdPerHour()) + " per hour")});
        facts.add(new String[] {"Energy", m.energy().isEmpty() ? "no tier-0 node states its power"
                : Figures.number(m.energyJoulesPerRequest()) + " J per request"});
        facts.add(new String[] {"Memory", m.feasible() ? "the plan fits on every node" : "INFEASIBLE: a node lacks memory"});
        facts.add(new String[] {"Goals", ReportContent.goals(m)});
        out.add(new Block.Facts(facts));

        out.add(new Block.Heading(2, "Outcomes"));
        out.add(new Block.Table(List.of("outcome", "after unit", "node", "share", "latency", "under load", "accuracy"),
                m.outcomes().stream().map(o -> List.of(o.label(), String.valueOf(o.afterUnit()), o.node(),
                        Figures.percent(o.probability()), Figures.ms(o.latency()), Figures.ms(o.loadedLatency()),
                        Figures.percent(o.accuracy()))).toList()));
        out.add(new Block.Heading(2, "Latency breakdown per outcome"));
        List<List<String>> parts = new ArrayList<>();
        for (Outcome o : m.outcomes()) {
            for (LatencyPart p : o.parts()) {
                parts.add(List.of(o.label(), p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.resource(),
                        Figures.ms(p.seconds())));
            }
        }
        out.add(new Block.Table(List.of("outcome", "part", "resource", "time"), parts));
        out.add(new Block.Heading(2, "Resources"));
        out.add(new Block.Table(List.of("resource", "kind", "busy / request", "visits", "utilization", "wait / visit", ""),
                m.resources().stream().map(r -> resourceRow(r, m)).toList()));
        out.add(new Block.Heading(2, "Cost per request"));
        out.add(m.costItems().isEmpty() ? new Block.Paragraph("Nothing in this plan is priced.")
                : new Block.Table(List.of("resource", "kind", "per request", "per million"), m.costItems().stream()
                        .map((CostItem c) -> List.of(c.resource(), c.kind().name().toLowerCase(Locale.ROOT),
                                Figures.usd(c.usdPerRequest()), Figures.usd(c.usdPerRequest() * 1e6))).toList()));
        out.add(new Block.Heading(2, "Memory"));
        out.add(new Block.Table(List.of("node", "parameters", "working set", "needs", "has", ""),
                m.memory().stream().map((MemoryUse u) -> List.of(u.node(), Figures.bytes(u.paramBytes()),
                        Figures.bytes(u.workingBytes()), Figures.bytes(u.requiredBytes()),
                        u.capacityBytes() == null ? "unlimited" : Figures.bytes(u.capacityBytes()),
                        u.fits() ? "fits" : "OVER by " + Figures.bytes(u.overflowBytes()))).toList()));
        if (!m.energy().isEmpty()) {
            out.add(new Block.Heading(2, "Energy"));
            out.add(new Block.Table(List.of("node", "J per request"), m.energy().stream()
                    .map((EnergyUse e) -> List.of(e.node(), Figures.number(e.joulesPerRequest()))).toList()));
        }
        if (!m.warnings().isEmpty()) {
            out.add(new Block.Heading(2, "Warnings"));
            out.add(new Block.Bullets(m.warnings()));
        }
        out.add(new Block.Heading(2, "How the figures add up"));
        for (Explanation.Section section : new Explanation(s, m).sections()) {
            out.add(new Block.Paragraph(section.title()));
            out.add(new Block.Bullets(section.lines()));
        }
        return out;
    }

    private static List<String> latencyRow(String label, LatencySummary l) {
        return List.of(label, Figures.ms(l.mean()), Figures.ms(l.p50()), Figures.ms(l.p95()), Figures.ms(l.p99()));
    }

    private static List<String> resourceRow(ResourceUse r, Metrics m) {
        String flag = r.id().equals(m.bottleneck()) ? "bottleneck" : "";
        flag += r.saturated() ? (flag.isEmpty() ? "" : ", ") + "SATURATED" : "";
        return List.of(r.id(), r.kind().name().toLowerCase(Locale.ROOT), Figures.ms(r.busySeconds()),
                Figures.number(r.visitsPerRequest()), Figures.percent(r.utilization()), Figures.ms(r.waitSeconds()), flag);
    }
}
