package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ExitHead;
import org.splitscope.model.FieldRange;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/**
 * Section 3 of the performance model: walks every outcome once, then derives the mixture
 * latency, busy times, throughput and bottleneck, M/D/1 waits, cost, energy and memory from
 * those walks. One instance per evaluation.
 */
final class MetricsBuilder {
    private final ModelProfile profile;
    private final Topology topology;
    private final PlanLayout plan;
    private final ExitOutcomes.Result shares;
    private final RequestWalk walk;
    private final Workload workload;
    private final int nodeCount;
    private final int resourceCount;

    // per outcome, from the walks
    private final double[] base;
    private final List<List<LatencyPart>> parts = new ArrayList<>();
    private final int[][] visits;
    private final List<List<Integer>> colds = new ArrayList<>();
    // per resource, expected per request
    private final double[] busy;
    private final double[] visitsPerRequest;
    private final double[] egressBytes;
    private final double[] serverlessUsd; // per node

    MetricsBuilder(ModelProfile profile, Topology topology, PlanLayout plan, ExitOutcomes.Result shares,
                   RequestWalk walk, Workload workload) {
        this.profile = profile;
        this.topology = topology;
        this.plan = plan;
        this.shares = shares;
        this.walk = walk;
        this.workload = workload;
        nodeCount = topology.nodes().size();
        resourceCount = nodeCount + topology.links().size();
        int outcomes = plan.outcomeCount();
        base = new double[outcomes];
        visits = new int[outcomes][];
        busy = new double[resourceCount];
        visitsPerRequest = new double[resourceCount];
        egressBytes = new double[topology.links().size()];
        serverlessUsd = new double[nodeCount];
    }

