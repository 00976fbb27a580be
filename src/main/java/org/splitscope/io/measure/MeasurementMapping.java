package org.splitscope.io.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;

/**
 * Maps measured layers onto the units of a profile by the ONNX node names each unit holds
 * ({@link Unit#nodes()}; a unit without them stands for the node of its own name). A layer's
 * nodes are those its file's layer information lists; without it, its name, or the parts of a
 * TensorRT fused name ({@code "a + b"}, {@code "a || b"}) when every part is a node. A layer whose nodes lie in several
 * units is split over them in proportion to the FLOPs of its nodes there (each unit's FLOPs
 * times the share of its nodes that the layer holds), and the report says so. A layer that names
 * no node of the profile is listed, and its time is spread or left out as the user chose.
 *
 * <p>The result replaces every unit's measured time for the device class: a unit that no layer
 * reached keeps no time there, so the FLOP estimate applies to it, and the report lists it.
 */
public final class MeasurementMapping {
    /** A layer and the 1-based units its time went to, with the seconds each got. */
    public record Match(MeasuredLayer layer, Map<Integer, Double> unitSeconds) {
        public Match {
            unitSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unitSeconds));
        }
    }

    /**
     * What the mapping reached.
     *
     * @param spreadSeconds    time of unmatched layers given to their neighbours (0 when left out)
     * @param unitsWithoutTime 1-based units that no layer reached (they keep the FLOP estimate)
     */
    public record Coverage(String deviceClass, List<Match> matched, List<MeasuredLayer> unmatched,
                           UnmatchedLayers policy, double totalSeconds, double matchedSeconds,
                           double spreadSeconds, List<Integer> unitsWithoutTime) {
        public Coverage {
            matched = List.copyOf(matched);
            unmatched = List.copyOf(unmatched);
            unitsWithoutTime = List.copyOf(unitsWithoutTime);
        }

        /** The share of the measured time that matched a node of the profile, 0..1. */
        public double matchedShare() {
            return totalSeconds > 0 ? matchedSeconds / totalSeconds : 0;
        }

        /** The report as lines a person reads. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "device class '%s': %d of %d layers matched the profile's nodes, "
                            + "%.1f%% of %s measured", deviceClass, matched.size(), matched.size() + unmatched.size(),
                    100 * matchedShare(), millis(totalSeconds)));
            for (Match m : matched) {
                if (m.unitSeconds().size() > 1) {
                    out.add("  split by FLOPs: " + InputFiles.quote(m.layer().name()) + " (" + m.layer().where()
                            + ") over units " + String.join(", ", m.unitSeconds().keySet().stream().map(String::valueOf).toList()));
                }
            }
            if (!unmatched.isEmpty()) {
                out.add(policy == UnmatchedLayers.SPREAD
                        ? String.format(Locale.ROOT, "  unmatched, spread over their neighbours (%s):", millis(spreadSeconds))
                        : "  unmatched, left out (--unmatched spread gives their time to their neighbours):");
                for (MeasuredLayer l : unmatched) {
                    out.add("    " + InputFiles.quote(l.name()) + " (" + l.where() + ") " + millis(l.seconds()));
                }
            }
            if (!unitsWithoutTime.isEmpty()) {
                out.add("  units no layer reached (they keep the FLOP estimate): "
                        + String.join(", ", unitsWithoutTime.stream().map(String::valueOf).toList()));
            }
            return out;
        }

        private static String millis(double seconds) {
            return String.format(Locale.ROOT, "%.4g ms", seconds * 1e3);
        }
    }

    /** The profile with the measured times for the class, and how they were mapped. */
    public record Mapped(ModelProfile profile, Coverage coverage) {
    }

    private MeasurementMapping() {
    }

    public static Loaded<Mapped> map(ModelProfile profile, Measurements measured, String deviceClass,
                                     UnmatchedLayers policy) {
        if (deviceClass == null || deviceClass.isBlank()) {
            return Loaded.failed("deviceClass", "name the device class the measurements were taken on");
        }
        if (measured.layers().isEmpty()) {
            return Loaded.failed("measurements", "the file holds no layer times");
        }
        Map<String, Integer> unitOfNode = new HashMap<>();
        int[] nodeCount = new int[profile.unitCount() + 1];
        for (int u = 1; u <= profile.unitCount(); u++) {
            Unit unit = profile.unit(u);
            List<String> names = unit.nodes().isEmpty() ? List.of(unit.name()) : unit.nodes();
            for (String n : names) {
                unitOfNode.putIfAbsent(n, u);
            }
            nodeCount[u] = names.size();
        }
        List<MeasuredLayer> layers = measured.layers();
        List<Match> matches = new ArrayList<>();
        Match[] matchAt = new Match[layers.size()];
        List<MeasuredLayer> unmatched = new ArrayList<>();
        double[] seconds = new double[profile.unitCount() + 1];
        boolean[] reached = new boolean[profile.unitCount() + 1];
        double matchedSeconds = 0;
        for (int i = 0; i < layers.size(); i++) {
            MeasuredLayer layer = layers.get(i);
            Map<Integer, Integer> held = new LinkedHashMap<>();
            for (String n : candidates(layer, unitOfNode)) {
                Integer u = unitOfNode.get(n);
                if (u != null) {
                    held.merge(u, 1, Integer::sum);
                }
            }
            if (held.isEmpty()) {
                unmatched.add(layer);
                continue;
            }
            Map<Integer, Double> split = split(profile, held, nodeCount, layer.seconds());
            split.forEach((u, s) -> {
                seconds[u] += s;
                reached[u] = true;
            });
            matchAt[i] = new Match(layer, split);
            matches.add(matchAt[i]);
            matchedSeconds += layer.seconds();
        }
        if (matches.isEmpty()) {
            return Loaded.failed("measurements", "none of the " + layers.size() + " layers names a node of the profile "
                    + "(the first is " + InputFiles.quote(layers.get(0).name()) + ", the profile's first node "
                    + InputFiles.quote(firstNode(profile)) + "): was the profile imported from the same ONNX model?");
        }
        double spread = 0;
        if (policy == UnmatchedLayers.SPREAD) {
            // the units of the nearest matched layer before and after each position, found in one pass each way
            Integer[] before = new Integer[layers.size()];
            Integer[] after = new Integer[layers.size()];
            Integer last = null;
            for (int i = 0; i < layers.size(); i++) {
                before[i] = last;
                last = matchAt[i] == null ? last : lastKey(matchAt[i].unitSeconds());
            }
            Integer next = null;
            for (int i = layers.size() - 1; i >= 0; i--) {
                after[i] = next;
                next = matchAt[i] == null ? next : matchAt[i].unitSeconds().keySet().iterator().next();
            }
            for (int i = 0; i < layers.size(); i++) {
                if (matchAt[i] == null) {
                    double s = layers.get(i).seconds();
                    spread += s;
                    if (before[i] != null && after[i] != null) {
                        seconds[before[i]] += s / 2;
                        seconds[after[i]] += s / 2;
                    } else {
                        seconds[before[i] != null ? before[i] : after[i]] += s; // at least one layer matched
                    }
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (int u = 1; u <= profile.unitCount(); u++) {
            Map<String, Double> latency = new HashMap<>(profile.unit(u).latencySeconds());
            latency.remove(deviceClass);
            if (reached[u]) {
                latency.put(deviceClass, seconds[u]);
            } else {
                without.add(u);
            }
            units.add(profile.unit(u).withLatencySeconds(latency));
        }
        Coverage coverage = new Coverage(deviceClass, matches, unmatched, policy, measured.totalSeconds(),
                matchedSeconds, spread, without);
        ModelProfile timed = profile.withUnits(units);
        // a time beyond what a profile may hold (a layer of 10^9 s) is refused here, not after the edit
        List<org.splitscope.model.Problem> invalid = timed.validate("profile");
        return invalid.isEmpty() ? Loaded.ok(new Mapped(timed, coverage), List.of()) : Loaded.failed(invalid, List.of());
    }

    /** The node names a layer stands for. */
    private static Set<String> candidates(MeasuredLayer layer, Map<String, Integer> known) {
        Set<String> names = new LinkedHashSet<>(layer.nodes());
        if (!names.isEmpty()) {
            return names;
        }
        names.add(layer.name());
        if (!known.containsKey(layer.name())) {
            // a fused name counts only when every part is a node: "Reformatting CopyNode for ... to a + b" is no node
            List<String> parts = java.util.Arrays.stream(layer.name().split(" \\+ | \\|\\| ")).map(String::trim).toList();
            if (parts.size() > 1 && known.keySet().containsAll(parts)) {
                names.addAll(parts);
            }
        }
        return names;
    }

    private static Map<Integer, Double> split(ModelProfile profile, Map<Integer, Integer> held, int[] nodeCount,
                                              double seconds) {
        Map<Integer, Double> weight = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<Integer, Integer> e : held.entrySet()) {
            double w = profile.unit(e.getKey()).flops() * e.getValue() / nodeCount[e.getKey()];
            weight.put(e.getKey(), w);
            total += w;
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        double sum = total;
        int nodes = held.values().stream().mapToInt(Integer::intValue).sum();
        // units without FLOPs (or a layer of FLOP-free nodes) are split by how many of the nodes each holds
        held.forEach((u, n) -> out.put(u, seconds * (sum > 0 ? weight.get(u) / sum : n / (double) nodes)));
        return out;
    }

    private static Integer lastKey(Map<Integer, Double> m) {
        Integer last = null;
        for (Integer k : m.keySet()) {
            last = k;
        }
        return last;
    }

    private static String firstNode(ModelProfile p) {
        Unit u = p.unit(1);
        return u.nodes().isEmpty() ? u.name() : u.nodes().get(0);
    }
}
