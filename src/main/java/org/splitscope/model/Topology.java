package org.splitscope.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nodes, the links between them, where requests start ({@code source}) and where results go
 * ({@code sink}, default the source).
 */
public record Topology(List<Node> nodes,
                       @OptionalField List<Link> links,
                       String source,
                       @OptionalField String sink,
                       @OptionalField Double mtuBytes,
                       @OptionalField Routing routing) {
    public static final double DEFAULT_MTU_BYTES = 1500;

    public Topology {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        links = links == null ? List.of() : List.copyOf(links);
        sink = sink == null ? source : sink;
        mtuBytes = mtuBytes == null ? DEFAULT_MTU_BYTES : mtuBytes;
        routing = routing == null ? Routing.LEAST_TIME : routing;
    }

    /** Least-time routes. */
    public Topology(List<Node> nodes, List<Link> links, String source, String sink, Double mtuBytes) {
        this(nodes, links, source, sink, mtuBytes, null);
    }

    public Node node(String id) {
        for (Node n : nodes) {
            if (java.util.Objects.equals(n.id(), id)) {
                return n;
            }
        }
        return null;
    }

    public int nodeIndex(String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (java.util.Objects.equals(nodes.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }

    public Topology withNodes(List<Node> newNodes) {
        return new Topology(newNodes, links, source, sink, mtuBytes, routing);
    }

    public Topology withLinks(List<Link> newLinks) {
        return new Topology(nodes, newLinks, source, sink, mtuBytes, routing);
    }

    public Topology withRouting(Routing newRouting) {
        return new Topology(nodes, links, source, sink, mtuBytes, newRouting);
    }

    /** Whether data can travel from one node to another over the links (respecting one-way links). */
    public boolean reachable(String from, String to) {
        if (from == null || to == null) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        if (routing == Routing.DIRECT) {
            return links.stream().anyMatch(l -> (l.from().equals(from) && l.to().equals(to))
                    || (!l.oneWay() && l.from().equals(to) && l.to().equals(from)));
        }
        Map<String, List<String>> next = new HashMap<>();
        for (Link l : links) {
            next.computeIfAbsent(l.from(), k -> new java.util.ArrayList<>()).add(l.to());
            if (!l.oneWay()) {
                next.computeIfAbsent(l.to(), k -> new java.util.ArrayList<>()).add(l.from());
            }
        }
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        seen.add(from);
        while (!queue.isEmpty()) {
            for (String n : next.getOrDefault(queue.poll(), List.of())) {
                if (n.equals(to)) {
                    return true;
                }
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return false;
    }

    /**
     * Per node (by index), whether data can travel there from the node with the given index: over
     * any route, or under direct routing over a direct link. O(V + E), for callers that need many pairs.
     */
    public boolean[] reachableFrom(int from) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<List<Integer>> next = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            next.add(new java.util.ArrayList<>());
        }
        for (Link l : links) {
            Integer a = index.get(l.from());
            Integer b = index.get(l.to());
            if (a != null && b != null) {
                next.get(a).add(b);
                if (!l.oneWay()) {
                    next.get(b).add(a);
                }
            }
        }
        boolean[] seen = new boolean[nodes.size()];
        seen[from] = true;
        if (routing == Routing.DIRECT) {
            next.get(from).forEach(b -> seen[b] = true);
            return seen;
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            for (int n : next.get(queue.poll())) {
                if (!seen[n]) {
                    seen[n] = true;
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    public List<Problem> validate(String path) {
        Problems p = new Problems();
        if (nodes.isEmpty()) {
            p.add(path + ".nodes", "the topology has no nodes");
        }
        if (!p.atMost(nodes.size(), SizeLimits.MAX_NODES, "nodes", path + ".nodes")
                | !p.atMost(links.size(), SizeLimits.MAX_LINKS, "links", path + ".links")) {
            return p.list(); // checking each of them would spend the time the limit saves
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            n.validate(path + ".nodes[" + i + "]", p);
            if (n.id() != null && !ids.add(n.id())) {
                p.add(path + ".nodes[" + i + "].id", "node id '" + n.id() + "' is used twice");
            }
        }
        Set<String> linkIds = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            String at = path + ".links[" + i + "]";
            l.validate(at, p);
            if (l.from() != null && !ids.contains(l.from())) {
                p.add(at + ".from", "no node with id '" + l.from() + "'");
            }
            if (l.to() != null && !ids.contains(l.to())) {
                p.add(at + ".to", "no node with id '" + l.to() + "'");
            }
            if (!linkIds.add(l.id())) {
                p.add(at + ".id", "link id '" + l.id() + "' is used twice");
            }
        }
        if (source == null || !ids.contains(source)) {
            p.add(path + ".source", "no node with id '" + source + "'");
        }
        if (sink == null || !ids.contains(sink)) {
            p.add(path + ".sink", "no node with id '" + sink + "'");
        }
        p.inRange(mtuBytes, Ranges.MTU_BYTES, path + ".mtuBytes");
        return p.list();
    }
}
