package org.splitscope.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;

/**
 * Which topology element a problem is about, from its JSON path, so that the editor can show
 * the message on the element itself: {@code topology.nodes[2].x} is the third node,
 * {@code topology.links[0].x} the first link, {@code plan.stages[1].node} the node stage 2 runs on.
 */
final class ProblemPlaces {
    private static final Pattern INDEXED = Pattern.compile("^(topology\\.nodes|topology\\.links|plan\\.stages)\\[(\\d+)]");

    private ProblemPlaces() {
    }

    /** The first message about each element, in the problems' order. */
    static Map<Selection, String> messages(Scenario s, List<Problem> problems) {
        Map<Selection, String> byElement = new LinkedHashMap<>();
        for (Problem p : problems) {
            Selection at = place(s, p.path());
            if (at != null) {
                byElement.putIfAbsent(at, p.message());
            }
        }
        return byElement;
    }

    static Selection place(Scenario s, String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("topology.source") || path.equals("topology.sink")) {
            String id = path.endsWith("source") ? s.topology().source() : s.topology().sink();
            return s.topology().node(id) == null ? null : Selection.node(id);
        }
        Matcher m = INDEXED.matcher(path);
        if (!m.find()) {
            return null;
        }
        int i = Integer.parseInt(m.group(2));
        switch (m.group(1)) {
            case "topology.nodes":
                return i < s.topology().nodes().size() ? Selection.node(s.topology().nodes().get(i).id()) : null;
            case "topology.links":
                return i < s.topology().links().size() ? Selection.link(s.topology().links().get(i).id()) : null;
            default:
                List<Stage> stages = s.plan().stages();
                String node = i < stages.size() ? stages.get(i).node() : null;
                return node != null && s.topology().node(node) != null ? Selection.node(node) : null;
        }
    }
}
