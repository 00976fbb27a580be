package org.splitscope.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A profiled model: its units in topological order, candidate exit heads and their statistics,
 * and optional measured latencies. Units are numbered 1..N in files and messages.
 *
 * @param resultBytes bytes of the final answer sent back to the sink (default 1 KB)
 */
public record ModelProfile(String name,
                           @OptionalField String description,
                           double inputBytes,
                           @OptionalField Double resultBytes,
                           List<Unit> units,
                           @OptionalField List<ExitHead> exits,
                           @OptionalField ExitStats exitStats,
                           @OptionalField ExitCriterion criterion,
                           @OptionalField List<RangeLatencyTable> rangeLatencies,
                           @OptionalField Map<String, SerializationCost> serialize,
                           @OptionalField Map<String, SerializationCost> deserialize) {
    public static final double DEFAULT_RESULT_BYTES = 1000;

    public ModelProfile {
        description = description == null ? "" : description;
        resultBytes = resultBytes == null ? DEFAULT_RESULT_BYTES : resultBytes;
        units = units == null ? List.of() : List.copyOf(units);
        exits = exits == null ? List.of() : List.copyOf(exits);
        criterion = criterion == null ? ExitCriterion.MAX_PROB : criterion;
        rangeLatencies = rangeLatencies == null ? List.of() : List.copyOf(rangeLatencies);
        serialize = serialize == null ? Map.of() : Map.copyOf(serialize);
        deserialize = deserialize == null ? Map.of() : Map.copyOf(deserialize);
    }

    public int unitCount() {
        return units.size();
    }

    /** The unit with 1-based number u. */
    public Unit unit(int u) {
        return units.get(u - 1);
    }

    public int exitIndex(String id) {
        for (int i = 0; i < exits.size(); i++) {
            if (exits.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public ModelProfile withUnits(List<Unit> newUnits) {
        return new ModelProfile(name, description, inputBytes, resultBytes, newUnits, exits, exitStats,
                criterion, rangeLatencies, serialize, deserialize);
    }

    public ModelProfile withExits(List<ExitHead> newExits, ExitStats newStats) {
        return new ModelProfile(name, description, inputBytes, resultBytes, units, newExits, newStats,
                criterion, rangeLatencies, serialize, deserialize);
    }

    public List<Problem> validate(String path) {
        Problems p = new Problems();
        p.notBlank(name, path + ".name");
        p.inRange(inputBytes, Ranges.BYTES, path + ".inputBytes");
        p.inRange(resultBytes, Ranges.BYTES, path + ".resultBytes");
        if (units.isEmpty()) {
            p.add(path + ".units", "the model has no units");
        }
        if (!p.atMost(units.size(), SizeLimits.MAX_UNITS, "units", path + ".units")
                | !p.atMost(exits.size(), SizeLimits.MAX_EXITS, "exits", path + ".exits")) {
            return p.list(); // checking each of them would spend the time the limit saves
        }
        for (int i = 0; i < units.size(); i++) {
            units.get(i).validate(path + ".units[" + i + "]", p);
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < exits.size(); i++) {
            ExitHead e = exits.get(i);
            String at = path + ".exits[" + i + "]";
            e.validate(at, units.size(), p);
            if (e.id() != null && !ids.add(e.id())) {
                p.add(at + ".id", "exit id '" + e.id() + "' is used twice");
            }
            if (!positions.add(e.afterUnit())) {
                p.add(at + ".afterUnit", "another exit already attaches after unit " + e.afterUnit());
            }
            if (i > 0 && e.afterUnit() < exits.get(i - 1).afterUnit()) {
                p.add(at + ".afterUnit", "exits must be listed in model order");
            }
        }
        if (exitStats != null) {
            exitStats.validate(path + ".exitStats", exits.size(), criterion, p);
        } else if (!exits.isEmpty()) {
            p.add(path + ".exitStats", "the model has exits but no exit statistics");
        }
        Set<String> rangeClasses = new HashSet<>();
        for (int i = 0; i < rangeLatencies.size(); i++) {
            RangeLatencyTable t = rangeLatencies.get(i);
            t.validate(path + ".rangeLatencies[" + i + "]", units.size(), p);
            if (t.deviceClass() != null && !rangeClasses.add(t.deviceClass())) {
                p.add(path + ".rangeLatencies[" + i + "].deviceClass",
                        "device class '" + t.deviceClass() + "' already has a range table; merge them");
            }
        }
        serialize.forEach((cls, c) -> c.validate(path + ".serialize." + cls, units.size(), p));
        deserialize.forEach((cls, c) -> c.validate(path + ".deserialize." + cls, units.size(), p));
        return p.list();
    }
}