    Metrics build() {
        for (int o = 0; o < plan.outcomeCount(); o++) {
            walkOutcome(o);
        }
        double lambda = workload.arrivalRatePerSecond();
        List<ResourceUse> resources = new ArrayList<>(resourceCount);
        double[] wait = new double[resourceCount];
        boolean saturated = false;
        double worstLoad = 0;
        String bottleneck = null;
        for (int r = 0; r < resourceCount; r++) {
            boolean isNode = r < nodeCount;
            String id = isNode ? topology.nodes().get(r).id() : topology.links().get(r - nodeCount).id();
            int concurrency = isNode ? topology.nodes().get(r).concurrency() : 1;
            double load = busy[r] / concurrency;
            if (Tolerance.less(worstLoad, load)) {
                worstLoad = load;
                bottleneck = id;
            }
            double rho = lambda * load;
            double service = visitsPerRequest[r] > 0 ? busy[r] / visitsPerRequest[r] : 0;
            boolean full = busy[r] > 0 && !Tolerance.less(rho, 1);
            saturated |= full;
            wait[r] = full ? Double.NaN : rho * service / (2 * (1 - rho));
            resources.add(new ResourceUse(id, isNode ? ResourceUse.Kind.NODE : ResourceUse.Kind.LINK, busy[r],
                    concurrency, visitsPerRequest[r], service, rho, full ? null : wait[r], full));
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<LatencyPoint> atoms = new ArrayList<>();
        List<LatencyPoint> loadedAtoms = new ArrayList<>();
        for (int o = 0; o < plan.outcomeCount(); o++) {
            outcomes.add(outcome(o, saturated ? null : wait, atoms, loadedAtoms));
        }
        LatencySummary latency = LatencySummary.of(atoms);
        LatencySummary loaded = saturated ? null : LatencySummary.of(loadedAtoms);

        List<CostItem> costItems = costItems();
        double costPerRequest = costItems.stream().mapToDouble(CostItem::usdPerRequest).sum();
        List<EnergyUse> energy = energy();
        List<MemoryUse> memory = memory();
        boolean feasible = memory.stream().allMatch(MemoryUse::fits);
        Goals goals = new Goals(
                workload.latencySloSeconds() == null ? null
                        : loaded != null && loaded.mean() <= workload.latencySloSeconds(),
                workload.accuracyFloor() == null || shares.overall() == null ? null
                        : shares.overall() >= workload.accuracyFloor(),
                workload.budgetUsdPerRequest() == null ? null : costPerRequest <= workload.budgetUsdPerRequest());
        List<String> warnings = new ArrayList<>(shares.warnings());
        warnings.addAll(walk.assumptions);
        for (MemoryUse m : memory) {
            if (!m.fits()) {
                warnings.add("does not fit in memory on " + m.node() + ": needs " + FieldRange.about(m.requiredBytes())
                        + " bytes, has " + FieldRange.about(m.capacityBytes()) + " (over by " + FieldRange.about(m.overflowBytes()) + ")");
            }
        }
        for (ResourceUse r : resources) {
            if (r.saturated()) {
                warnings.add(r.id() + " is saturated at " + FieldRange.about(lambda) + " requests/s (utilization "
                        + FieldRange.about(r.utilization()) + ")");
            }
        }
        return new Metrics(List.copyOf(outcomes), latency, loaded, shares.overall(), shares.method(),
                List.copyOf(resources), worstLoad > 0 ? 1 / worstLoad : null, bottleneck, lambda, saturated,
                costPerRequest, costPerRequest * 1e6, lambda > 0 ? costPerRequest * lambda * 3600 : null,
                costItems, energy.stream().mapToDouble(EnergyUse::joulesPerRequest).sum(), energy, memory,
                feasible, goals, List.copyOf(warnings));
    }

    private void walkOutcome(int o) {
        walk.walk(plan, o);
        double p = shares.probability()[o];
        base[o] = walk.latency;
        parts.add(List.copyOf(walk.parts));
        visits[o] = walk.visits.clone();
        colds.add(List.copyOf(walk.coldStages));
        for (int r = 0; r < resourceCount; r++) {
            busy[r] += p * walk.busy[r];
            visitsPerRequest[r] += p * walk.visits[r];
        }
        for (int l = 0; l < egressBytes.length; l++) {
            egressBytes[l] += p * walk.egressBytes[l];
        }
        for (int k = 0; k <= plan.outcomeStage[o]; k++) {
            int n = plan.node[k];
            if (topology.nodes().get(n).pricing() instanceof ServerlessPricing s) {
                double w = walk.stageWork[k];
                double billed = (1 - s.coldStartProbability()) * s.billed(w)
                        + s.coldStartProbability() * s.billed(w + s.coldStartSeconds());
                serverlessUsd[n] += p * (s.usdPerRequest() + s.memoryGB() * billed * s.usdPerGBSecond());
            }
        }
    }

    /** Builds one outcome and adds its latency atoms (cold-start mixture, then with waits). */
    private Outcome outcome(int o, double[] wait, List<LatencyPoint> atoms, List<LatencyPoint> loadedAtoms) {
        double p = shares.probability()[o];
        List<LatencyPart> breakdown = new ArrayList<>(parts.get(o));
        double expectedCold = 0;
        for (int n : colds.get(o)) {
            ServerlessPricing s = walk.serverless(n);
            double c = s.coldStartProbability() * s.coldStartSeconds();
            if (c > 0) {
                expectedCold += c;
                breakdown.add(new LatencyPart(LatencyPart.Kind.COLD_START, topology.nodes().get(n).id(), c));
            }
        }
        double waits = 0;
        if (wait != null) {
            for (int r = 0; r < resourceCount; r++) {
                double w = visits[o][r] * wait[r];
                if (w > 0) {
                    waits += w;
                    String id = r < nodeCount ? topology.nodes().get(r).id() : topology.links().get(r - nodeCount).id();
                    breakdown.add(new LatencyPart(LatencyPart.Kind.QUEUEING, id, w));
                }
            }
        }
        for (LatencyPoint c : coldStartMixture(colds.get(o))) {
            atoms.add(new LatencyPoint(base[o] + c.seconds(), p * c.probability()));
            loadedAtoms.add(new LatencyPoint(base[o] + c.seconds() + waits, p * c.probability()));
        }
        boolean last = o == plan.outcomeCount() - 1;
        String label = !last ? profile.exits().get(plan.enabled[o]).id()
                : plan.terminal >= 0 ? profile.exits().get(plan.terminal).id() : Outcome.FINAL;
        int stage = plan.outcomeStage[o];
        return new Outcome(label, plan.outcomeUnit[o], stage, topology.nodes().get(plan.node[stage]).id(), last,
                p, base[o] + expectedCold, wait == null ? null : base[o] + expectedCold + waits,
                shares.accuracy()[o], List.copyOf(breakdown));
    }

    /** The distribution of the total cold-start delay over independent serverless stages. */
    private List<LatencyPoint> coldStartMixture(List<Integer> serverlessNodes) {
        List<LatencyPoint> dist = List.of(new LatencyPoint(0, 1));
        for (int n : serverlessNodes) {
            ServerlessPricing s = walk.serverless(n);
            double q = s.coldStartProbability();
            if (q == 0 || s.coldStartSeconds() == 0) {
                continue;
            }
            List<LatencyPoint> next = new ArrayList<>();
            for (LatencyPoint a : dist) {
                next.add(new LatencyPoint(a.seconds(), a.probability() * (1 - q)));
                next.add(new LatencyPoint(a.seconds() + s.coldStartSeconds(), a.probability() * q));
            }
            dist = LatencySummary.of(next).distribution(); // merges equal delays
        }
        return dist;
    }

    private List<CostItem> costItems() {
        List<CostItem> items = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            Node node = topology.nodes().get(n);
            if (node.pricing() instanceof DedicatedPricing d && busy[n] > 0) {
                items.add(new CostItem(node.id(), CostItem.Kind.DEDICATED, d.usdPerHour() / 3600 * busy[n]));
            } else if (serverlessUsd[n] > 0) {
                items.add(new CostItem(node.id(), CostItem.Kind.SERVERLESS, serverlessUsd[n]));
            }
        }
        for (int l = 0; l < egressBytes.length; l++) {
            double usd = egressBytes[l] / 1e9 * topology.links().get(l).usdPerGB();
            if (usd > 0) {
                items.add(new CostItem(topology.links().get(l).id(), CostItem.Kind.EGRESS, usd));
            }
        }
        return List.copyOf(items);
    }

