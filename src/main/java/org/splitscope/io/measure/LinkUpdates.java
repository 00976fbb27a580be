package org.splitscope.io.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.io.Loaded;
import org.splitscope.model.Link;
import org.splitscope.model.Problem;
import org.splitscope.model.Topology;

/**
 * Puts measured paths into a topology: a path between two nodes that a link joins updates that
 * link's bandwidth and latency (a one-way link only in its own direction); any other path adds a
 * link. Every change is reported; a bidirectional link measured twice is refused, since it has one
 * figure for both directions and choosing one would be a guess.
 */
public final class LinkUpdates {
    /** The new topology and one line per link changed or added. */
    public record Updated(Topology topology, List<String> changes) {
    }

    private LinkUpdates() {
    }

    public static Loaded<Updated> apply(Topology topology, List<LinkMeasurement> measured) {
        List<Problem> problems = new ArrayList<>();
        List<Link> links = new ArrayList<>(topology.links());
        List<String> changes = new ArrayList<>();
        Map<Integer, String> measuredAt = new HashMap<>();
        for (LinkMeasurement m : measured) {
            int before = problems.size();
            for (String id : List.of(m.from(), m.to())) {
                if (topology.nodeIndex(id) < 0) {
                    problems.add(new Problem(m.where(), "no node '" + id + "' in the topology (its nodes: "
                            + String.join(", ", topology.nodes().stream().map(n -> n.id()).toList()) + ")"));
                }
            }
            if (m.from().equals(m.to())) {
                problems.add(new Problem(m.where(), "a path joins two different nodes"));
            }
            if (problems.size() > before) {
                continue;
            }
            int at = find(links, m.from(), m.to());
            if (at >= 0 && measuredAt.containsKey(at)) {
                problems.add(new Problem(m.where(), "link " + links.get(at).id() + " was measured already (" + measuredAt.get(at)
                        + "); it carries one figure for both directions: keep one row, or make the links one-way"));
                continue;
            }
            if (at >= 0) {
                Link old = links.get(at);
                double latency = m.latencySeconds() == null ? old.latencySeconds() : m.latencySeconds();
                links.set(at, old.withBandwidthBps(m.bandwidthBps()).withLatencySeconds(latency));
                changes.add(String.format(Locale.ROOT, "updated link %s: %.4g -> %.4g Mb/s, %.4g -> %.4g ms one-way",
                        old.id(), old.bandwidthBps() / 1e6, m.bandwidthBps() / 1e6, old.latencySeconds() * 1e3, latency * 1e3));
            } else {
                if (m.latencySeconds() == null) {
                    problems.add(new Problem(m.where(), "there is no link " + m.from() + "-" + m.to()
                            + " to take the latency from, and the measurement has no round-trip time; give one"));
                    continue;
                }
                links.add(new Link(m.from(), m.to(), m.bandwidthBps(), m.latencySeconds()));
                at = links.size() - 1;
                changes.add(String.format(Locale.ROOT, "added link %s: %.4g Mb/s, %.4g ms one-way", links.get(at).id(),
                        m.bandwidthBps() / 1e6, m.latencySeconds() * 1e3));
            }
            measuredAt.put(at, m.where());
        }
        if (!problems.isEmpty()) {
            return Loaded.failed(problems, List.of());
        }
        return Loaded.ok(new Updated(topology.withLinks(links), changes), List.of());
    }

    private static int find(List<Link> links, String from, String to) {
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            if (l.from().equals(from) && l.to().equals(to) || !l.oneWay() && l.from().equals(to) && l.to().equals(from)) {
                return i;
            }
        }
        return -1;
    }
}
