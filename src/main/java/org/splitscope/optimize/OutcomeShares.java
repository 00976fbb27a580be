package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;

/**
 * The evaluator's outcome shares and accuracy of an exit configuration. They depend only on
 * the exits, thresholds and statistics, not on cuts or placement, so they are read from the
 * evaluator on a stand-in: a profile with one unit per exit and the same exits, statistics and
 * criterion, on a single node. That keeps one implementation of the exit model and costs little
 * more than the O(S x E) share computation itself.
 */
final class OutcomeShares {
    private final ModelProfile standIn;
    private final Evaluator evaluator;

    OutcomeShares(ModelProfile profile) {
        List<Unit> units = new ArrayList<>();
        List<ExitHead> exits = new ArrayList<>();
        for (int e = 0; e < profile.exits().size(); e++) {
            units.add(new Unit("u" + e, "stand-in", 0, 0, 0));
            exits.add(new ExitHead(profile.exits().get(e).id(), e + 1, 0, 0));
        }
        units.add(new Unit("last", "stand-in", 0, 0, 0));
        standIn = new ModelProfile(profile.name(), null, 0, 0.0, units, exits, profile.exitStats(), profile.criterion(),
                null, null, null);
        evaluator = new Evaluator(standIn, new Topology(List.of(new Node("node", 0, "any", 1)), List.of(), "node", null, null));
    }

    /** The evaluator's metrics of the stand-in plan: read outcomes' probabilities and accuracy only. */
    Metrics of(ExitConfiguration cfg) {
        return evaluator.evaluate(cfg.plan(standIn, List.of(new Stage(1, cfg.lastUnit(standIn), "node"))), Workload.NONE);
    }

    /** Per outcome (enabled exits in model order, then the last) the share of requests that leave there. */
    static double[] probabilities(Metrics m) {
        return m.outcomes().stream().mapToDouble(Outcome::probability).toArray();
    }
}
