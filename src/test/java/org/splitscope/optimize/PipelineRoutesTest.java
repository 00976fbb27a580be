package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Topology;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

class PipelineRoutesTest {
    @Test
    void picksTheRoutersRouteForEveryPairAndSize() {
        double[] sizes = {1, 200, 499, 500, 501, 1499, 1500, 1501, 4e4, 3e6};
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            Topology t = RandomClusters.cluster(r, 2 + r.nextInt(9), r.nextInt(3) == 0, 0);
            Router router = new Router(t);
            PipelineRoutes routes = new PipelineRoutes(t);
            for (int a = 0; a < t.nodes().size(); a++) {
                for (int b = 0; b < t.nodes().size(); b++) {
                    for (double x : sizes) {
                        Route expected = router.route(a, b, x);
                        int[] got = routes.route(a, b, x);
                        if (expected == null) {
                            assertNull(got, "seed " + seed);
                        } else {
                            assertArrayEquals(expected.links(), got, "seed " + seed + " " + a + "->" + b + " " + x + " B");
                        }
                    }
                }
            }
        }
    }
}
