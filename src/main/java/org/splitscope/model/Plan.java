package org.splitscope.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Where the model is cut, where each piece runs, and which exits are deployed.
 *
 * @param terminalExit a partial model (PORTEND): the plan ends at this exit, every request that
 *                     reaches it leaves there, and the units after it are not deployed
 */
public record Plan(List<Stage> stages,
                   @OptionalField List<EnabledExit> exits,
                   @OptionalField String terminalExit) {
    public Plan {
        stages = stages == null ? List.of() : List.copyOf(stages);
        exits = exits == null ? List.of() : List.copyOf(exits);
    }

    public Plan(List<Stage> stages) {
        this(stages, null, null);
    }

    public Plan withStages(List<Stage> newStages) {
        return new Plan(newStages, exits, terminalExit);
    }

    public Plan withExits(List<EnabledExit> newExits) {
        return new Plan(stages, newExits, terminalExit);
    }

    /** The units after which the plan cuts (the last unit of every stage but the last). */
    public List<Integer> cuts() {
        List<Integer> cuts = new ArrayList<>();
        for (int k = 0; k + 1 < stages.size(); k++) {
            cuts.add(stages.get(k).lastUnit());
        }
        return cuts;
    }

    /** The last unit the plan runs: N, or the unit a terminal exit attaches after. */
    public int lastUnit(ModelProfile profile) {
        if (terminalExit != null) {
            int e = profile.exitIndex(terminalExit);
            if (e >= 0) {
                return profile.exits().get(e).afterUnit();
            }
        }
        return profile.unitCount();
    }

    public List<Problem> validate(String path, ModelProfile profile, Topology topology) {
        return validate(path, profile, topology, topology::reachable);
    }

    /** As {@link #validate(String, ModelProfile, Topology)}, with reachability precomputed by the caller. */
    public List<Problem> validate(String path, ModelProfile profile, Topology topology,
                                  BiPredicate<String, String> reachable) {
        Problems p = new Problems();
        int terminalAfter = -1;
        if (terminalExit != null) {
            int e = profile.exitIndex(terminalExit);
            if (e < 0) {
                p.add(path + ".terminalExit", "the profile has no exit with id '" + terminalExit + "'");
            } else {
                terminalAfter = profile.exits().get(e).afterUnit();
            }
        }
        int last = terminalAfter > 0 ? terminalAfter : profile.unitCount();
        if (stages.isEmpty()) {
            p.add(path + ".stages", "the plan has no stages");
        }
        if (stages.size() > Math.max(1, last)) {
            // each stage would be a problem, and checking the routes of a million would not end
            p.add(path + ".stages", "has " + stages.size() + " stages; a plan has at most one stage per unit ("
                    + last + ")");
            return p.list();
        }
        int expectedFirst = 1;
        for (int k = 0; k < stages.size(); k++) {
            Stage s = stages.get(k);
            String at = path + ".stages[" + k + "]";
            if (s.firstUnit() != expectedFirst) {
                p.add(at + ".firstUnit", "must be " + expectedFirst
                        + " so that the stages cover every unit in order, got " + s.firstUnit());
            }
            if (s.lastUnit() < s.firstUnit()) {
                p.add(at + ".lastUnit", "must be >= firstUnit (" + s.firstUnit() + "), got " + s.lastUnit());
            } else if (s.lastUnit() > last) {
                p.add(at + ".lastUnit", "must name a unit from 1 to " + last + ", got " + s.lastUnit());
            }
            // clamped, so that a unit number near the int limit cannot wrap around to look right
            expectedFirst = Math.max(0, Math.min(s.lastUnit(), last + 1)) + 1;
            Node node = s.node() == null ? null : topology.node(s.node());
            if (node == null) {
                p.add(at + ".node", "no node with id '" + s.node() + "'");
            } else {
                String from = k == 0 ? topology.source() : stages.get(k - 1).node();
                if (topology.node(from) != null && !reachable.test(from, s.node())) {
                    p.add(at + ".node", noRoute(topology, from, s.node()));
                }
                if (k == stages.size() - 1 && topology.node(topology.sink()) != null
                        && !reachable.test(s.node(), topology.sink())) {
                    p.add(at + ".node", noRoute(topology, s.node(), topology.sink()) + " (the sink)");
                }
            }
            if (s.inboundCodec() != null) {
                s.inboundCodec().validate(at + ".inboundCodec", p);
            }
        }
        if (!stages.isEmpty() && expectedFirst - 1 != last) {
            p.add(path + ".stages[" + (stages.size() - 1) + "].lastUnit",
                    "must be " + last + (terminalAfter > 0 ? " (where the terminal exit attaches)" : " (the last unit)")
                            + ", got " + (expectedFirst - 1));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < exits.size(); i++) {
            EnabledExit x = exits.get(i);
            String at = path + ".exits[" + i + "]";
            int e = x.exit() == null ? -1 : profile.exitIndex(x.exit());
            if (e < 0) {
                p.add(at + ".exit", "the profile has no exit with id '" + x.exit() + "'");
                continue;
            }
            if (!seen.add(x.exit())) {
                p.add(at + ".exit", "exit '" + x.exit() + "' is enabled twice");
            }
            if (x.exit().equals(terminalExit)) {
                p.add(at + ".exit", "exit '" + x.exit() + "' is the terminal exit; every request leaves there, so it takes no threshold");
            } else if (terminalAfter > 0 && profile.exits().get(e).afterUnit() > terminalAfter) {
                p.add(at + ".exit", "exit '" + x.exit() + "' lies after the terminal exit, where no unit is deployed");
            }
            p.unitInterval(x.threshold(), at + ".threshold");
            if (profile.exitStats() instanceof CurveStats cs && e < cs.curves().size()) {
                double[] table = cs.curves().get(e).thresholds();
                if (table.length > 0 && (x.threshold() < table[0] || x.threshold() > table[table.length - 1])) {
                    p.add(at + ".threshold", "threshold " + x.threshold() + " is outside the curve table of exit '" + x.exit()
                            + "' [" + table[0] + ", " + table[table.length - 1] + "]");
                }
            }
        }
        return p.list();
    }

    /** Why a transfer cannot go from one node to another, in the topology's routing terms. */
    private static String noRoute(Topology topology, String from, String to) {
        return topology.routing() == Routing.DIRECT
                ? "no direct link from '" + from + "' to '" + to + "' (the topology's routing is direct: transfers use only"
                        + " the link between the two nodes)"
                : "no route from '" + from + "' to '" + to + "'";
    }
}
