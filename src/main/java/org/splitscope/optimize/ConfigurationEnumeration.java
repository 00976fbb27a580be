package org.splitscope.optimize;

import static org.splitscope.optimize.ExactChainSearch.METHOD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The chain search configuration by configuration, the enumeration {@link ExactChainSearch}
 * falls back on (its comment says why the result is exact and when each search answers). Phase
 * 1, in parallel: every exit configuration gets its outcome shares from the evaluator, those
 * below the accuracy floor are dropped, and the chain program ({@link ChainDp}) gives each of the
 * rest its best rank key, or rules it out by stage memory, the SLO or the budget. Phase 2: the
 * configurations best first, each one's plans in key order ({@link PlanEnumerator}), each plan
 * scored by the evaluator and kept when it meets the constraints, until the next key cannot
 * enter the top list. {@link SampleExitSearch} uses one configuration at a time
 * ({@link #candidate}, then {@link #enumerate}).
 */
final class ConfigurationEnumeration {
    /** Plans scored (and configurations built, when none was) at most after a stop that came before any plan was scored. */
    static final long PLANS_AFTER_STOP = 500;

    private final SearchRequest request;
    private final Evaluator evaluator;
    private final ModelProfile profile;
    private final StageRules rules;
    private final ChainCosts costs;
    private final OutcomeShares outcomeShares;
    final TopPlans top;
    private final Progress progress;
    private final CancellationToken token;
    private final boolean latFirst;
    /** Ranking by the mean under load: the program's latency is a lower bound on it (stage waits included). */
    private final boolean loaded;
    private final double slo;
    private final double budget;
    private final boolean[] prunedCuts;
    private final boolean[] everyCut;
    final List<String> notes = new ArrayList<>();
    private final ThreadLocal<Workspace> workspaces;
    long evaluated;
    long disagreements;
    /** Plans still to score after a stop, to have one to show; -1 while the search runs. */
    private long quota = -1;

    ConfigurationEnumeration(SearchRequest request, int count, Progress progress, CancellationToken token, boolean pruning) {
        this.request = request;
        this.evaluator = request.evaluator();
        this.profile = evaluator.profile();
        this.rules = new StageRules(profile, evaluator.topology(), request.space());
        this.costs = new ChainCosts(profile, evaluator.topology());
        this.outcomeShares = new OutcomeShares(profile);
        this.top = new TopPlans(count);
        this.progress = progress;
        this.token = token;
        latFirst = request.objective() != Objective.COST;
        Constraints c = request.constraints();
        slo = c.latencySloSeconds() == null ? Double.NaN : c.latencySloSeconds();
        budget = c.budgetUsdPerRequest() == null ? Double.NaN : c.budgetUsdPerRequest();
        loaded = request.objective() == Objective.LOADED_LATENCY;
        double waitsAt = loaded ? request.workload().arrivalRatePerSecond() : 0;
        workspaces = ThreadLocal.withInitial(() -> new Workspace(rules, costs, waitsAt));
        everyCut = new boolean[profile.unitCount() + 1];
        Arrays.fill(everyCut, true);
        String why = !pruning ? "switched off"
                : count > 1 ? "it keeps the optimum, not the runners-up, and " + count + " plans were asked for"
                : DnnSplitRule.whyNot(request, costs);
        if (why == null) {
            DnnSplitCandidates candidates = new DnnSplitCandidates(profile);
            prunedCuts = new boolean[profile.unitCount() + 1];
            for (int cut : candidates.cuts()) {
                prunedCuts[cut] = true;
            }
            notes.add("DNNSplit pruning: without exits, only the " + candidates.cuts().length
                    + " candidate cuts " + Arrays.toString(candidates.cuts()) + " were tried");
        } else {
            prunedCuts = null;
            notes.add("DNNSplit pruning not applied: " + why);
        }
        if (request.objective() == Objective.LOADED_LATENCY) {
            notes.add("mean latency under load: plans taken in order of a lower bound (their mean without load plus"
                    + " the M/D/1 wait of each stage's node as if it ran that stage alone), each scored with its"
                    + " waits by the evaluator, until the bound could not beat the plans kept; saturated plans are"
                    + " infeasible");
        }
    }

    List<RankedPlan> search() {
        if (SaturationBound.everyPlanSaturates(request) != null) {
            return List.of();
        }
        List<ExitConfiguration> all = ExitConfigurations.all(profile, request.space());
        long total = 2L * all.size();
        AtomicLong done = new AtomicLong();
        List<Candidate> candidates;
        java.util.Queue<Candidate> built = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            candidates = IntStream.range(0, all.size()).parallel().mapToObj(i -> {
                token.throwIfCancelled();
                Candidate c = candidate(all.get(i));
                if (c != null) {
                    built.add(c);
                }
                long d = done.incrementAndGet();
                if ((d & 255) == 0) {
                    progress.update(d, total);
                }
                return c;
            }).filter(Objects::nonNull).sorted(Comparator.comparing(Candidate::best, Ranking::compareExactly)).toList();
        } catch (CancellationException e) {
            throw stoppedBuilding(built, all);
        }
        progress.update(all.size(), total);
        long step = all.size();
        for (Candidate c : candidates) {
            if (top.full() && Ranking.compare(c.best(), top.worst()) >= 0) {
                break;
            }
            try {
                token.throwIfCancelled();
                enumerate(c);
            } catch (CancellationException e) {
                // every plan not scored yet is in this configuration or a later one: none has a key below its best
                throw stopped(c.best()[0]);
            }
            progress.update(++step, total);
        }
        progress.update(total, total);
        if (disagreements > 0) {
            notes.add("the program's sums disagreed with the evaluator on " + disagreements
                    + " plan(s); the ranking may not be optimal");
        }
        return top.ranked(request.objective(), new Provenance(METHOD, disagreements == 0, evaluated, notes));
    }

    /**
     * Stopped before any plan was scored: the configurations built so far (a few more when none
     * was), best first, give their first plans, a few hundred evaluations at most, so that the
     * stop still shows a plan. The configurations not built could hold anything: no bound.
     */
    private SearchStopped stoppedBuilding(java.util.Collection<Candidate> built, List<ExitConfiguration> all) {
        List<Candidate> pool = new ArrayList<>(built);
        for (int i = 0; pool.isEmpty() && i < Math.min(all.size(), PLANS_AFTER_STOP); i++) {
            Candidate c = candidate(all.get(i));
            if (c != null) {
                pool.add(c);
            }
        }
        quota = PLANS_AFTER_STOP;
        for (Candidate c : pool.stream().sorted(Comparator.comparing(Candidate::best, Ranking::compareExactly)).toList()) {
            if (quota <= 0 || !top.empty()) {
                break;
            }
            enumerate(c);
        }
        return stopped(Double.NaN);
    }

    /** The plans kept so far, with the bound on every plan not scored (NaN: none known). */
    private SearchStopped stopped(double bound) {
        return SearchStopped.of(top.ranked(request.objective(), new Provenance(METHOD, false, evaluated, notes)),
                top.incumbent(), bound, METHOD, evaluated, notes);
    }

    private boolean[] cutsFor(ExitConfiguration cfg) {
        if (prunedCuts != null && cfg.enabled().length == 0 && cfg.terminal() < 0) {
            return prunedCuts;
        }
        return everyCut;
    }

    /** Phase 1: shares from the evaluator, the accuracy floor, and the configuration's best key; null when it holds no plan. */
    Candidate candidate(ExitConfiguration cfg) {
        Metrics shares = outcomeShares.of(cfg);
        Double floor = request.constraints().accuracyFloor();
        if (floor != null && (shares.accuracy() == null || Tolerance.less(shares.accuracy(), floor))) {
            return null;
        }
        double[] p = OutcomeShares.probabilities(shares);
        Workspace w = workspaces.get();
        w.costs.reset(cfg, p, rules, request.constraints().memoryMustFit());
        ChainDp[] dp = solve(w, cfg);
        if (dp == null) {
            return null;
        }
        return new Candidate(cfg, p, shares.accuracy(),
                key(dp[0].best1, dp[0].best2, shares.accuracy(), dp[0].bestStages));
    }

    /** The main table and, where a limit needs it, the bound table; null when the limits rule the configuration out. */
    private ChainDp[] solve(Workspace w, ExitConfiguration cfg) {
        ChainDp[] dp = w.tables;
        dp[0].solve(w.costs, latFirst, cutsFor(cfg));
        if (dp[0].best1 == Double.POSITIVE_INFINITY) {
            return null;
        }
        boolean otherLimit = latFirst ? !Double.isNaN(budget) : !Double.isNaN(slo);
        if (otherLimit) {
            dp[1].solve(w.costs, !latFirst, cutsFor(cfg));
        }
        ChainDp latDp = latFirst ? dp[0] : otherLimit ? dp[1] : null;
        ChainDp costDp = latFirst ? (otherLimit ? dp[1] : null) : dp[0];
        if ((!Double.isNaN(slo) && Tolerance.less(slo, latDp.best1))
                || (!Double.isNaN(budget) && Tolerance.less(budget, costDp.best1))) {
            return null;
        }
        return dp;
    }

    /** The rank key of a plan with this program key, accuracy and stage count. */
    private double[] key(double k1, double k2, Double accuracy, int stages) {
        double lat = latFirst ? k1 : k2;
        double cost = latFirst ? k2 : k1;
        double acc = accuracy == null ? 0 : -accuracy;
        double objective = switch (request.objective()) {
            case COST -> cost;
            case ACCURACY -> acc;
            default -> lat;
        };
        return new double[] {objective, lat, cost, acc, stages};
    }

    /** Phase 2: the configuration's plans in key order until they cannot enter the top list. */
    void enumerate(Candidate c) {
        Workspace w = workspaces.get();
        w.costs.reset(c.cfg(), c.probability(), rules, request.constraints().memoryMustFit());
        ChainDp[] dp = solve(w, c.cfg());
        ChainDp latBound = Double.isNaN(slo) ? null : latFirst ? dp[0] : dp[1];
        ChainDp costBound = Double.isNaN(budget) ? null : latFirst ? dp[1] : dp[0];
        PlanEnumerator plans = new PlanEnumerator(dp[0], latBound, costBound, w.costs, rules, latFirst,
                cutsFor(c.cfg()), slo, budget);
        for (PlanEnumerator.Step s = plans.next(); s != null; s = plans.next()) {
            if (quota < 0) {
                token.throwIfCancelled();
            } else if (quota-- == 0) {
                return;
            }
            double[] key = key(latFirst ? plans.latency : plans.cost, latFirst ? plans.cost : plans.latency,
                    c.accuracy(), plans.stages);
            if (loaded && key[0] == Double.POSITIVE_INFINITY) {
                return; // this and every later plan of the configuration saturates a node
            }
            if (top.full() && Ranking.compare(key, top.worst()) >= 0) {
                return;
            }
            Plan plan = c.cfg().plan(profile, stages(s));
            if (request.space().exitRule() == ExitRule.STAGE_ENDS && !AllPlans.exitsAtStageEnds(profile, plan)) {
                continue;
            }
            Metrics m = evaluator.evaluate(plan, request.workload());
            evaluated++;
            boolean latencyAgrees = loaded
                    ? m.loadedLatency() == null || !Tolerance.less(m.loadedLatency().mean(), plans.latency) // a bound
                    : Tolerance.equal(plans.latency, m.meanLatency());
            if (!latencyAgrees || !Tolerance.equal(plans.cost, m.costUsdPerRequest())) {
                disagreements++;
            }
            if (request.constraints().metBy(m)) {
                top.offer(Ranking.key(request.objective(), m, plan.stages().size()), plan, m);
            }
        }
    }

    private List<Stage> stages(PlanEnumerator.Step s) {
        List<Stage> out = new ArrayList<>();
        for (; s != null; s = s.next()) {
            out.add(new Stage(s.first(), s.last(), evaluator.topology().nodes().get(s.node()).id()));
        }
        return out;
    }

    /** A configuration that may hold a plan, with its outcome shares and the best rank key any of its plans has. */
    record Candidate(ExitConfiguration cfg, double[] probability, Double accuracy, double[] best) {
    }

    /** One thread's reusable tables: the configuration's costs, the main and the bound program. */
    private static final class Workspace {
        final ConfigCosts costs;
        final ChainDp[] tables;

        Workspace(StageRules rules, ChainCosts chain, double waitsAt) {
            costs = new ConfigCosts(chain);
            if (waitsAt > 0) {
                costs.boundWaits(waitsAt);
            }
            tables = new ChainDp[] {new ChainDp(rules, chain.units), new ChainDp(rules, chain.units)};
        }
    }
}