    private List<EnergyUse> energy() {
        List<EnergyUse> energy = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            Node node = topology.nodes().get(n);
            if (node.tier() == 0 && node.watts() != null) {
                energy.add(new EnergyUse(node.id(), node.watts() * busy[n]));
            }
        }
        return List.copyOf(energy);
    }

    /** Parameters of every deployed unit and head plus the largest working set, per used node. */
    private List<MemoryUse> memory() {
        double[] params = new double[nodeCount];
        double[] working = new double[nodeCount];
        boolean[] used = new boolean[nodeCount];
        for (int k = 0; k < plan.stageCount; k++) {
            int n = plan.node[k];
            used[n] = true;
            for (int u = plan.first[k]; u <= plan.last[k]; u++) {
                Unit unit = profile.unit(u);
                params[n] += unit.paramBytes();
                working[n] = Math.max(working[n], unit.workingBytes());
                if (plan.headAfter[u] >= 0) {
                    ExitHead head = profile.exits().get(plan.headAfter[u]);
                    params[n] += head.paramBytes();
                    working[n] = Math.max(working[n], head.workingBytes());
                }
            }
        }
        List<MemoryUse> memory = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            if (used[n]) {
                Node node = topology.nodes().get(n);
                Double capacity = node.memoryCapacityBytes();
                double over = capacity == null ? 0 : Math.max(0, params[n] + working[n] - capacity);
                memory.add(new MemoryUse(node.id(), params[n], working[n], capacity, over));
            }
        }
        return List.copyOf(memory);
    }
}
