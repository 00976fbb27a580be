package org.splitscope;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/**
 * A scenario whose best plan the exact search does not prove optimal, deterministically: thirty
 * exits with per-sample statistics that follow no pattern, where the branch and bound stops at
 * its budget with a proven gap (a few seconds per search).
 */
public final class NotProvenScenario {
    private NotProvenScenario() {
    }

    /** A chain of 31 units on one device, an exit after each of the first 30, 20 samples drawn at random. */
    public static Scenario thirtyExits() {
        java.util.Random r = new java.util.Random(30);
        int exits = 30;
        int samples = 20;
        List<Unit> units = new ArrayList<>();
        List<ExitHead> heads = new ArrayList<>();
        double[][] conf = new double[exits][samples];
        boolean[][] ok = new boolean[exits][samples];
        for (int e = 0; e < exits; e++) {
            units.add(new Unit("u" + (e + 1), "conv", 1e8, 1e3, 1e3));
            heads.add(new ExitHead("e" + (e + 1), e + 1, 1e6, 1e3));
            for (int s = 0; s < samples; s++) {
                conf[e][s] = r.nextDouble();
                ok[e][s] = r.nextDouble() < 0.6 + 0.3 * e / exits;
            }
        }
        boolean[] finalOk = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            finalOk[s] = r.nextDouble() < 0.95;
        }
        units.add(new Unit("last", "fc", 1e8, 1e3, 10));
        ModelProfile profile = new ModelProfile("thirty", null, 1000, 10.0, units, heads, new SampleStats(conf, ok, finalOk),
                null, null, null, null);
        Topology one = new Topology(List.of(new Node("dev", 0, "arm", 1e9)), List.of(), "dev", null, null);
        return new Scenario("thirty", profile, one, new Plan(List.of(new Stage(1, exits + 1, "dev"))),
                new Workload(null, null, 0.8, null));
    }
}
