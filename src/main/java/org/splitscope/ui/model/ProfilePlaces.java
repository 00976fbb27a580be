package org.splitscope.ui.model;

import static org.splitscope.ui.model.ProblemPlace.index;
import static org.splitscope.ui.model.ProblemPlace.named;
import static org.splitscope.ui.model.ProblemPlace.of;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.splitscope.model.ExitHead;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Scenario;
import org.splitscope.model.Unit;
import org.splitscope.ui.model.ProblemPlace.Shown;

/**
 * The places of the model profile: its units and exits by name (as the strip names them), each
 * exit's curve and per-sample outcomes by the exit's id, a measured range by its units and
 * device class, serialization by device class. Times show in ms, as everywhere in the window.
 */
final class ProfilePlaces {
    private static final Shown PER_BYTE = new Shown(1, "s per byte");

    private ProfilePlaces() {
    }

    static List<ProblemPlace> all() {
        List<ProblemPlace> all = new ArrayList<>(List.of(
                of("profile", (s, m) -> "Model profile"),
                of("profile.name", (s, m) -> "Model, name"),
                of("profile.inputBytes", Shown.BYTES, (s, m) -> "Model, input size"),
                of("profile.resultBytes", Shown.BYTES, (s, m) -> "Model, result size"),
                of("profile.units", (s, m) -> "Model, units"),
                of("profile.exits", (s, m) -> "Model, exits"),
                of("profile.units[#].name", (s, m) -> unit(s, m) + ", name"),
                of("profile.units[#].flops", (s, m) -> unit(s, m) + ", FLOPs"),
                of("profile.units[#].paramBytes", Shown.BYTES, (s, m) -> unit(s, m) + ", parameters"),
                of("profile.units[#].cutBytes", Shown.BYTES, (s, m) -> unit(s, m) + ", cut size after it"),
                of("profile.units[#].workingBytes", Shown.BYTES, (s, m) -> unit(s, m) + ", working memory"),
                of("profile.units[#].latencySeconds.*", Shown.MS, (s, m) -> unit(s, m) + ", measured latency on class '" + m.group(2) + "'"),
                of("profile.units[#].nodes[#]", (s, m) -> unit(s, m) + ", ONNX node " + (index(m, 2) + 1)),
                of("profile.exits[#].id", (s, m) -> exit(s, index(m, 1)) + ", id"),
                of("profile.exits[#].afterUnit", (s, m) -> exit(s, index(m, 1)) + ", attached after unit"),
                of("profile.exits[#].flops", (s, m) -> exit(s, index(m, 1)) + ", head FLOPs"),
                of("profile.exits[#].paramBytes", Shown.BYTES, (s, m) -> exit(s, index(m, 1)) + ", head parameters"),
                of("profile.exits[#].workingBytes", Shown.BYTES, (s, m) -> exit(s, index(m, 1)) + ", head working memory"),
                of("profile.exits[#].latencySeconds.*", Shown.MS,
                        (s, m) -> exit(s, index(m, 1)) + ", measured head latency on class '" + m.group(2) + "'"),
                of("profile.exitStats", (s, m) -> "Exit statistics"),
                of("profile.exitStats.curves", (s, m) -> "Exit statistics, curves"),
                of("profile.exitStats.curves[#].thresholds", (s, m) -> exit(s, index(m, 1)) + ", curve thresholds"),
                of("profile.exitStats.curves[#].exitRate", (s, m) -> exit(s, index(m, 1)) + ", curve rates"),
                of("profile.exitStats.curves[#].exitedAccuracy", (s, m) -> exit(s, index(m, 1)) + ", curve accuracies"),
                of("profile.exitStats.curves[#].thresholds[#]", (s, m) -> point(s, m) + ", threshold"),
                of("profile.exitStats.curves[#].exitRate[#]", (s, m) -> point(s, m) + ", rate"),
                of("profile.exitStats.curves[#].exitedAccuracy[#]", (s, m) -> point(s, m) + ", accuracy of the exited"),
                of("profile.exitStats.curves[#].overallAccuracy", (s, m) -> exit(s, index(m, 1)) + ", curve accuracy over all samples"),
                of("profile.exitStats.finalAccuracy", (s, m) -> "Final classifier, accuracy"),
                of("profile.exitStats.correctFinal", (s, m) -> "Per-sample outcomes, final classifier"),
                of("profile.exitStats.confidence", (s, m) -> "Per-sample outcomes, confidences"),
                of("profile.exitStats.correct", (s, m) -> "Per-sample outcomes, correctness"),
                of("profile.exitStats.confidence[#]", (s, m) -> exit(s, index(m, 1)) + ", per-sample confidences"),
                of("profile.exitStats.confidence[#][#]", (s, m) -> exit(s, index(m, 1)) + ", sample " + (index(m, 2) + 1) + ", confidence"),
                of("profile.exitStats.correct[#]", (s, m) -> exit(s, index(m, 1)) + ", per-sample correctness"),
                of("profile.rangeLatencies[#].deviceClass", (s, m) -> "Range table " + (index(m, 1) + 1) + ", device class"),
                of("profile.rangeLatencies[#].ranges", (s, m) -> "Range table of class '" + rangeClass(s, m) + "', ranges"),
                of("profile.rangeLatencies[#].ranges[#]", (s, m) -> range(s, m)),
                of("profile.rangeLatencies[#].ranges[#].seconds", Shown.MS, (s, m) -> range(s, m) + ", latency")));
        for (String way : List.of("serialize", "deserialize")) {
            String what = way.equals("serialize") ? "Serialization" : "Deserialization";
            all.add(of("profile." + way + ".*.fixedSeconds", Shown.MS, (s, m) -> what + " on class '" + m.group(1) + "', fixed time"));
            all.add(of("profile." + way + ".*.secondsPerByte", PER_BYTE, (s, m) -> what + " on class '" + m.group(1) + "', time per byte"));
            all.add(of("profile." + way + ".*.perCutSeconds.*", Shown.MS,
                    (s, m) -> what + " on class '" + m.group(1) + "', time at cut " + m.group(2)));
        }
        return all;
    }

    private static String unit(Scenario s, Matcher m) {
        return "Unit " + named(s.profile() == null ? null : s.profile().units(), index(m, 1), Unit::name);
    }

    /** An exit by its id; curves and sample rows follow the order of the profile's exits. */
    private static String exit(Scenario s, int i) {
        return "Exit " + named(s.profile() == null ? null : s.profile().exits(), i, ExitHead::id);
    }

    private static String point(Scenario s, Matcher m) {
        return exit(s, index(m, 1)) + ", curve point " + (index(m, 2) + 1);
    }

    private static RangeLatencyTable table(Scenario s, Matcher m) {
        List<RangeLatencyTable> tables = s.profile() == null ? List.of() : s.profile().rangeLatencies();
        return index(m, 1) < tables.size() ? tables.get(index(m, 1)) : null;
    }

    private static String rangeClass(Scenario s, Matcher m) {
        RangeLatencyTable t = table(s, m);
        return t == null || t.deviceClass() == null ? "" : t.deviceClass();
    }

    /** "Range units 3..7 on class 'jetson'", as the measured range table lists it. */
    private static String range(Scenario s, Matcher m) {
        RangeLatencyTable t = table(s, m);
        int r = index(m, 2);
        if (t == null || r >= t.ranges().size()) {
            return "Range " + (r + 1) + " of range table " + (index(m, 1) + 1);
        }
        RangeLatency range = t.ranges().get(r);
        return "Range units " + range.firstUnit() + ".." + range.lastUnit() + " on class '" + rangeClass(s, m) + "'";
    }
}
