package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.splitscope.model.Codec;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The cheapest serverless slicing of a model under a latency SLO (MOPAR: model partitioning for
 * serverless inference): where to cut the model into functions, each function's memory size
 * (speed scales with it) and whether to compress each transfer, minimizing expected cost per
 * request subject to the mean-latency SLO (under load, as {@link Constraints} reads it), memory
 * fit, no saturation, the budget and the accuracy floor.
 *
 * <p>The plan's exits are kept as they are (same exits, thresholds and terminal exit; they are
 * not searched), so every unit is reached by a fixed share of requests and a slicing's mean
 * latency and cost are sums over its functions ({@link ServerlessStageCosts}); billing rounding
 * and cold starts are per function and live inside its terms. A label-setting dynamic program
 * runs over cut positions: the state after a function is (its last unit, the codec of its
 * outgoing cut), and each state keeps the Pareto set of (latency, cost, functions) labels of the
 * prefixes reaching it. Labels are pruned by the SLO against the least latency still needed and
 * by the cost of the unsplit deployment against the least cost still needed, both computed
 * exactly by backward programs, so no slicing that can be optimal is lost. The cheapest final
 * labels are rebuilt as scenarios and re-evaluated with the evaluator; the result is labelled
 * exact when the program's sums agree with the evaluator (under an arrival rate that needs every
 * link to carry one function's transfers, which the cloned per-function links ensure unless
 * routes share links between kept nodes).
 *
 * <p>Running time: O(K N^2 M C^2) for the tables and bounds (N units, M memory sizes, C codec
 * choices including none, K functions), plus O(N^2 M C^2 L) for the labels, L the largest
 * Pareto set of a state (in practice tens).
 */
public final class ServerlessSlicing {
    public static final String METHOD = "serverless slicing dynamic program";

    private final Scenario scenario;
    private final Constraints constraints;
    private final ServerlessOptions options;
    private final ServerlessTopology functions;
    private final ExitConfiguration exits;
    private final List<Codec> choices;
    private final Double slo;
    private long evaluated;

    /** The scenario's workload goals as constraints, with memory fit and no saturation. */
    public ServerlessSlicing(Scenario scenario, ServerlessOptions options) {
        this(scenario, Constraints.of(scenario.workload()), options);
    }

