package org.splitscope.optimize;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

/**
 * The evaluator's routes as a placement search reads them: the links of each transfer, from the
 * evaluator's own {@link Router} (which sweeps one origin for every destination at once), so the
 * search's loads and the evaluator's figures name the same path, least-time or direct.
 */
final class PipelineRoutes {
    private final Link[] links;
    private final Router router;

    PipelineRoutes(Topology topology) {
        links = topology.links().toArray(new Link[0]);
        router = new Router(topology);
    }

    Link link(int l) {
        return links[l];
    }

    int linkCount() {
        return links.length;
    }

    /** The bandwidth of the slowest link on that route: +inf when from == to, 0 without a route. */
    double slowestLink(int from, int to, double bytes) {
        return router.slowestLink(from, to, bytes);
    }

    /** The router's route for x bytes: its links in travel order ({} when from == to), or null without one. */
    int[] route(int from, int to, double bytes) {
        Route r = router.route(from, to, bytes);
        return r == null ? null : r.links();
    }
}
