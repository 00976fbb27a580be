package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/**
 * Every plan of a search space, one exit configuration at a time: every set of cuts with
 * 1..maxStages stages and every placement the rules allow ({@link StageRules}). Time linear in
 * the number of plans; the exhaustive searches and the tests' references walk it.
 */
final class AllPlans {
    private final ModelProfile profile;
    private final Topology topology;
    private final StageRules rules;
    private final List<ExitConfiguration> configurations;
    private final SearchSpace space;

    AllPlans(SearchRequest request) {
        profile = request.evaluator().profile();
        topology = request.evaluator().topology();
        rules = new StageRules(profile, topology, request.space());
        space = request.space();
        configurations = ExitConfigurations.all(profile, request.space());
    }

    int configurations() {
        return configurations.size();
    }

    /** Hands every plan of configuration i to the visitor. */
    void visit(int i, Consumer<Plan> visitor) {
        ExitConfiguration cfg = configurations.get(i);
        Consumer<Plan> inSpace = space.exitRule() == ExitRule.FREE ? visitor : plan -> {
            if (exitsAtStageEnds(profile, plan)) {
                visitor.accept(plan);
            }
        };
        new Walk(cfg, rules.allowed(profile, cfg), inSpace).place(1, -1, -1);
    }

    /** Whether every enabled exit of the plan attaches where one of its stages ends. */
    static boolean exitsAtStageEnds(ModelProfile profile, Plan plan) {
        java.util.Set<Integer> ends = new java.util.HashSet<>();
        plan.stages().forEach(s -> ends.add(s.lastUnit()));
        return plan.exits().stream().allMatch(x -> ends.contains(profile.exits().get(profile.exitIndex(x.exit())).afterUnit()));
    }

    private final class Walk {
        private final ExitConfiguration cfg;
        private final boolean[][] allowed;
        private final Consumer<Plan> visitor;
        private final int last;
        private final List<Stage> stages = new ArrayList<>();

        Walk(ExitConfiguration cfg, boolean[][] allowed, Consumer<Plan> visitor) {
            this.cfg = cfg;
            this.allowed = allowed;
            this.visitor = visitor;
            last = cfg.lastUnit(profile);
        }

        /** Every stage that can start at unit a after a stage on node previous in state state. */
        void place(int a, int previous, int state) {
            for (int n = 0; n < rules.nodeCount; n++) {
                int next = a == 1 ? rules.start(n) : rules.canFollow(previous, n) ? rules.next(state, n) : -1;
                if (next < 0) {
                    continue;
                }
                for (int b = a; b <= last && allowed[b][n]; b++) {
                    stages.add(new Stage(a, b, topology.nodes().get(n).id()));
                    if (b == last) {
                        visitor.accept(cfg.plan(profile, stages));
                    } else {
                        place(b + 1, n, next);
                    }
                    stages.remove(stages.size() - 1);
                }
            }
        }
    }
}
