package org.splitscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

/**
 * Least-time routing at edge-cluster sizes (issue 18): a chain of nodes (every transfer relays
 * through all nodes between, every bandwidth distinct) and a sparse mesh (a random spanning tree
 * plus three random links per node, distinct bandwidths), at 50, 400 and 2,000 nodes. Each call
 * starts a fresh router: the routes of a 1 MB transfer (swept over every bandwidth floor) from the
 * source to every node, and a whole evaluation (evaluator built, two-stage plan from the source to
 * the farthest node evaluated).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class RouterBenchmark {
    @Param({"50", "400", "2000"})
    public int nodes;

    @Param({"chain", "mesh"})
    public String shape;

    private Topology topology;
    private ModelProfile profile;
    private Plan plan;

    @Setup
    public void setUp() {
        topology = topology(shape, nodes, 1);
        profile = new ModelProfile("m", null, 6e5, 4000.0, List.of(new Unit("u1", "conv", 1e8, 1e6, 2e6),
                new Unit("u2", "conv", 1e8, 1e6, 10)), null, null, null, null, null, null);
        plan = new Plan(List.of(new Stage(1, 1, "n0"), new Stage(2, 2, "n" + (nodes - 1))));
    }

    @Benchmark
    public int routesFromTheSourceToEveryNode() {
        Router router = new Router(topology);
        int hops = 0;
        for (int b = 0; b < nodes; b++) {
            Route r = router.route(0, b, 1e6);
            hops += r.links().length;
        }
        return hops;
    }

    @Benchmark
    public Metrics evaluateOnePlan() {
        return new Evaluator(profile, topology).evaluate(plan, Workload.NONE);
    }

    /** A chain n0 - n1 - ... or a sparse mesh, seeded, with distinct bandwidths of 1 to 1000 Mb/s. */
    public static Topology topology(String shape, int n, long seed) {
        Random r = new Random(seed);
        List<Node> ns = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ns.add(new Node("n" + i, null, i == 0 ? 0 : 1, "arm", 1e10, null, null, null, null));
            if (i > 0) {
                int parent = shape.equals("chain") ? i - 1 : r.nextInt(i);
                links.add(new Link("n" + parent, "n" + i, 1e6 * (1 + 999 * r.nextDouble()), 1e-3 * r.nextDouble()));
            }
        }
        if (shape.equals("mesh")) {
            for (int i = 0; i < 3 * n; i++) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                if (a != b) {
                    links.add(new Link("x" + i, "n" + a, "n" + b, 1e6 * (1 + 999 * r.nextDouble()), 1e-3 * r.nextDouble(),
                            null, null));
                }
            }
        }
        return new Topology(ns, links, "n0", null, null);
    }
}
