package org.splitscope.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.model.Scenario;
import org.splitscope.perf.LatencyPart;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.perf.ResourceUse;

/**
 * The teaching view of one evaluated plan: the model's formulas with this plan's numbers filled
 * in, outcome by outcome, and why the bottleneck is where it is. It only reads {@link Metrics}:
 * every number it shows was computed by the evaluator, so the arithmetic it prints adds up to
 * the figures shown elsewhere.
 */
public final class Explanation {
    private final Scenario scenario;
    private final Metrics m;

    public Explanation(Scenario scenario, Metrics metrics) {
        this.scenario = scenario;
        this.m = metrics;
    }

    /** Titled sections of plain text, in reading order. */
    public record Section(String title, List<String> lines) {
    }

    public List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (Outcome o : m.outcomes()) {
            sections.add(outcome(o));
        }
        sections.add(mean());
        sections.add(CutExplanation.of(scenario));
        sections.add(bottleneck());
        return sections;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Section s : sections()) {
            out.append(s.title()).append('\n');
            s.lines().forEach(l -> out.append("  ").append(l).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private Section outcome(Outcome o) {
        String where = o.terminal() && o.label().equals(Outcome.FINAL)
                ? "run to the final classifier after unit " + o.afterUnit()
                : "leave at exit " + o.label() + " after unit " + o.afterUnit();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s of requests %s, on %s.", pct(o.probability()), where, o.node()));
        String sum = o.parts().stream().filter(p -> p.kind() != LatencyPart.Kind.QUEUEING)
                .map(p -> describe(p) + " " + ms(p.seconds())).collect(Collectors.joining("\n    + "));
        lines.add("L(" + o.label() + ") = " + sum);
        lines.add("        = " + ms(o.latency()));
        if (o.loadedLatency() != null && o.loadedLatency() > o.latency()) {
            String waits = o.parts().stream().filter(p -> p.kind() == LatencyPart.Kind.QUEUEING)
                    .map(p -> "wait for " + p.resource() + " " + ms(p.seconds())).collect(Collectors.joining(" + "));
            lines.add(String.format(Locale.ROOT, "At %.3g requests/s it also queues (M/D/1): %s, so %s.",
                    m.arrivalRatePerSecond(), waits, ms(o.loadedLatency())));
        }
        if (o.accuracy() != null) {
            lines.add("Accuracy of these requests: " + pct(o.accuracy()) + ".");
        }
        return new Section("Outcome " + o.label(), lines);
    }

    private Section mean() {
        String terms = m.outcomes().stream()
                .map(o -> String.format(Locale.ROOT, "%.4f x %s", o.probability(), ms(o.latency())))
                .collect(Collectors.joining(" + "));
        List<String> lines = new ArrayList<>();
        lines.add("E[L] = sum over outcomes of P(o) L(o) = " + terms);
        lines.add("     = " + ms(m.meanLatency()) + "   (p50 " + ms(m.latency().p50()) + ", p95 "
                + ms(m.latency().p95()) + ", p99 " + ms(m.latency().p99()) + " from the same mixture)");
        if (m.accuracy() != null) {
            lines.add("Accuracy = " + pct(m.accuracy()) + ", " + m.accuracyMethod().description() + ".");
        }
        return new Section("Expected latency", lines);
    }

    private Section bottleneck() {
        List<String> lines = new ArrayList<>();
        List<ResourceUse> busiest = m.resources().stream().filter(r -> r.busySeconds() > 0)
                .sorted(Comparator.comparingDouble(ResourceUse::loadPerRequest).reversed()).limit(3).toList();
        if (busiest.isEmpty() || m.throughputPerSecond() == null) {
            lines.add("No resource does any work, so throughput is unbounded.");
            return new Section("Throughput and bottleneck", lines);
        }
        ResourceUse top = busiest.get(0);
        lines.add("Each request keeps every resource busy for its expected share of work (B_r, weighted by"
                + " the share of requests that reach it); a pipeline can serve at most 1 / max(B_r / concurrency).");
        for (ResourceUse r : busiest) {
            lines.add(String.format(Locale.ROOT, "%s %s: B = %s per request, concurrency %d -> at most %.4g requests/s",
                    r.kind().name().toLowerCase(Locale.ROOT), r.id(), ms(r.busySeconds()), r.concurrency(),
                    1 / r.loadPerRequest()));
        }
        lines.add(String.format(Locale.ROOT, "So the bottleneck is %s and the throughput %.4g requests/s.", top.id(),
                m.throughputPerSecond()));
        if (busiest.size() > 1) {
            lines.add(String.format(Locale.ROOT, "Relieving it helps until %s takes over at %.4g requests/s.",
                    busiest.get(1).id(), 1 / busiest.get(1).loadPerRequest()));
        }
        if (scenario.topology().links().stream().anyMatch(l -> l.id().equals(top.id()))) {
            lines.add("It is a link: moving the cut to a unit whose output is smaller, or compressing that cut,"
                    + " shortens its busy time (8 x bytes / bandwidth).");
        }
        return new Section("Throughput and bottleneck", lines);
    }

    private static String describe(LatencyPart p) {
        return switch (p.kind()) {
            case COMPUTE -> "compute on " + p.resource();
            case TRANSFER -> "transfer over " + p.resource();
            case SERIALIZATION -> "(de)serialize on " + p.resource();
            case CODEC -> "codec on " + p.resource();
            case COLD_START -> "expected cold start of " + p.resource();
            case QUEUEING -> "wait for " + p.resource();
        };
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }
}