    /** @throws InvalidSearchException listing every problem of the scenario and options */
    public ServerlessSlicing(Scenario scenario, Constraints constraints, ServerlessOptions options) {
        List<Problem> problems = new ArrayList<>(scenario.validate());
        if (scenario.topology() != null) {
            problems.addAll(options.validate(scenario.topology()));
        }
        if (problems.isEmpty()) {
            ServerlessTopology f = new ServerlessTopology(scenario.topology(), options.template(scenario.topology()));
            Topology one = f.chain(new int[] {1769}, new int[] {1}, new int[] {1});
            if (!one.reachable(one.source(), f.functionId(1)) || !one.reachable(f.functionId(1), one.sink())) {
                problems.add(new Problem("templateNode", "the template '" + f.template().id() + "' has no route from the"
                        + " source and to the sink, so no function cloned from it can serve a request"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
        this.scenario = scenario;
        this.constraints = constraints;
        this.options = options;
        this.functions = new ServerlessTopology(scenario.topology(), options.template(scenario.topology()));
        this.exits = exitConfiguration(scenario.profile(), scenario.plan());
        this.choices = options.transferChoices();
        this.slo = constraints.latencySloSeconds();
    }

    private static ExitConfiguration exitConfiguration(ModelProfile profile, Plan plan) {
        List<EnabledExit> on = new ArrayList<>(plan.exits());
        on.sort(Comparator.comparingInt(x -> profile.exitIndex(x.exit())));
        int[] enabled = on.stream().mapToInt(x -> profile.exitIndex(x.exit())).toArray();
        double[] thresholds = on.stream().mapToDouble(EnabledExit::threshold).toArray();
        int terminal = plan.terminalExit() == null ? -1 : profile.exitIndex(plan.terminalExit());
        return new ExitConfiguration(enabled, thresholds, terminal);
    }

    /** A prefix of functions: its expected latency and cost, and how it was built. */
    private record Label(double lat, double cost, int functions, Label parent, int first, int last, int size, int codecIn) {
    }

    /**
     * The cheapest slicing, with the evaluator's metrics and the unsplit comparison.
     *
     * @throws InfeasibleConstraintsException when no slicing meets the constraints, naming which
     * @throws java.util.concurrent.CancellationException when the token is cancelled
     */
    public ServerlessSlicingResult solve(Progress progress, CancellationToken token) {
        ModelProfile profile = scenario.profile();
        Metrics shares = new OutcomeShares(profile).of(exits);
        Double floor = constraints.accuracyFloor();
        if (floor != null && (shares.accuracy() == null || Tolerance.less(shares.accuracy(), floor))) {
            throw new InfeasibleConstraintsException("No slicing meets the constraints.", List.of(new UnmetConstraint(
                    Constraint.ACCURACY_FLOOR, true, "The accuracy floor " + Infeasibility.percent(floor)
                    + " cannot be met: the plan's exits give " + Infeasibility.percent(shares.accuracy()) + " whatever the slicing (exits are kept as they are, not searched).")));
        }
        List<Integer> sizes = options.memorySizesMB();
        boolean saturationFails = constraints.belowSaturation() || slo != null;
        ServerlessStageCosts t = new ServerlessStageCosts(profile, exits, OutcomeShares.probabilities(shares), functions,
                sizes, choices, scenario.workload().arrivalRatePerSecond(), constraints.memoryMustFit(), saturationFails);
        token.throwIfCancelled();
        int n = t.last;
        int k = options.maxFunctions();
        int c = choices.size();
        double[][][] lbLat = ServerlessBounds.least(t, k, true);
        double[][][] lbCost = ServerlessBounds.least(t, k, false);
        token.throwIfCancelled();
        ServerlessBaseline unsplit = ServerlessBaselines.unsplit(scenario, constraints, functions, sizes, n);
        evaluated += sizes.size();
        double fastest = Double.POSITIVE_INFINITY;
        for (int ci = 0; ci < c; ci++) {
            fastest = Math.min(fastest, lbLat[k][0][ci]);
        }
        if (fastest == Double.POSITIVE_INFINITY) {
            throw ServerlessBaselines.nothingFits(profile, sizes, k);
        }
        if (slo != null && Tolerance.less(slo, fastest)) {
            double rate = scenario.workload().arrivalRatePerSecond();
            throw new InfeasibleConstraintsException("No slicing meets the constraints.", List.of(new UnmetConstraint(
                    Constraint.LATENCY_SLO, true, "The latency SLO of " + slo + " s cannot be met: the least mean latency"
                    + " achievable with at most " + k + " function(s) is " + fastest + " s"
                    + (rate > 0 ? " at " + rate + " requests/s." : "."))));
        }
        double bound = Double.POSITIVE_INFINITY;
        for (int m = 0; m < sizes.size(); m++) {
            if (slo == null || !Tolerance.less(slo, t.latency(1, n, m, 0, 0))) {
                bound = Math.min(bound, t.cost(1, n, m, 0, 0));
            }
        }
        @SuppressWarnings("unchecked")
        List<Label>[][] states = new List[n + 1][c];
        for (int ci = 0; ci < c; ci++) {
            states[0][ci] = List.of(new Label(0, 0, 0, null, 0, 0, -1, -1));
        }
        long labels = 0;
        for (int b = 1; b <= n; b++) {
            token.throwIfCancelled();
            for (int co = 0; co < (b < n ? c : 1); co++) {
                List<Label> found = new ArrayList<>();
                for (int a = 1; a <= b; a++) {
                    for (int ci = 0; ci < c; ci++) {
                        for (Label prev : states[a - 1][ci]) {
                            if (prev.functions() >= k) {
                                continue;
                            }
                            int rest = k - prev.functions() - 1;
                            double needLat = lbLat[rest][b][co];
                            double needCost = lbCost[rest][b][co];
                            for (int m = 0; m < sizes.size(); m++) {
                                double lat = prev.lat() + t.latency(a, b, m, ci, co);
                                double cost = prev.cost() + t.cost(a, b, m, ci, co);
                                if (lat == Double.POSITIVE_INFINITY || (slo != null && Tolerance.less(slo, lat + needLat))
                                        || Tolerance.less(bound, cost + needCost)) {
                                    continue;
                                }
                                found.add(new Label(lat, cost, prev.functions() + 1, prev, a, b, m, ci));
                            }
                        }
                    }
                }
                states[b][co] = pareto(found, k);
                labels += states[b][co].size();
            }
            progress.update(b, n);
        }
        return best(states[n][0], unsplit, labels, token);
    }

    /** The labels no other label beats on latency, cost and function count at once. */
    private static List<Label> pareto(List<Label> found, int k) {
        found.sort(Comparator.comparingDouble(Label::cost).thenComparingDouble(Label::lat)
                .thenComparingInt(Label::functions));
        double[] fastestUpTo = new double[k + 1];
        Arrays.fill(fastestUpTo, Double.POSITIVE_INFINITY);
        List<Label> kept = new ArrayList<>();
        for (Label l : found) {
            if (fastestUpTo[l.functions()] <= l.lat()) {
                continue;
            }
            kept.add(l);
            for (int f = l.functions(); f <= k; f++) {
                fastestUpTo[f] = Math.min(fastestUpTo[f], l.lat());
            }
        }
        return kept;
    }

    /** The cheapest final label the evaluator confirms meets the constraints. */
    private ServerlessSlicingResult best(List<Label> finals, ServerlessBaseline unsplit, long labels, CancellationToken token) {
        List<Label> order = new ArrayList<>(finals);
        order.sort((x, y) -> {
            int byCost = Tolerance.compare(x.cost(), y.cost());
            int byLat = Tolerance.compare(x.lat(), y.lat());
            return byCost != 0 ? byCost : byLat != 0 ? byLat : Integer.compare(x.functions(), y.functions());
        });
        long disagreements = 0;
        for (Label l : order) {
            token.throwIfCancelled();
            Scenario s = rebuild(l);
            Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload());
            evaluated++;
            double lat = m.loadedLatency() == null ? m.meanLatency() : m.loadedLatency().mean();
            if (!Tolerance.equal(lat, l.lat()) && m.loadedLatency() != null || !Tolerance.equal(m.costUsdPerRequest(), l.cost())) {
                disagreements++;
            }
            if (constraints.metBy(m)) {
                return new ServerlessSlicingResult(s, m, provenance(labels, disagreements), unsplit);
            }
        }
        if (!order.isEmpty() && constraints.budgetUsdPerRequest() != null
                && Tolerance.less(constraints.budgetUsdPerRequest(), order.get(0).cost())) {
            throw new InfeasibleConstraintsException("No slicing meets the constraints.", List.of(new UnmetConstraint(
                    Constraint.BUDGET, false, "The budget of " + constraints.budgetUsdPerRequest() + " USD per request"
                    + " cannot be met: the cheapest slicing that meets the other constraints costs " + order.get(0).cost()
                    + " USD.")));
        }
        throw new InfeasibleConstraintsException("No slicing meets the constraints: the program's best slicings failed"
                + " the evaluator's check (" + disagreements + " disagreement(s)).", List.of());
    }

    private Provenance provenance(long labels, long disagreements) {
        List<String> notes = new ArrayList<>();
        notes.add("searched up to " + options.maxFunctions() + " function(s), " + options.memorySizesMB().size()
                + " memory size(s), " + (choices.size() - 1) + " codec(s) besides none; " + labels + " Pareto labels kept");
        if (!scenario.plan().exits().isEmpty() || scenario.plan().terminalExit() != null) {
            notes.add("the plan's exits and thresholds were kept as they are, not searched");
        }
        if (disagreements > 0) {
            notes.add("the program's sums disagreed with the evaluator on " + disagreements
                    + " slicing(s) (links shared between functions' routes?); the result may not be the cheapest");
        }
        return new Provenance(METHOD, disagreements == 0, evaluated, notes);
    }

    private Scenario rebuild(Label last) {
        List<Label> chain = new ArrayList<>();
        for (Label l = last; l.parent() != null; l = l.parent()) {
            chain.add(0, l);
        }
        int[] mb = new int[chain.size()];
        int[] first = new int[chain.size()];
        int[] end = new int[chain.size()];
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Label l = chain.get(i);
            mb[i] = options.memorySizesMB().get(l.size());
            first[i] = l.first();
            end[i] = l.last();
            stages.add(new Stage(l.first(), l.last(), functions.functionId(i + 1), choices.get(l.codecIn())));
        }
        Plan plan = new Plan(stages, scenario.plan().exits(), scenario.plan().terminalExit());
        return scenario.withTopology(functions.chain(mb, first, end)).withPlan(plan);
    }
}
