package org.splitscope.optimize;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Problem;
import org.splitscope.model.Problems;
import org.splitscope.model.Topology;

/**
 * The plans a search may return (section 5 of the performance model): 1..maxStages stages,
 * placed by the placement rule, consecutive stages never on the same node; every subset of the
 * profile's exits, each at every threshold of the grid (for curve statistics, only the grid
 * values inside that exit's table); with {@code partialModels}, also models that end at an
 * exit; and only placements that respect the pins and forbids. Optionally narrower: at most
 * {@code maxExits} enabled exits (a partial model's terminal exit not counted), exits only where
 * a stage ends ({@link ExitRule#STAGE_ENDS}), one threshold shared by every enabled exit. The
 * last two together are PORTEND's own space.
 */
public record SearchSpace(int maxStages, Placement placement, List<Double> thresholds, boolean partialModels,
                          List<Pin> pins, List<Forbid> forbids, Integer maxExits, ExitRule exitRule,
                          boolean sharedThreshold) {
    /** 0.1, 0.2, ..., 0.9. */
    public static final List<Double> DEFAULT_THRESHOLDS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

    public SearchSpace {
        thresholds = List.copyOf(thresholds);
        pins = pins == null ? List.of() : List.copyOf(pins);
        forbids = forbids == null ? List.of() : List.copyOf(forbids);
        exitRule = exitRule == null ? ExitRule.FREE : exitRule;
    }

    /** The free exit space: any number of exits, anywhere, each with its own threshold. */
    public SearchSpace(int maxStages, Placement placement, List<Double> thresholds, boolean partialModels,
                       List<Pin> pins, List<Forbid> forbids) {
        this(maxStages, placement, thresholds, partialModels, pins, forbids, null, ExitRule.FREE, false);
    }

    /**
     * How many exit configurations this space has for the profile, exactly (far past a long at
     * PORTEND's size); with exits only at stage ends, how many the free space has, which bounds it.
     */
    public java.math.BigInteger exitConfigurations(ModelProfile profile) {
        return ExitConfigurations.count(profile, this);
    }

    public SearchSpace withMaxExits(Integer most) {
        return new SearchSpace(maxStages, placement, thresholds, partialModels, pins, forbids, most, exitRule, sharedThreshold);
    }

    public SearchSpace withExitRule(ExitRule rule) {
        return new SearchSpace(maxStages, placement, thresholds, partialModels, pins, forbids, maxExits, rule, sharedThreshold);
    }

    public SearchSpace withSharedThreshold(boolean shared) {
        return new SearchSpace(maxStages, placement, thresholds, partialModels, pins, forbids, maxExits, exitRule, shared);
    }


    /** Up to 3 stages on distinct nodes, the default grid, partial models allowed, no pins or forbids. */
    public static SearchSpace defaults() {
        return new SearchSpace(3, Placement.DISTINCT, DEFAULT_THRESHOLDS, true, List.of(), List.of());
    }

    public SearchSpace withMaxStages(int stages) {
        return new SearchSpace(stages, placement, thresholds, partialModels, pins, forbids, maxExits, exitRule, sharedThreshold);
    }

    public SearchSpace withPlacement(Placement rule) {
        return new SearchSpace(maxStages, rule, thresholds, partialModels, pins, forbids, maxExits, exitRule, sharedThreshold);
    }

    public SearchSpace withThresholds(List<Double> grid) {
        return new SearchSpace(maxStages, placement, grid, partialModels, pins, forbids, maxExits, exitRule, sharedThreshold);
    }

    public SearchSpace withPartialModels(boolean allowed) {
        return new SearchSpace(maxStages, placement, thresholds, allowed, pins, forbids, maxExits, exitRule, sharedThreshold);
    }

    public SearchSpace withPins(List<Pin> newPins) {
        return new SearchSpace(maxStages, placement, thresholds, partialModels, newPins, forbids, maxExits, exitRule, sharedThreshold);
    }

    public SearchSpace withForbids(List<Forbid> newForbids) {
        return new SearchSpace(maxStages, placement, thresholds, partialModels, pins, newForbids, maxExits, exitRule, sharedThreshold);
    }

    /** Every problem with this space for the given model and topology, each with its path. */
    public List<Problem> validate(ModelProfile profile, Topology topology) {
        Problems p = new Problems();
        if (maxStages < 1) {
            p.add("space.maxStages", "must be at least 1, got " + maxStages);
        }
        if (placement == null) {
            p.add("space.placement", "must be distinct, outward or any");
        }
        if (maxExits != null && maxExits < 0) {
            p.add("space.maxExits", "must be at least 0, got " + maxExits);
        }
        if (thresholds.isEmpty() && !profile.exits().isEmpty()) {
            p.add("space.thresholds", "the threshold grid is empty, so no exit could be enabled; give at least one threshold");
        }
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < thresholds.size(); i++) {
            p.unitInterval(thresholds.get(i), "space.thresholds[" + i + "]");
            if (!seen.add(thresholds.get(i))) {
                p.add("space.thresholds[" + i + "]", "threshold " + thresholds.get(i) + " is listed twice");
            }
        }
        int n = profile.unitCount();
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            String at = "space.pins[" + i + "]";
            checkRange(pin.firstUnit(), pin.lastUnit(), n, at, p);
            if (topology.node(pin.node()) == null) {
                p.add(at + ".node", "no node with id '" + pin.node() + "'");
                continue;
            }
            for (int j = 0; j < i; j++) {
                Pin other = pins.get(j);
                if (pin.overlaps(other.firstUnit(), other.lastUnit()) && !pin.node().equals(other.node())) {
                    p.add(at, "pins units " + pin.firstUnit() + ".." + pin.lastUnit() + " to '" + pin.node()
                            + "' but space.pins[" + j + "] pins units " + other.firstUnit() + ".." + other.lastUnit()
                            + " to '" + other.node() + "'; a unit runs on one node");
                }
            }
            Node node = topology.node(pin.node());
            for (int j = 0; j < forbids.size(); j++) {
                Forbid f = forbids.get(j);
                if (pin.overlaps(f.firstUnit(), f.lastUnit()) && f.appliesTo(node)) {
                    p.add(at, "pins units " + pin.firstUnit() + ".." + pin.lastUnit() + " to '" + pin.node()
                            + "' but space.forbids[" + j + "] forbids units " + f.firstUnit() + ".." + f.lastUnit()
                            + " on " + f.where() + "; the pin contradicts the forbid");
                }
            }
        }
        for (int j = 0; j < forbids.size(); j++) {
            Forbid f = forbids.get(j);
            String at = "space.forbids[" + j + "]";
            checkRange(f.firstUnit(), f.lastUnit(), n, at, p);
            if ((f.node() == null) == (f.tier() == null)) {
                p.add(at, "give either a node or a tier");
            } else if (f.node() != null && topology.node(f.node()) == null) {
                p.add(at + ".node", "no node with id '" + f.node() + "'");
            }
        }
        return p.list();
    }

    private static void checkRange(int first, int last, int units, String at, Problems p) {
        if (first < 1 || last > units || first > last) {
            p.add(at, "units " + first + ".." + last + " are not a range within 1.." + units);
        }
    }
}
