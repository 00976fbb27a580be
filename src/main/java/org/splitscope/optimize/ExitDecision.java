package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;

/**
 * One decision of a label program over an {@link ExitGraph}, linked to the rest of its plan: the
 * label programs ({@link ExitLabels}, {@link ExitFront}) keep their suffixes as such chains and
 * walk the root's into a plan here.
 */
interface ExitDecision {
    int FINAL = 0;
    int GO_ON = 1;
    int END = 2; // arg: next node
    int OFF = 3;
    int ON = 4; // arg: threshold index
    int TERMINAL = 5;
    int ENTER = 6; // arg: the stage's node
    int START = 7; // arg: first node

    int kind();

    int arg();

    /** The rest of the plan, or null after its last decision. */
    ExitDecision rest();

    /** Walks a root decision (START, its arg the first node) and its rest into a plan. */
    static Plan plan(ExitGraph g, ExitDecision root) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int node = root.arg();
        int first = 1;
        int x = 1;
        for (ExitDecision l = root.rest(); l != null; l = l.rest()) {
            switch (l.kind()) {
                case ENTER -> node = l.arg();
                case OFF -> {
                }
                case ON -> {
                    int e = g.cc.exitAt[x];
                    enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][l.arg()]));
                }
                case TERMINAL -> {
                    terminal = g.profile.exits().get(g.cc.exitAt[x]).id();
                    stages.add(new Stage(first, x, g.id(node)));
                }
                case FINAL -> stages.add(new Stage(first, x, g.id(node)));
                case GO_ON -> x++;
                case END -> {
                    stages.add(new Stage(first, x, g.id(node)));
                    x++;
                    first = x;
                }
                default -> throw new IllegalStateException("unknown decision " + l.kind());
            }
        }
        return new Plan(stages, enabled, terminal);
    }
}
