package org.splitscope.perf;

import java.util.List;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;

/**
 * Small scenarios whose figures are computed by hand in the tests. Round numbers: a device at
 * 1 GFLOP/s, a server at 10 GFLOP/s, a 1 MB/s link with 10 ms latency.
 */
final class TinyScenarios {
    private TinyScenarios() {
    }

    /** u1: 1 GFLOP, cut 3000 B; u2: 2 GFLOP, cut 500 B; u3: 1 GFLOP. Input 1000 B, result 100 B. */
    static ModelProfile chain() {
        return new ModelProfile("tiny", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 1e9, 400, 3000),
                        new Unit("u2", "conv", 2e9, 800, 500),
                        new Unit("u3", "fc", 1e9, 200, 10)),
                null, null, null, null, null, null);
    }

    /** The chain with one exit head after u1 (0.1 GFLOP) and four samples. */
    static ModelProfile chainWithExit() {
        SampleStats stats = new SampleStats(
                new double[][] {{0.9, 0.5, 0.95, 0.2}},
                new boolean[][] {{true, false, false, true}},
                new boolean[] {true, true, true, false});
        return chain().withExits(List.of(new ExitHead("e1", 1, 1e8, 50)), stats);
    }

    static Node device() {
        return new Node("dev", "device", 0, "arm", 1e9, null, null, null, 5.0);
    }

    static Node server() {
        return new Node("srv", "server", 1, "x86", 1e10, null, null, new DedicatedPricing(3.6), null);
    }

    static Topology deviceAndServer() {
        return new Topology(List.of(device(), server()),
                List.of(new Link(null, "dev", "srv", 8e6, 0.01, 0.1, null)), "dev", null, null);
    }

    /** u1 on the device, u2..u3 on the server. */
    static Plan cutAfterFirst() {
        return new Plan(List.of(new Stage(1, 1, "dev"), new Stage(2, 3, "srv")));
    }
}
