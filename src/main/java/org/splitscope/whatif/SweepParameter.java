package org.splitscope.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Workload;

/**
 * One number of a scenario that a what-if varies, named as on the command line:
 * {@code link:ID.bandwidth} (bit/s), {@code link:ID.latency} (s), {@code node:ID.compute} (FLOP/s),
 * {@code node:ID.price} (USD per hour, or per GB-second for serverless), {@code workload.rate}
 * (requests/s) or {@code workload.accuracyFloor}.
 */
public record SweepParameter(Kind kind, String id) {
    public enum Kind { LINK_BANDWIDTH, LINK_LATENCY, NODE_COMPUTE, NODE_PRICE, ARRIVAL_RATE, ACCURACY_FLOOR }

    public static final String SYNTAX = "link:ID.bandwidth, link:ID.latency, node:ID.compute, node:ID.price, "
            + "workload.rate or workload.accuracyFloor";

    /** @throws IllegalArgumentException with a message that names the accepted forms */
    public static SweepParameter parse(String text) {
        String t = text.trim();
        if (t.equals("workload.rate")) {
            return new SweepParameter(Kind.ARRIVAL_RATE, null);
        }
        if (t.equals("workload.accuracyFloor")) {
            return new SweepParameter(Kind.ACCURACY_FLOOR, null);
        }
        int colon = t.indexOf(':');
        int dot = t.lastIndexOf('.');
        if (colon > 0 && dot > colon + 1) {
            String target = t.substring(0, colon);
            String id = t.substring(colon + 1, dot);
            String property = t.substring(dot + 1).toLowerCase(Locale.ROOT);
            Kind kind = switch (target + "." + property) {
                case "link.bandwidth" -> Kind.LINK_BANDWIDTH;
                case "link.latency" -> Kind.LINK_LATENCY;
                case "node.compute" -> Kind.NODE_COMPUTE;
                case "node.price" -> Kind.NODE_PRICE;
                default -> null;
            };
            if (kind != null) {
                return new SweepParameter(kind, id);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a sweep parameter; use " + SYNTAX);
    }

    /** Problems with applying this parameter to the scenario (an unknown link or node). */
    public List<String> check(Scenario s) {
        List<String> problems = new ArrayList<>();
        boolean isLink = kind == Kind.LINK_BANDWIDTH || kind == Kind.LINK_LATENCY;
        boolean isNode = kind == Kind.NODE_COMPUTE || kind == Kind.NODE_PRICE;
        if (isLink && s.topology().links().stream().noneMatch(l -> l.id().equals(id))) {
            problems.add("no link with id '" + id + "'; links: "
                    + s.topology().links().stream().map(Link::id).toList());
        }
        if (isNode && s.topology().node(id) == null) {
            problems.add("no node with id '" + id + "'; nodes: " + s.topology().nodes().stream().map(Node::id).toList());
        }
        if (kind == Kind.NODE_PRICE && s.topology().node(id) != null && s.topology().node(id).pricing() == null) {
            problems.add("node '" + id + "' has no pricing to vary");
        }
        return problems;
    }

    /** The scenario with this parameter set to the value. */
    public Scenario apply(Scenario s, double value) {
        Workload w = s.workload();
        return switch (kind) {
            case ARRIVAL_RATE -> s.withWorkload(w.withArrivalRate(value));
            case ACCURACY_FLOOR -> s.withWorkload(new Workload(w.arrivalRatePerSecond(), w.latencySloSeconds(), value,
                    w.budgetUsdPerRequest()));
            case LINK_BANDWIDTH, LINK_LATENCY -> s.withTopology(s.topology().withLinks(s.topology().links().stream()
                    .map(l -> !l.id().equals(id) ? l
                            : kind == Kind.LINK_BANDWIDTH ? l.withBandwidthBps(value) : l.withLatencySeconds(value))
                    .toList()));
            case NODE_COMPUTE, NODE_PRICE -> s.withTopology(s.topology().withNodes(s.topology().nodes().stream()
                    .map(n -> !n.id().equals(id) ? n
                            : kind == Kind.NODE_COMPUTE ? n.withFlopsPerSecond(value) : withPrice(n, value))
                    .toList()));
        };
    }

    /** The parameter's value in the scenario as it is. */
    public double current(Scenario s) {
        return switch (kind) {
            case ARRIVAL_RATE -> s.workload().arrivalRatePerSecond();
            case ACCURACY_FLOOR -> s.workload().accuracyFloor() == null ? 0 : s.workload().accuracyFloor();
            case LINK_BANDWIDTH -> link(s).bandwidthBps();
            case LINK_LATENCY -> link(s).latencySeconds();
            case NODE_COMPUTE -> s.topology().node(id).flopsPerSecond();
            case NODE_PRICE -> s.topology().node(id).pricing() instanceof ServerlessPricing sp
                    ? sp.usdPerGBSecond() : ((DedicatedPricing) s.topology().node(id).pricing()).usdPerHour();
        };
    }

    private Link link(Scenario s) {
        return s.topology().links().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Node withPrice(Node n, double value) {
        if (n.pricing() instanceof ServerlessPricing sp) {
            return n.withPricing(new ServerlessPricing(value, sp.usdPerRequest(), sp.memoryGB(),
                    sp.billingGranularitySeconds(), sp.coldStartSeconds(), sp.coldStartProbability()));
        }
        return n.withPricing(new DedicatedPricing(value));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ARRIVAL_RATE -> "workload.rate";
            case ACCURACY_FLOOR -> "workload.accuracyFloor";
            case LINK_BANDWIDTH -> "link:" + id + ".bandwidth";
            case LINK_LATENCY -> "link:" + id + ".latency";
            case NODE_COMPUTE -> "node:" + id + ".compute";
            case NODE_PRICE -> "node:" + id + ".price";
        };
    }
}
