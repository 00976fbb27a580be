package org.splitscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.io.SweepCsv;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Provenance;
import org.splitscope.perf.Goals;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/**
 * A {@link Report} as format-neutral blocks, in reading order: summary, model (with the plan on
 * the model strip), topology, plan, metrics, charts, optimizer, assumptions, measured against
 * estimated, sweep, grid, testbed.
 */
public final class ReportContent {
    private ReportContent() {
    }

    public static String title(Report r) {
        return "SplitScope plan report: " + r.scenario().name();
    }

    public static List<Block> blocks(Report r, PrintPalette palette) {
        Scenario s = r.scenario();
        Metrics m = r.metrics();
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Summary"));
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"Scenario", s.name()});
        summary.add(new String[] {"Model", s.profile().name() + ": " + s.profile().unitCount() + " units, "
                + s.profile().exits().size() + " exits"});
        summary.add(new String[] {"Plan", describe(s.plan())});
        summary.add(new String[] {"Mean latency", Figures.ms(m.meanLatency()) + " (p95 " + Figures.ms(m.latency().p95()) + ")"});
        summary.add(new String[] {"Accuracy", accuracy(m)});
        summary.add(new String[] {"Throughput", Figures.rate(m.throughputPerSecond())});
        summary.add(new String[] {"Cost", Figures.usd(m.costUsdPerMillion()) + " per million requests"});
        summary.add(new String[] {"Goals", goals(m)});
        summary.add(new String[] {"Optimizer", optimizerLine(r)});
        out.add(new Block.Facts(summary));

        out.add(new Block.Heading(1, "Model"));
        ModelProfile p = s.profile();
        if (p.description() != null && !p.description().isBlank()) {
            out.add(new Block.Paragraph(p.description()));
        }
        out.add(new Block.Facts(List.of(
                new String[] {"Units", String.valueOf(p.unitCount())},
                new String[] {"FLOPs", Figures.flops(p.units().stream().mapToDouble(u -> u.flops()).sum())},
                new String[] {"Parameters", Figures.bytes(p.units().stream().mapToDouble(u -> u.paramBytes()).sum())},
                new String[] {"Input / result", Figures.bytes(p.inputBytes()) + " / "
                        + Figures.bytes(p.resultBytes() == null ? 0 : p.resultBytes())},
                new String[] {"Exits", exits(p, s.plan())})));
        out.add(new Block.Figure("strip", "The plan on the model strip (bar height: FLOPs; colour: node)",
                new ModelStripDrawing(s, palette), 760, 150));

        out.add(new Block.Heading(1, "Topology"));
        if (!s.description().isBlank()) {
            out.add(new Block.Paragraph(s.description()));
        }
        out.add(new Block.Figure("topology", "Tiers, nodes and links (filled: runs a stage)",
                new TopologyDrawing(s, palette), 760, Math.min(330, 60 + 46 * maxNodesPerTier(s))));
        out.add(new Block.Table(List.of("node", "tier", "device class", "GFLOP/s", "memory", "concurrency", "pricing"),
                s.topology().nodes().stream().map(ReportContent::nodeRow).toList()));
        if (!s.topology().links().isEmpty()) {
            out.add(new Block.Table(List.of("link", "from", "to", "bandwidth", "latency", "egress $/GB"),
                    s.topology().links().stream().map((Link l) -> List.of(l.id(), l.from(), l.to(),
                            Figures.bandwidth(l.bandwidthBps()), Figures.ms(l.latencySeconds()),
                            Figures.number(l.usdPerGB() == null ? 0 : l.usdPerGB()))).toList()));
        }

        out.add(new Block.Heading(1, "Plan"));
        out.add(new Block.Table(List.of("stage", "units", "node", "FLOPs", "inbound codec"), stageRows(s)));
        if (!s.plan().exits().isEmpty()) {
            out.add(new Block.Table(List.of("exit", "after unit", "threshold"), s.plan().exits().stream()
                    .map((EnabledExit e) -> List.of(e.exit(), String.valueOf(p.exits().get(p.exitIndex(e.exit())).afterUnit()),
                            String.valueOf(e.threshold()))).toList()));
        }
        if (s.plan().terminalExit() != null) {
            out.add(new Block.Paragraph("Partial model: the plan ends at exit " + s.plan().terminalExit() + "."));
        }
        out.addAll(MetricBlocks.of(s, m));
        out.add(new Block.Heading(1, "Charts"));
        out.addAll(ReportCharts.of(m, palette));
        out.addAll(optimizer(r));
        out.add(new Block.Heading(1, "Assumptions and approximations"));
        out.add(new Block.Table(List.of("topic", "what holds"),
                r.assumptions().stream().map(a -> List.of(a.topic(), a.detail())).toList()));
        out.addAll(CalibrationBlocks.of(s));
        if (r.sweep() != null) {
            out.addAll(sweep(r.sweep(), palette));
        }
        if (r.grid() != null) {
            out.addAll(GridBlocks.of(r.grid(), palette));
        }
        if (r.testbed() != null) {
            out.addAll(TestbedBlocks.of(r.testbed(), palette));
        }
        return out;
    }

    /**
     * The model's exit heads and how many the plan enables: runs of heads after consecutive units
     * whose names count up with them read as one range ("exit1-exit54 after units 1-54"), so that
     * 54 heads take a line, not 54 entries; every other head is named with its unit.
     */
    static String exits(ModelProfile p, Plan plan) {
        if (p.exits().isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        List<ExitHead> heads = p.exits();
        int i = 0;
        while (i < heads.size()) {
            int j = i;
            while (j + 1 < heads.size() && follows(heads.get(j), heads.get(j + 1))) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(heads.get(i).id() + "-" + heads.get(j).id() + " after units " + heads.get(i).afterUnit() + "-"
                        + heads.get(j).afterUnit());
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(heads.get(k).id() + " after unit " + heads.get(k).afterUnit());
                }
            }
            i = j + 1;
        }
        int on = plan.exits().size();
        String enabled = on == 0 ? "the plan enables none" : "the plan enables " + on + " (under Plan)";
        return heads.size() + ": " + String.join(", ", parts) + "; " + enabled;
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("(.*?)(\\d+)");

    /** Whether {@code b} is the head after {@code a}'s next unit, named with the next number (exit7, exit8). */
    private static boolean follows(ExitHead a, ExitHead b) {
        if (b.afterUnit() != a.afterUnit() + 1) {
            return false;
        }
        var ma = NUMBERED.matcher(a.id());
        var mb = NUMBERED.matcher(b.id());
        return ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(2).length() < 10
                && mb.group(2).length() < 10 && Long.parseLong(mb.group(2)) == Long.parseLong(ma.group(2)) + 1;
    }

    static String describe(Plan plan) {
        String exits = plan.exits().stream().map(x -> x.exit() + "@" + x.threshold())
                .reduce((a, b) -> a + "," + b).map(x -> " exits " + x).orElse("");
        String end = plan.terminalExit() == null ? "" : " ends at " + plan.terminalExit();
        return SweepCsv.stages(plan) + exits + end;
    }

    /** The accuracy with how it was obtained ("unknown (no exit statistics)" says both at once). */
    static String accuracy(Metrics m) {
        return m.accuracy() == null ? m.accuracyMethod().description()
                : Figures.percent(m.accuracy()) + ", " + m.accuracyMethod().description();
    }

    static String goals(Metrics m) {
        Goals g = m.goals();
        List<String> said = new ArrayList<>();
        if (g.meetsLatencySlo() != null) {
            said.add("latency SLO " + (g.meetsLatencySlo() ? "met" : "MISSED"));
        }
        if (g.meetsAccuracyFloor() != null) {
            said.add("accuracy floor " + (g.meetsAccuracyFloor() ? "met" : "MISSED"));
        }
        if (g.withinBudget() != null) {
            said.add("budget " + (g.withinBudget() ? "met" : "EXCEEDED"));
        }
        return said.isEmpty() ? "none set" : String.join("; ", said);
    }

    private static String optimizerLine(Report r) {
        OptimizerResult o = r.optimizer();
        if (!o.found()) {
            return "skipped: " + o.skippedBecause();
        }
        Provenance how = o.best().provenance();
        return "best " + o.objective().label() + " " + value(o.objective(), o.best().objectiveValue()) + " by "
                + how.method() + (how.exact() ? " (exact)" : " (NOT exact)");
    }

    private static List<Block> optimizer(Report r) {
        OptimizerResult o = r.optimizer();
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Optimizer"));
        if (!o.found()) {
            out.add(new Block.Paragraph("No search result: " + o.skippedBecause() + "."));
            return out;
        }
        Provenance how = o.best().provenance();
        double current = o.objective().value(r.metrics());
        double gap = o.gap(r.metrics());
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Objective", o.objective().label() + ", under the workload's goals"});
        facts.add(new String[] {"Method", how.method() + (how.exact() ? " (exact: optimal over the search space)"
                : " (NOT exact: not proven optimal; the notes below say why)")});
        facts.add(new String[] {"Plans evaluated", String.valueOf(how.plansEvaluated())});
        facts.add(new String[] {"Best plan", describe(o.best().plan())});
        facts.add(new String[] {"Best " + o.objective().label(), value(o.objective(), o.best().objectiveValue())});
        facts.add(new String[] {"This plan", value(o.objective(), current)});
        facts.add(new String[] {"Distance to the best", Tolerance.equal(o.objective().oriented(r.metrics()), o.objective().oriented(o.best().metrics())) ? "none: this plan is as good as the best"
                : value(o.objective(), gap) + String.format(Locale.ROOT, " worse (%.1f %% of the best)",
                gap / Math.abs(o.best().objectiveValue()) * 100)});
        out.add(new Block.Facts(facts));
        if (!how.notes().isEmpty()) {
            out.add(new Block.Bullets(how.notes()));
        }
        return out;
    }

    private static String value(Objective o, double v) {
        return switch (o) {
            case MEAN_LATENCY, LOADED_LATENCY, P95_LATENCY -> Figures.ms(v);
            case COST -> Figures.usd(v) + " per request";
            case THROUGHPUT -> Figures.rate(v);
            case ACCURACY -> Figures.percent(v);
        };
    }

    private static List<Block> sweep(SweepResult sweep, PrintPalette palette) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "What-if sweep: " + sweep.parameter()));
        boolean reoptimized = sweep.points().stream().anyMatch(p -> p.optimalPlan() != null);
        boolean goals = sweep.points().stream().anyMatch(p -> p.valid() && !Figures.goals(p.current().goals()).isEmpty());
        List<List<String>> rows = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            List<String> row = new ArrayList<>();
            if (!p.valid()) {
                row.addAll(List.of("invalid: " + p.problems().get(0), "", "", "", ""));
            } else {
                Metrics c = p.current();
                row.addAll(List.of(Figures.ms(c.meanLatency()), Figures.ms(c.latency().p95()),
                        Figures.percent(c.accuracy()), Figures.usd(c.costUsdPerMillion()),
                        c.bottleneck() == null ? "none" : c.bottleneck()));
            }
            if (goals) {
                row.add(p.valid() ? Figures.goals(p.current().goals()) : "");
            }
            if (reoptimized) {
                row.add(p.optimalPlan() == null ? (p.valid() ? "no plan meets the goals" : Figures.NONE)
                        : SweepGrid.signature(p.optimalPlan()) + ", " + Figures.ms(p.optimal().meanLatency())
                        + (p.unproven() ? " (not proven optimal)" : ""));
            }
            // equal rows in a row (a floor sweep leaves the current plan alone) read once, over a range of values
            List<String> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last.subList(1, last.size()).equals(row)) {
                last.set(0, last.get(0).split(" ")[0] + " .. " + Figures.compact(p.value()));
            } else {
                row.add(0, Figures.compact(p.value()));
                rows.add(row);
            }
        }
        List<String> header = new ArrayList<>(List.of(sweep.parameter().toString(), "mean", "p95", "accuracy",
                "cost / million", "bottleneck"));
        if (goals) {
            header.add("goals");
        }
        if (reoptimized) {
            header.add("best plan, its mean");
        }
        out.add(new Block.Table(header, rows));
        if (!sweep.changes().isEmpty()) {
            out.add(new Block.Paragraph("The best plan changes at " + sweep.changes().stream()
                    .map(i -> sweep.parameter() + " = " + Figures.compact(sweep.points().get(i).value()))
                    .collect(Collectors.joining(", ")) + "."));
        }
        String unproven = unprovenNote(sweep.points(), "values", "said in the table and ringed on the chart");
        if (unproven != null) {
            out.add(new Block.Paragraph(unproven));
        }
        out.add(ReportCharts.sweep(sweep, palette));
        return out;
    }

    /** A sentence on the points whose best plan the search did not prove optimal; null when none. */
    static String unprovenNote(List<SweepPoint> points, String what, String marked) {
        long n = points.stream().filter(SweepPoint::unproven).count();
        return n == 0 ? null : "The search did not prove the best plan optimal at " + n + " of " + points.size() + " " + what
                + " (" + marked + "); optimizing at such a value lists the search's notes, which say why.";
    }

    private static List<List<String>> stageRows(Scenario s) {
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Stage st : s.plan().stages()) {
            double flops = 0;
            for (int u = st.firstUnit(); u <= st.lastUnit(); u++) {
                flops += s.profile().unit(u).flops();
            }
            rows.add(List.of(String.valueOf(i++), st.firstUnit() + "-" + st.lastUnit(), st.node(), Figures.flops(flops),
                    st.inboundCodec() == null ? "none" : st.inboundCodec().name()));
        }
        return rows;
    }

    private static List<String> nodeRow(Node n) {
        String pricing = n.pricing() instanceof DedicatedPricing d ? Figures.usd(d.usdPerHour()) + " per hour"
                : n.pricing() instanceof ServerlessPricing sp ? "serverless, " + Figures.number(sp.memoryGB()) + " GB"
                : "free";
        return List.of(n.id(), String.valueOf(n.tier()), n.deviceClass(), Figures.number(n.flopsPerSecond() / 1e9),
                n.memoryBytes() == null ? "unlimited" : Figures.bytes(n.memoryBytes()),
                String.valueOf(n.concurrency() == null ? 1 : n.concurrency()), pricing);
    }

    private static int maxNodesPerTier(Scenario s) {
        return s.topology().nodes().stream().collect(java.util.stream.Collectors.groupingBy(Node::tier,
                java.util.stream.Collectors.counting())).values().stream().mapToInt(Long::intValue).max().orElse(1);
    }
}
