package org.splitscope.ui.model;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Pricing;

/** Copies of nodes and links with one field changed (the model records have only a few withers). */
final class Fields {
    private Fields() {
    }

    static Node name(Node n, String v) {
        return new Node(n.id(), v, n.tier(), n.deviceClass(), n.flopsPerSecond(), n.memoryBytes(), n.concurrency(),
                n.pricing(), n.watts());
    }

    static Node tier(Node n, int v) {
        return new Node(n.id(), n.name(), v, n.deviceClass(), n.flopsPerSecond(), n.memoryBytes(), n.concurrency(),
                n.pricing(), n.watts());
    }

    static Node deviceClass(Node n, String v) {
        return new Node(n.id(), n.name(), n.tier(), v, n.flopsPerSecond(), n.memoryBytes(), n.concurrency(),
                n.pricing(), n.watts());
    }

    static Node memory(Node n, Double v) {
        return new Node(n.id(), n.name(), n.tier(), n.deviceClass(), n.flopsPerSecond(), v, n.concurrency(),
                n.pricing(), n.watts());
    }

    static Node concurrency(Node n, int v) {
        return new Node(n.id(), n.name(), n.tier(), n.deviceClass(), n.flopsPerSecond(), n.memoryBytes(), v,
                n.pricing(), n.watts());
    }

    static Node pricing(Node n, Pricing v) {
        return n.withPricing(v);
    }

    static Node watts(Node n, Double v) {
        return new Node(n.id(), n.name(), n.tier(), n.deviceClass(), n.flopsPerSecond(), n.memoryBytes(), n.concurrency(),
                n.pricing(), v);
    }

    static Link egress(Link l, double usdPerGB) {
        return new Link(l.id(), l.from(), l.to(), l.bandwidthBps(), l.latencySeconds(), usdPerGB, l.oneWay());
    }

    static Link oneWay(Link l, boolean v) {
        return new Link(l.id(), l.from(), l.to(), l.bandwidthBps(), l.latencySeconds(), l.usdPerGB(), v);
    }
}
