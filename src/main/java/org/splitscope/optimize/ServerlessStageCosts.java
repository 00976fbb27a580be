package org.splitscope.optimize;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.splitscope.model.Codec;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;
import org.splitscope.perf.Tolerance;

/**
 * Expected latency and cost of every possible function of a serverless slicing: units a..b at
 * memory size m, entered with codec ci and left with codec co, for one fixed exit configuration
 * (so every unit is reached by a fixed share of requests and a plan's figures are sums over its
 * functions, as in {@link ConfigCosts}). A function's terms hold its decode, deserialization,
 * units, heads, serialization and encode, each outcome's billed duration (rounded, cold start
 * mixed in), its cold start, the results that leave from it, the trip of its outgoing cut, and
 * for the first function the input's serialization, encoding and trip. Under an arrival rate
 * they also hold the M/D/1 waits of the function and of the links its transfers use, which is
 * exact when no link carries transfers of two functions (each function has its own links).
 * Compute and (de)serialization times come from {@link ChainCosts}, routes from the evaluator's
 * {@link Router}. O(N^2 M C^2 (E + H)) for N units, M sizes, C codec choices, E exits, H hops.
 */
final class ServerlessStageCosts {
    private static final double BYTES_PER_MB = 1e6;

    final int last;
    final int sizes;
    final int codecs;
    final double[] reach; // [u]: share of requests that run unit u
    private final double[] lat; // [pair(a, b)][(m * C + ci) * C + co], +inf when not allowed
    private final double[] cost;
    private final int[] pairBase; // [a]: index of pair (a, a)

