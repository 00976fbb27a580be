package org.splitscope.optimize;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

/**
 * Transfer time and egress price between two nodes, on the route the evaluator takes: it asks the
 * evaluator's own {@link Router}, so the optimizer's sums and the evaluator's figures name the
 * same least-time path.
 */
final class RouteTable {
    /** A route's time and the summed egress price of its links (USD per GB). */
    record Leg(double seconds, double usdPerGB) {
    }

    private final Router router;
    private final Link[] links;

    RouteTable(Topology topology) {
        router = new Router(topology);
        links = topology.links().toArray(new Link[0]);
    }

    /** The leg from one node to another for a transfer of the given size, or null when there is no route. */
    Leg leg(int from, int to, double bytes) {
        Route route = router.route(from, to, bytes);
        if (route == null) {
            return null;
        }
        double price = 0;
        for (int l : route.links()) {
            price += links[l].usdPerGB();
        }
        return new Leg(route.seconds(), price);
    }

    /** Seconds each link of the route is busy with the transfer (8 bytes / bandwidth), or null when there is no route. */
    double[] linkBusy(int from, int to, double bytes) {
        Route route = router.route(from, to, bytes);
        if (route == null) {
            return null;
        }
        double[] busy = new double[route.links().length];
        for (int h = 0; h < busy.length; h++) {
            busy[h] = 8 * bytes / links[route.links()[h]].bandwidthBps();
        }
        return busy;
    }
}
