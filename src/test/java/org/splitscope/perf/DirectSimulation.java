package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/**
 * A deliberately naive second implementation of the spec for chains without ranges, measured
 * latencies, serialization or codecs: it follows each validation sample on its own and finds
 * routes by trying every simple path. The evaluator must agree with it.
 */
final class DirectSimulation {
    private final Scenario s;

    DirectSimulation(Scenario s) {
        this.s = s;
    }

    /** Unit after which sample j leaves, and whether it is right there (the final classifier: N). */
    record Fate(int leaveUnit, String label, boolean correct) {
    }

    Fate fate(int j) {
        ModelProfile p = s.profile();
        Plan plan = s.plan();
        SampleStats stats = (SampleStats) p.exitStats();
        for (int i = 0; i < p.exits().size(); i++) { // model order
            ExitHead e = p.exits().get(i);
            final int idx = i;
            var enabled = plan.exits().stream().filter(x -> x.exit().equals(e.id())).findFirst();
            if (enabled.isPresent() && p.criterion().passes(stats.confidence()[idx][j], enabled.get().threshold())) {
                return new Fate(e.afterUnit(), e.id(), stats.correct()[idx][j]);
            }
            if (e.id().equals(plan.terminalExit())) {
                return new Fate(e.afterUnit(), e.id(), stats.correct()[idx][j]);
            }
        }
        return new Fate(p.unitCount(), Outcome.FINAL, stats == null ? false : stats.correctFinal()[j]);
    }

    /** Expected latency (cold starts in expectation) of a request leaving after the given unit. */
    double latency(int leaveUnit) {
        ModelProfile p = s.profile();
        Topology t = s.topology();
        List<Stage> stages = s.plan().stages();
        double total = 0;
        String at = t.source();
        for (Stage st : stages) {
            if (st.firstUnit() > leaveUnit) {
                break;
            }
            double bytes = st.firstUnit() == 1 ? p.inputBytes() : p.unit(st.firstUnit() - 1).cutBytes();
            if (!at.equals(st.node())) {
                total += bestRoute(at, st.node(), bytes);
            }
            at = st.node();
            Node node = t.node(at);
            if (node.pricing() instanceof ServerlessPricing sp) {
                total += sp.coldStartProbability() * sp.coldStartSeconds();
            }
            for (int u = st.firstUnit(); u <= Math.min(st.lastUnit(), leaveUnit); u++) {
                total += p.unit(u).flops() / node.effectiveFlopsPerSecond();
                for (ExitHead e : p.exits()) {
                    boolean runs = e.afterUnit() == u && (s.plan().exits().stream().anyMatch(x -> x.exit().equals(e.id()))
                            || e.id().equals(s.plan().terminalExit()));
                    if (runs) {
                        total += e.flops() / node.effectiveFlopsPerSecond();
                    }
                }
            }
        }
        return total + bestRoute(at, t.sink(), p.resultBytes());
    }

    /** The least transfer time over every simple path, by exhaustive depth-first search. */
    double bestRoute(String from, String to, double bytes) {
        if (from.equals(to)) {
            return 0;
        }
        double[] best = {Double.POSITIVE_INFINITY};
        dfs(from, to, bytes, new ArrayList<>(), new ArrayList<>(List.of(from)), best);
        return best[0];
    }

    private void dfs(String at, String to, double bytes, List<Link> path, List<String> seen, double[] best) {
        if (at.equals(to)) {
            best[0] = Math.min(best[0], time(path, bytes));
            return;
        }
        for (Link l : s.topology().links()) {
            String next = l.from().equals(at) ? l.to() : (!l.oneWay() && l.to().equals(at) ? l.from() : null);
            if (next != null && !seen.contains(next)) {
                path.add(l);
                seen.add(next);
                dfs(next, to, bytes, path, seen, best);
                path.remove(path.size() - 1);
                seen.remove(seen.size() - 1);
            }
        }
    }

    private double time(List<Link> path, double bytes) {
        double mtu = s.topology().mtuBytes();
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        double sum = 0;
        double slowest = Double.POSITIVE_INFINITY;
        for (Link l : path) {
            sum += l.latencySeconds() + 8 * Math.min(bytes, mtu) / l.bandwidthBps();
            slowest = Math.min(slowest, l.bandwidthBps());
        }
        return sum + (packets - 1) * 8 * mtu / slowest;
    }
}