    ServerlessStageCosts(ModelProfile profile, ExitConfiguration cfg, double[] probability, ServerlessTopology functions,
                         List<Integer> memoryMB, List<Codec> choices, double arrivalRate, boolean memoryMustFit,
                         boolean saturationFails) {
        last = cfg.lastUnit(profile);
        sizes = memoryMB.size();
        codecs = choices.size();
        Topology sized = functions.sizes(memoryMB);
        ChainCosts cc = new ChainCosts(profile, sized);
        double[] probAt = new double[last + 2];
        int[] headRuns = new int[last + 2];
        Arrays.fill(headRuns, -1);
        for (int i = 0; i < cfg.enabled().length; i++) {
            int u = profile.exits().get(cfg.enabled()[i]).afterUnit();
            probAt[u] = probability[i];
            headRuns[u] = cfg.enabled()[i];
        }
        probAt[last] = probability[cfg.enabled().length];
        if (cfg.terminal() >= 0) {
            headRuns[last] = cfg.terminal();
        }
        reach = new double[last + 2];
        for (int u = last; u >= 1; u--) {
            reach[u] = reach[u + 1] + probAt[u];
        }
        int[] node = new int[sizes];
        double[][] headPrefix = new double[sizes][last + 1];
        for (int m = 0; m < sizes; m++) {
            node[m] = sized.nodeIndex(functions.sizeId(memoryMB.get(m)));
            for (int u = 1; u <= last; u++) {
                headPrefix[m][u] = headPrefix[m][u - 1] + (headRuns[u] >= 0 ? cc.headSeconds[node[m]][headRuns[u]] : 0);
            }
        }
        Transfers t = new Transfers(profile, functions, choices, last);
        pairBase = new int[last + 2];
        int pairs = 0;
        for (int a = 1; a <= last; a++) {
            pairBase[a] = pairs;
            pairs += last - a + 1;
        }
        int per = sizes * codecs * codecs;
        lat = new double[pairs * per];
        cost = new double[pairs * per];
        Arrays.fill(lat, Double.POSITIVE_INFINITY);
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Waits waits = new Waits(arrivalRate, t.linkBandwidth, saturationFails);
        int source = sized.nodeIndex(sized.source());
        int sourceConcurrency = sized.nodes().get(source).concurrency();
        for (int a = 1; a <= last; a++) {
            double params = 0;
            double working = 0;
            for (int b = a; b <= last; b++) {
                params += cc.unitParams[b];
                working = Math.max(working, cc.unitWorking[b]);
                if (headRuns[b] >= 0) {
                    ExitHead head = profile.exits().get(headRuns[b]);
                    params += head.paramBytes();
                    working = Math.max(working, head.workingBytes());
                }
                for (int m = 0; m < sizes; m++) {
                    int n = node[m];
                    ServerlessPricing s = cc.serverless[n];
                    if (memoryMustFit && params + working > s.memoryGB() * 1e9) {
                        continue;
                    }
                    for (int ci = 0; ci < codecs; ci++) {
                        for (int co = 0; co < (b < last ? codecs : 1); co++) {
                            Codec in = choices.get(ci);
                            Codec out = choices.get(co);
                            double enter = wireSeconds(profile.deserialize(), sized, n, a - 1, cc.cutBytes[a - 1], in)
                                    + codecSeconds(in, false, cc.cutBytes[a - 1]);
                            double l = reach[a] * s.coldStartProbability() * s.coldStartSeconds();
                            double c = 0;
                            double busy = 0;
                            for (int u = a; u <= b; u++) {
                                if (probAt[u] > 0) {
                                    double w = enter + cc.compute(n, a, u, headPrefix[m], headRuns);
                                    l += probAt[u] * (w + t.result.seconds());
                                    c += probAt[u] * (bill(s, w) + t.resultUsd);
                                    busy += probAt[u] * w;
                                    waits.route(t.result, probAt[u] * 8 * profile.resultBytes());
                                }
                            }
                            if (b < last && t.cut[b][co] == null) {
                                waits.total();
                                continue; // no route between two functions: only one function
                            }
                            if (b < last) {
                                double w = enter + cc.compute(n, a, b, headPrefix[m], headRuns)
                                        + wireSeconds(profile.serialize(), sized, n, b, cc.cutBytes[b], out)
                                        + codecSeconds(out, true, cc.cutBytes[b]);
                                double p = reach[b + 1];
                                l += p * (w + t.cut[b][co].seconds());
                                c += p * (bill(s, w) + t.cutUsd[b][co]);
                                busy += p * w;
                                waits.route(t.cut[b][co], p * 8 * t.wire(cc.cutBytes[b], out));
                            }
                            waits.node(busy, sized.nodes().get(n).concurrency());
                            if (a == 1) {
                                double send = wireSeconds(profile.serialize(), sized, source, 0, cc.cutBytes[0], in)
                                        + codecSeconds(in, true, cc.cutBytes[0]);
                                l += send + t.input[ci].seconds();
                                c += cc.usdPerBusySecond[source] * send + t.inputUsd[ci];
                                waits.node(send, sourceConcurrency);
                                waits.route(t.input[ci], 8 * t.wire(cc.cutBytes[0], in));
                            }
                            double wait = waits.total();
                            int at = (pairBase[a] + b - a) * per + (m * codecs + ci) * codecs + co;
                            lat[at] = Double.isNaN(wait) ? Double.POSITIVE_INFINITY : l + wait;
                            cost[at] = Double.isNaN(wait) ? Double.POSITIVE_INFINITY : c;
                        }
                    }
                }
            }
        }
    }

    /** (De)serialization of a cut on node n, charged on the bytes that go on the wire (compressed under a codec). */
    private static double wireSeconds(Map<String, SerializationCost> table, Topology sized, int n, int cut, double bytes,
                                      Codec codec) {
        SerializationCost cost = table.get(sized.nodes().get(n).deviceClass());
        return cost == null ? 0 : cost.seconds(cut, codec == null ? bytes : bytes / codec.ratio());
    }

    private static double codecSeconds(Codec codec, boolean encode, double bytes) {
        if (codec == null) {
            return 0;
        }
        return (encode ? codec.encodeSecondsPerMB() : codec.decodeSecondsPerMB()) * bytes / BYTES_PER_MB;
    }

    /** USD of one invocation doing w seconds of work, cold start mixed in, as the evaluator bills it. */
    private static double bill(ServerlessPricing s, double w) {
        double q = s.coldStartProbability();
        double seconds = (1 - q) * s.billed(w) + q * s.billed(w + s.coldStartSeconds());
        return s.usdPerRequest() + s.memoryGB() * seconds * s.usdPerGBSecond();
    }

    private int at(int a, int b, int m, int ci, int co) {
        return (pairBase[a] + b - a) * sizes * codecs * codecs + (m * codecs + ci) * codecs + co;
    }

