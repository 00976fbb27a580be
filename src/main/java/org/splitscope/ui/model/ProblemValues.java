package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * A problem as the problems list says it: the element and field at fault in the window's words
 * ("Link end-edge, bandwidth", "Exit e3, curve point 4, rate", "Range units 3..7 on class
 * 'jetson', latency"), the value it quotes as the window shows it (in the field's display unit,
 * or the number as typed), and the JSON path last for finding it in the file. The words come from
 * a table of path shapes, one small class per area of the scenario.
 */
public final class ProblemValues {
    /** Every path shape the scenario's validators write. */
    static final List<ProblemPlace> PLACES = places();
    private static final Pattern GOT = Pattern.compile("got (-?[0-9][0-9.eE+-]*|-?Infinity|NaN)(?=$|[,;)])");

    private ProblemValues() {
    }

    private static List<ProblemPlace> places() {
        List<ProblemPlace> all = new ArrayList<>(TopologyPlaces.all());
        all.addAll(ProfilePlaces.all());
        all.addAll(PlanPlaces.all());
        return List.copyOf(all);
    }

    /**
     * "Link end-edge, bandwidth: must be > 0, got 0 Mb/s (topology.links[0].bandwidthBps)"; a
     * problem of the whole scenario (no path) is its message alone; a path of no known shape is
     * left as path and message.
     */
    public static String describe(Scenario s, Problem p) {
        String path = p.path();
        if (path == null || path.isEmpty()) {
            String m = p.message();
            return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
        }
        ProblemPlace place = placeOf(path);
        if (place == null) {
            return p.toString();
        }
        Matcher m = place.pattern().matcher(path);
        m.matches();
        return place.where().name(s, m) + ": " + shown(p.message(), place.shown()) + " (" + path + ")";
    }

    /** The shape a path has, or {@code null} where it has none in the table. */
    static ProblemPlace placeOf(String path) {
        for (ProblemPlace place : PLACES) {
            if (place.pattern().matcher(path).matches()) {
                return place;
            }
        }
        return null;
    }

    /** The message with the value it quotes ("got -2.0E9") and its limits as the window shows them ("got -2 GFLOP/s"). */
    private static String shown(String message, ProblemPlace.Shown shown) {
        message = shown.limits(message);
        Matcher got = GOT.matcher(message);
        if (!got.find()) {
            return message;
        }
        String value;
        try {
            value = shown.text(Double.parseDouble(got.group(1)));
        } catch (NumberFormatException e) {
            value = got.group(1);
        }
        return message.substring(0, got.start()) + "got " + value + message.substring(got.end());
    }
}
