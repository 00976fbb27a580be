package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * The enumerated exit configurations are exactly the space's: every choice of exits and
 * thresholds within --max-exits and the shared-threshold rule, and under nested curves only
 * those the evaluator scores without clipping a share (the nesting holds); the count equals it.
 */
class ExitConfigurationsProperties {
    private static final double[] GRID = {0.1, 0.3, 0.5, 0.7, 0.9};

    @Property(tries = 400)
    void theConfigurationsAreThoseTheEvaluatorScoresWithoutClipping(@ForAll long seed) {
        Random r = new Random(seed);
        int exits = 1 + r.nextInt(4);
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        ModelProfile sampled = ExitConfigurationsTest.chainWithExits(exits);
        List<ExitCurve> curves = new ArrayList<>();
        for (int e = 0; e < exits; e++) {
            double lo = r.nextBoolean() ? 0 : 0.3;
            double[] rate = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            curves.add(new ExitCurve(new double[] {lo, 0.55, 1}, rate, new double[] {0.5, 0.6, 0.7}, r.nextDouble()));
        }
        ModelProfile profile = sampled.withExits(sampled.exits(), new CurveStats(curves, 0.9, mode));
        TreeSet<Double> grid = new TreeSet<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            grid.add(GRID[r.nextInt(GRID.length)]);
        }
        Integer most = r.nextBoolean() ? null : r.nextInt(exits + 1);
        SearchSpace space = SearchSpace.defaults().withThresholds(List.copyOf(grid)).withMaxExits(most)
                .withSharedThreshold(r.nextBoolean()).withPartialModels(r.nextBoolean());
        Evaluator evaluator = new Evaluator(profile, SmallChains.topology());

        TreeSet<String> expected = new TreeSet<>();
        int leftOut = 0;
        int terminals = space.partialModels() ? exits : 0;
        for (int terminal = -1; terminal < terminals; terminal++) {
            int upTo = terminal < 0 ? exits : terminal;
            // every exit before the end off or at any grid value: a number in base (grid + 1)
            long choices = (long) Math.pow(grid.size() + 1, upTo);
            for (long c = 0; c < choices; c++) {
                List<EnabledExit> on = new ArrayList<>();
                long rest = c;
                for (int e = 0; e < upTo; e++) {
                    int pick = (int) (rest % (grid.size() + 1));
                    rest /= grid.size() + 1;
                    if (pick > 0) {
                        on.add(new EnabledExit("e" + (e + 1), new ArrayList<>(grid).get(pick - 1)));
                    }
                }
                if (inSpace(profile, space, on)) {
                    if (clipped(evaluator, profile, on, terminal)) {
                        leftOut++;
                    } else {
                        expected.add(on + " ending at " + terminal);
                    }
                }
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        for (ExitConfiguration cfg : ExitConfigurations.all(profile, space)) {
            actual.add(cfg.plan(profile, List.of(new Stage(1, cfg.lastUnit(profile), "dev"))).exits() + " ending at "
                    + cfg.terminal());
        }
        Statistics.label("mode").collect(mode);
        Statistics.label("some left out by the nesting").collect(leftOut > 0);
        assertEquals(expected, actual);
        assertEquals(BigInteger.valueOf(expected.size()), ExitConfigurations.count(profile, space));
    }

    private static boolean inSpace(ModelProfile profile, SearchSpace space, List<EnabledExit> on) {
        boolean withinMost = space.maxExits() == null || on.size() <= space.maxExits();
        boolean shared = !space.sharedThreshold() || on.stream().map(EnabledExit::threshold).distinct().count() <= 1;
        boolean usable = on.stream().allMatch(x -> {
            ExitCurve c = ((CurveStats) profile.exitStats()).curves().get(profile.exitIndex(x.exit()));
            return x.threshold() >= c.thresholds()[0];
        });
        return withinMost && shared && usable;
    }

    private static boolean clipped(Evaluator evaluator, ModelProfile profile, List<EnabledExit> on, int terminal) {
        int last = terminal < 0 ? profile.unitCount() : profile.exits().get(terminal).afterUnit();
        Plan plan = new Plan(List.of(new Stage(1, last, "dev")), on, terminal < 0 ? null : profile.exits().get(terminal).id());
        Metrics m = evaluator.evaluate(plan, Workload.NONE);
        return m.warnings().stream().anyMatch(w -> w.contains("clipped"));
    }
}
