package org.splitscope.cli;

import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.CostItem;
import org.splitscope.perf.EnergyUse;
import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.MemoryUse;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.perf.ResourceUse;

/** The metrics of one plan as plain-text tables for people. Reads {@link Metrics}; computes nothing. */
final class MetricsReport {
    private final Scenario scenario;
    private final Metrics m;
    private final StringBuilder out = new StringBuilder();

    MetricsReport(Scenario scenario, Metrics metrics) {
        this.scenario = scenario;
        this.m = metrics;
    }

    String text() {
        line("Scenario   %s", scenario.name());
        line("Model      %s: %d units, %d exits", scenario.profile().name(), scenario.profile().unitCount(),
                scenario.profile().exits().size());
        line("Plan       %s", scenario.plan().stages().stream().map(MetricsReport::stage)
                .collect(Collectors.joining(" | ")));
        if (!scenario.plan().exits().isEmpty()) {
            line("Exits      %s", scenario.plan().exits().stream()
                    .map(x -> x.exit() + " @ " + x.threshold()).collect(Collectors.joining(", ")));
        }
        if (scenario.plan().terminalExit() != null) {
            line("Ends at    %s (partial model)", scenario.plan().terminalExit());
        }
        if (!m.feasible()) {
            line("INFEASIBLE the plan does not fit in memory (see Memory below)");
        }
        out.append('\n');
        latency("Latency    ", m.latency());
        if (m.arrivalRatePerSecond() > 0) {
            if (m.loadedLatency() == null) {
                line("At %s: SATURATED, the queues grow without bound (see Resources)",
                        Format.rate(m.arrivalRatePerSecond()));
            } else {
                latency(String.format(Locale.ROOT, "At %-8s", Format.rate(m.arrivalRatePerSecond())), m.loadedLatency());
            }
        }
        line("Accuracy   %s, %s", Format.percent(m.accuracy()), m.accuracyMethod().description());
        line("Throughput %s  (bottleneck: %s)", Format.rate(m.throughputPerSecond()),
                m.bottleneck() == null ? "none" : m.bottleneck());
        line("Cost       %s per request, %s per million%s", Format.usd(m.costUsdPerRequest()),
                Format.usd(m.costUsdPerMillion()),
                m.costUsdPerHour() == null ? "" : ", " + Format.usd(m.costUsdPerHour()) + " per hour");
        if (!m.energy().isEmpty()) {
            line("Energy     %s J per request (%s)", Format.number(m.energyJoulesPerRequest()),
                    m.energy().stream().map(EnergyUse::node).collect(Collectors.joining(", ")));
        }
        goals();

        out.append("\nOutcomes\n");
        line("  %-12s %6s  %-12s %8s  %12s  %12s  %9s", "outcome", "after", "node", "share", "latency",
                "under load", "accuracy");
        for (Outcome o : m.outcomes()) {
            line("  %-12s %6d  %-12s %8s  %12s  %12s  %9s", o.label(), o.afterUnit(), o.node(),
                    Format.percent(o.probability()), Format.ms(o.latency()), Format.ms(o.loadedLatency()),
                    Format.percent(o.accuracy()));
        }
        out.append("\nResources\n");
        line("  %-16s %-5s %12s %9s %12s  %s", "resource", "kind", "busy/req", "util", "wait/visit", "");
        for (ResourceUse r : m.resources()) {
            String flag = r.id().equals(m.bottleneck()) ? "bottleneck" : "";
            flag += r.saturated() ? (flag.isEmpty() ? "" : ", ") + "SATURATED" : "";
            line("  %-16s %-5s %12s %9s %12s  %s", r.id(), r.kind().name().toLowerCase(Locale.ROOT),
                    Format.ms(r.busySeconds()), Format.percent(r.utilization()), Format.ms(r.waitSeconds()), flag);
        }
        if (!m.costItems().isEmpty()) {
            out.append("\nCost per request\n");
            for (CostItem c : m.costItems()) {
                line("  %-16s %-10s %s", c.resource(), c.kind().name().toLowerCase(Locale.ROOT), Format.usd(c.usdPerRequest()));
            }
        }
        out.append("\nMemory\n");
        for (MemoryUse mu : m.memory()) {
            line("  %-16s %10s of %-10s %s", mu.node(), Format.bytes(mu.requiredBytes()),
                    mu.capacityBytes() == null ? "unlimited" : Format.bytes(mu.capacityBytes()),
                    mu.fits() ? "fits" : "OVER by " + Format.bytes(mu.overflowBytes()));
        }
        if (!m.warnings().isEmpty()) {
            out.append("\nWarnings\n");
            m.warnings().forEach(w -> line("  - %s", w));
        }
        return out.toString();
    }

    private void latency(String label, LatencySummary l) {
        line("%s mean %s   p50 %s   p95 %s   p99 %s", label, Format.ms(l.mean()), Format.ms(l.p50()),
                Format.ms(l.p95()), Format.ms(l.p99()));
    }

    private void goals() {
        var g = m.goals();
        StringBuilder s = new StringBuilder();
        if (g.meetsLatencySlo() != null) {
            s.append("latency SLO ").append(g.meetsLatencySlo() ? "met" : "MISSED").append("; ");
        }
        if (g.meetsAccuracyFloor() != null) {
            s.append("accuracy floor ").append(g.meetsAccuracyFloor() ? "met" : "MISSED").append("; ");
        }
        if (g.withinBudget() != null) {
            s.append("budget ").append(g.withinBudget() ? "met" : "EXCEEDED").append("; ");
        }
        if (s.length() > 0) {
            line("Goals      %s", s.substring(0, s.length() - 2));
        }
    }

    private static String stage(Stage s) {
        return "units " + s.firstUnit() + "-" + s.lastUnit() + " on " + s.node()
                + (s.inboundCodec() == null ? "" : " (in: " + s.inboundCodec().name() + ")");
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
