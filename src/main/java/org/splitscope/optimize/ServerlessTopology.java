package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;

/**
 * The topology of a serverless slicing: the given topology without its serverless nodes (the
 * source and sink stay whatever they are), plus one function per stage cloned from the template
 * at the stage's memory size. Each function gets a copy of every template link to a kept node,
 * and consecutive functions are joined by a copy of the template's first link to another
 * serverless node (oriented from the earlier function to the later one), if it has one;
 * otherwise cuts travel over the kept nodes. All functions have the same links, so a transfer's
 * route does not depend on which functions or memory sizes it joins.
 */
final class ServerlessTopology {
    private final Topology original;
    private final Node template;
    private final List<Node> kept = new ArrayList<>();
    private final List<Link> keptLinks = new ArrayList<>();
    private final List<Link> outerLinks = new ArrayList<>();
    private final Link peerLink;
    private final String prefix;

    ServerlessTopology(Topology original, Node template) {
        this.original = original;
        this.template = template;
        for (Node n : original.nodes()) {
            if (keeps(n)) {
                kept.add(n);
            }
        }
        Link peer = null;
        for (Link l : original.links()) {
            boolean fromKept = keeps(original.node(l.from()));
            boolean toKept = keeps(original.node(l.to()));
            if (fromKept && toKept) {
                keptLinks.add(l);
            } else if (l.from().equals(template.id()) || l.to().equals(template.id())) {
                String other = l.from().equals(template.id()) ? l.to() : l.from();
                if (keeps(original.node(other))) {
                    outerLinks.add(l);
                } else if (peer == null) {
                    peer = l;
                }
            }
        }
        peerLink = peer;
        String p = "fn";
        while (clashes(p)) {
            p += "_";
        }
        prefix = p;
    }

    private boolean keeps(Node n) {
        return !n.isServerless() || n.id().equals(original.source()) || n.id().equals(original.sink());
    }

    private boolean clashes(String p) {
        for (Node n : kept) {
            if (n.id().startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    Node template() {
        return template;
    }

    /** Id of the k-th function (1-based). */
    String functionId(int k) {
        return prefix + k;
    }

    /** The template at a memory size: pricing memory and so speed and capacity follow it. */
    Node function(String id, String name, int memoryMB) {
        ServerlessPricing s = (ServerlessPricing) template.pricing();
        ServerlessPricing sized = new ServerlessPricing(s.usdPerGBSecond(), s.usdPerRequest(), memoryMB / 1000.0,
                s.billingGranularitySeconds(), s.coldStartSeconds(), s.coldStartProbability());
        return new Node(id, name, template.tier(), template.deviceClass(), template.flopsPerSecond(), null,
                template.concurrency(), sized, template.watts());
    }

    /** The topology of a chain of functions, the k-th at memoryMB[k] running units first[k]..last[k]. */
    Topology chain(int[] memoryMB, int[] first, int[] last) {
        List<Node> nodes = new ArrayList<>(kept);
        List<Link> links = new ArrayList<>(keptLinks);
        for (int k = 0; k < memoryMB.length; k++) {
            String id = functionId(k + 1);
            nodes.add(function(id, template.name() + " at " + memoryMB[k] + " MB (units " + first[k] + "-" + last[k] + ")",
                    memoryMB[k]));
            for (Link l : outerLinks) {
                boolean out = l.from().equals(template.id());
                links.add(new Link(null, out ? id : l.from(), out ? l.to() : id, l.bandwidthBps(), l.latencySeconds(),
                        l.usdPerGB(), l.oneWay()));
            }
            if (k > 0 && peerLink != null) {
                links.add(new Link(null, functionId(k), id, peerLink.bandwidthBps(), peerLink.latencySeconds(),
                        peerLink.usdPerGB(), peerLink.oneWay()));
            }
        }
        return new Topology(nodes, links, original.source(), original.sink(), original.mtuBytes(), original.routing());
    }

    /**
     * The source, the sink and one unlinked function per memory size (ids {@link #sizeId}): what
     * {@link ChainCosts} needs for compute and (de)serialization times per size.
     */
    Topology sizes(List<Integer> memoryMB) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(original.node(original.source()));
        if (!original.sink().equals(original.source())) {
            nodes.add(original.node(original.sink()));
        }
        for (int mb : memoryMB) {
            nodes.add(function(sizeId(mb), template.name() + " at " + mb + " MB", mb));
        }
        return new Topology(nodes, List.of(), original.source(), original.sink(), original.mtuBytes(), original.routing());
    }

    String sizeId(int memoryMB) {
        return prefix + "@" + memoryMB;
    }
}