    /** Expected seconds (waits included) of the function a..b at size m with codecs ci in, co out; +inf when it cannot be. */
    double latency(int a, int b, int m, int ci, int co) {
        return lat[at(a, b, m, ci, co)];
    }

    /** Expected USD per request of that function; +inf when it cannot be. */
    double cost(int a, int b, int m, int ci, int co) {
        return cost[at(a, b, m, ci, co)];
    }

    /** Routes between two functions and to and from the kept nodes, with their egress per transfer. */
    private static final class Transfers {
        final Route result;
        final double resultUsd;
        final Route[] input; // [codec]
        final double[] inputUsd;
        final Route[][] cut; // [cut][codec]
        final double[][] cutUsd;
        final double[] linkBandwidth;
        private final double[] linkPrice;

        Transfers(ModelProfile profile, ServerlessTopology functions, List<Codec> choices, int last) {
            Topology pair = functions.chain(new int[] {1769, 1769}, new int[] {1, 1}, new int[] {1, 1});
            Router router = new Router(pair);
            List<Link> links = pair.links();
            linkBandwidth = links.stream().mapToDouble(Link::bandwidthBps).toArray();
            linkPrice = links.stream().mapToDouble(Link::usdPerGB).toArray();
            int from = pair.nodeIndex(functions.functionId(1));
            int to = pair.nodeIndex(functions.functionId(2));
            result = router.route(from, pair.nodeIndex(pair.sink()), profile.resultBytes());
            resultUsd = usd(result, profile.resultBytes());
            int c = choices.size();
            input = new Route[c];
            inputUsd = new double[c];
            cut = new Route[last][c];
            cutUsd = new double[last][c];
            for (int k = 0; k < c; k++) {
                double x = wire(profile.inputBytes(), choices.get(k));
                input[k] = router.route(pair.nodeIndex(pair.source()), from, x);
                inputUsd[k] = usd(input[k], x);
                for (int b = 1; b < last; b++) {
                    double y = wire(profile.unit(b).cutBytes(), choices.get(k));
                    cut[b][k] = router.route(from, to, y);
                    cutUsd[b][k] = usd(cut[b][k], y);
                }
            }
        }

        double wire(double bytes, Codec codec) {
            return codec == null ? bytes : bytes / codec.ratio();
        }

        private double usd(Route route, double bytes) {
            if (route == null) {
                return Double.NaN;
            }
            double price = 0;
            for (int l : route.links()) {
                price += linkPrice[l];
            }
            return price * bytes / 1e9;
        }
    }

    /**
     * The M/D/1 waits one function adds to the mean (section 5): a resource busy B seconds per
     * request adds lambda B^2 / (2 c (1 - rho)), rho = lambda B / c. NaN when one saturates.
     */
    private static final class Waits {
        private final double lambda;
        private final double[] bandwidth;
        private final double[] linkBusy;
        private final int[] touched;
        private final boolean saturationFails;
        private int count;
        private double nodes;
        private boolean saturated;

        Waits(double lambda, double[] bandwidth, boolean saturationFails) {
            this.lambda = lambda;
            this.bandwidth = bandwidth;
            this.saturationFails = saturationFails;
            linkBusy = new double[bandwidth.length];
            touched = new int[bandwidth.length];
        }

        void route(Route r, double bits) {
            for (int l : r.links()) {
                if (linkBusy[l] == 0) {
                    touched[count++] = l;
                }
                linkBusy[l] += bits / bandwidth[l];
            }
        }

        void node(double busy, int concurrency) {
            nodes += term(busy, concurrency);
        }

        private double term(double busy, int concurrency) {
            if (busy <= 0) {
                return 0;
            }
            double rho = lambda * busy / concurrency;
            if (!Tolerance.less(rho, 1)) {
                saturated = true;
                return 0;
            }
            return lambda * busy * busy / (2 * concurrency * (1 - rho));
        }

        /** The waits gathered since the last call (NaN when a resource saturates and that is not allowed), then reset. */
        double total() {
            double sum = nodes;
            for (int i = 0; i < count; i++) {
                sum += term(linkBusy[touched[i]], 1);
                linkBusy[touched[i]] = 0;
            }
            boolean failed = saturated && saturationFails;
            count = 0;
            nodes = 0;
            saturated = false;
            return failed ? Double.NaN : sum;
        }
    }
}
