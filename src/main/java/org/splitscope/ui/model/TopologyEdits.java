package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;

/**
 * The topology changes the editor offers, as functions from one scenario to the next. They never
 * repair what an edit breaks elsewhere: a stage left on a deleted node stays there, so that the
 * problems list says so and the user decides.
 */
final class TopologyEdits {
    /** A new link's starting values: a fast LAN hop, to be edited. */
    static final double NEW_LINK_BPS = 100e6;
    static final double NEW_LINK_LATENCY_SECONDS = 0.010;

    private TopologyEdits() {
    }

    static Scenario addNode(Scenario s, Node node) {
        List<Node> nodes = new ArrayList<>(s.topology().nodes());
        nodes.add(node);
        return s.withTopology(s.topology().withNodes(nodes));
    }

    /** A link between two nodes, unless one already joins them (in either direction). */
    static Scenario addLink(Scenario s, String from, String to) {
        Topology t = s.topology();
        if (from.equals(to) || t.node(from) == null || t.node(to) == null || linkBetween(t, from, to) != null) {
            return s;
        }
        String id = uniqueLinkId(t, from + "-" + to);
        List<Link> links = new ArrayList<>(t.links());
        links.add(new Link(id, from, to, NEW_LINK_BPS, NEW_LINK_LATENCY_SECONDS, null, null));
        return s.withTopology(t.withLinks(links));
    }

    static Link linkBetween(Topology t, String a, String b) {
        for (Link l : t.links()) {
            if (l.from().equals(a) && l.to().equals(b) || l.from().equals(b) && l.to().equals(a)) {
                return l;
            }
        }
        return null;
    }

    private static String uniqueLinkId(Topology t, String base) {
        String id = base;
        for (int i = 2; linkIndex(t, id) >= 0; i++) {
            id = base + "-" + i;
        }
        return id;
    }

    static int linkIndex(Topology t, String id) {
        for (int i = 0; i < t.links().size(); i++) {
            if (t.links().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the node and every link that touches it. */
    static Scenario deleteNode(Scenario s, String id) {
        Topology t = s.topology();
        List<Node> nodes = new ArrayList<>(t.nodes());
        nodes.removeIf(n -> n.id().equals(id));
        List<Link> links = new ArrayList<>(t.links());
        links.removeIf(l -> l.from().equals(id) || l.to().equals(id));
        return s.withTopology(new Topology(nodes, links, t.source(), t.sink(), t.mtuBytes(), t.routing()));
    }

    static Scenario deleteLink(Scenario s, String id) {
        List<Link> links = new ArrayList<>(s.topology().links());
        links.removeIf(l -> l.id().equals(id));
        return s.withTopology(s.topology().withLinks(links));
    }

    static Scenario updateNode(Scenario s, String id, UnaryOperator<Node> change) {
        int i = s.topology().nodeIndex(id);
        if (i < 0) {
            return s;
        }
        List<Node> nodes = new ArrayList<>(s.topology().nodes());
        nodes.set(i, change.apply(nodes.get(i)));
        return s.withTopology(s.topology().withNodes(nodes));
    }

    static Scenario updateLink(Scenario s, String id, UnaryOperator<Link> change) {
        int i = linkIndex(s.topology(), id);
        if (i < 0) {
            return s;
        }
        List<Link> links = new ArrayList<>(s.topology().links());
        links.set(i, change.apply(links.get(i)));
        return s.withTopology(s.topology().withLinks(links));
    }

    static Scenario setEnds(Scenario s, String source, String sink) {
        Topology t = s.topology();
        return s.withTopology(new Topology(t.nodes(), t.links(), source, sink, t.mtuBytes(), t.routing()));
    }

    static Scenario setMtu(Scenario s, double bytes) {
        Topology t = s.topology();
        return s.withTopology(new Topology(t.nodes(), t.links(), t.source(), t.sink(), bytes, t.routing()));
    }

    /** The first id {@code prefix}, {@code prefix2}, ... that no node has. */
    static String unusedNodeId(Topology t, String prefix) {
        String id = prefix;
        for (int i = 2; t.node(id) != null; i++) {
            id = prefix + i;
        }
        return id;
    }
}
