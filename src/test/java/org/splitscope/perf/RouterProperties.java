package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Routing;
import org.splitscope.model.Topology;

/**
 * The router against a brute force that times every simple path (the spec's definition), on
 * random small graphs with parallel, one-way and missing links, repeated bandwidths and sizes on
 * both sides of the MTU; and direct routing against the direct links.
 */
class RouterProperties {
    private static final double[] SIZES = {0, 1, 700, 1499, 1500, 1501, 4000, 3e4, 1e6, 5e7};

    @Property(tries = 400)
    void leastTimeRouteEqualsTheBestSimplePath(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int nodes) {
        Topology t = randomGraph(new Random(seed), nodes, Routing.LEAST_TIME);
        Router router = new Router(t);
        for (double x : SIZES) {
            for (int a = 0; a < nodes; a++) {
                for (int b = 0; b < nodes; b++) {
                    double expected = bruteForce(t, a, b, x);
                    Route got = router.route(a, b, x);
                    if (expected == Double.POSITIVE_INFINITY) {
                        assertNull(got, a + "->" + b);
                        continue;
                    }
                    assertNotNull(got, a + "->" + b + " is reachable");
                    assertEquals(expected, got.seconds(), 1e-9 * Math.max(1, expected), a + "->" + b + " " + x + " B");
                    assertValidPath(t, got.links(), a, b);
                    assertEquals(time(t, got.links(), x), got.seconds(), 1e-12 * Math.max(1, expected),
                            "the route's seconds are its links' time");
                }
            }
        }
    }

    @Property(tries = 200)
    void directRoutingUsesOnlyTheFastestDirectLink(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int nodes) {
        Topology t = randomGraph(new Random(seed), nodes, Routing.DIRECT);
        Router router = new Router(t);
        for (double x : SIZES) {
            for (int a = 0; a < nodes; a++) {
                for (int b = 0; b < nodes; b++) {
                    if (a == b) {
                        continue;
                    }
                    double expected = Double.POSITIVE_INFINITY;
                    for (int l = 0; l < t.links().size(); l++) {
                        if (usable(t, l, a) == b) {
                            expected = Math.min(expected, time(t, new int[] {l}, x));
                        }
                    }
                    Route got = router.route(a, b, x);
                    if (expected == Double.POSITIVE_INFINITY) {
                        assertNull(got, "no direct link " + a + "->" + b + ": no route, even where a relay exists");
                    } else {
                        assertEquals(1, got.links().length);
                        assertEquals(expected, got.seconds(), 1e-12 * Math.max(1, expected));
                    }
                    assertEquals(got != null, t.reachableFrom(a)[b], "the topology agrees on which pairs connect");
                }
            }
        }
    }

    @Test
    void aFourHundredNodeChainRoutesEveryPairFromTheSource() {
        Random r = new Random(4);
        Topology t = chain(r, 400);
        Router router = new Router(t);
        Route end = router.route(0, 399, 1e6);
        assertEquals(399, end.links().length);
        assertEquals(time(t, end.links(), 1e6), end.seconds(), 1e-9);
    }

    /** A chain of n nodes with random bandwidths and latencies (the shape issue 18 timed out on). */
    static Topology chain(Random r, int n) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node("n" + i, i == 0 ? 0 : 1, "x", 1e9));
            if (i > 0) {
                links.add(new Link("n" + (i - 1), "n" + i, 1e6 * (1 + r.nextInt(1000)), 1e-3 * r.nextDouble()));
            }
        }
        return new Topology(nodes, links, "n0", null, null);
    }

    static Topology randomGraph(Random r, int n, Routing routing) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node("n" + i, i == 0 ? 0 : 1, "x", 1e9));
        }
        double[] palette = {1e6, 1e7, 1e8, 5e8, 1e9};
        List<Link> links = new ArrayList<>();
        int count = r.nextInt(n * (n - 1) + 2);
        for (int k = 0; k < count; k++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a == b) {
                continue;
            }
            double bw = r.nextBoolean() ? palette[r.nextInt(palette.length)] : 1e6 * Math.exp(r.nextDouble() * 7);
            double lat = r.nextInt(4) == 0 ? 0 : 0.05 * r.nextDouble();
            links.add(new Link("l" + k, "n" + a, "n" + b, bw, lat, null, r.nextInt(4) == 0));
        }
        double mtu = r.nextBoolean() ? 1500 : 500 + r.nextInt(9000);
        return new Topology(nodes, links, "n0", null, mtu, routing);
    }

    /** The least time over every simple path, by depth-first search. */
    static double bruteForce(Topology t, int from, int to, double bytes) {
        if (from == to) {
            return 0;
        }
        double[] best = {Double.POSITIVE_INFINITY};
        Set<Integer> seen = new HashSet<>(List.of(from));
        dfs(t, from, to, bytes, new ArrayList<>(), seen, best);
        return best[0];
    }

    private static void dfs(Topology t, int at, int to, double bytes, List<Integer> path, Set<Integer> seen, double[] best) {
        if (at == to) {
            best[0] = Math.min(best[0], time(t, path.stream().mapToInt(Integer::intValue).toArray(), bytes));
            return;
        }
        for (int l = 0; l < t.links().size(); l++) {
            int next = usable(t, l, at);
            if (next >= 0 && seen.add(next)) {
                path.add(l);
                dfs(t, next, to, bytes, path, seen, best);
                path.remove(path.size() - 1);
                seen.remove(next);
            }
        }
    }

    /** Where link l leads from node at, or -1 when it cannot be taken from there. */
    private static int usable(Topology t, int l, int at) {
        Link link = t.links().get(l);
        int a = t.nodeIndex(link.from());
        int b = t.nodeIndex(link.to());
        return a == at ? b : (b == at && !link.oneWay() ? a : -1);
    }

    /** Section 2: sum of latencies + (F - 1) 8 MTU / slowest + sum 8 min(x, MTU) / bandwidth. */
    static double time(Topology t, int[] path, double bytes) {
        double mtu = t.mtuBytes();
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        double sum = 0;
        double slowest = Double.POSITIVE_INFINITY;
        for (int l : path) {
            Link link = t.links().get(l);
            sum += link.latencySeconds() + 8 * Math.min(bytes, mtu) / link.bandwidthBps();
            slowest = Math.min(slowest, link.bandwidthBps());
        }
        return sum + (packets - 1) * 8 * mtu / slowest;
    }

    private static void assertValidPath(Topology t, int[] path, int from, int to) {
        int at = from;
        Set<Integer> seen = new HashSet<>(List.of(from));
        for (int l : path) {
            at = usable(t, l, at);
            assertTrue(at >= 0 && seen.add(at), "a simple path along usable links");
        }
        assertEquals(to, at);
    }
}
