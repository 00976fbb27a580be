package org.splitscope.ui.model;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.model.FieldRange;
import org.splitscope.model.Scenario;

/**
 * One shape of path a validator writes (e.g. {@code profile.units[#].flops}), what the window
 * calls the element and field there, and how it shows their value. In a shape {@code #} stands
 * for an index and {@code *} for a name (a device class, a cut); each is a group of the matcher.
 */
record ProblemPlace(String shape, Pattern pattern, Namer where, Shown shown) {

    /** The element and field in the window's words, e.g. "Unit conv1, FLOPs". */
    interface Namer {
        String name(Scenario s, Matcher m);
    }

    /**
     * A value at the place times {@code scale}, with its unit; scale 1 and no unit is the number as
     * typed. {@code si} is the unit the validator's limits are written in ("from 1 to 1e15 bit/s"),
     * so that they are said in the window's unit too; empty where they need no restating.
     */
    record Shown(double scale, String unit, String si) {
        static final Shown TYPED = new Shown(1, "", "");
        static final Shown MS = new Shown(1e3, "ms", "s");
        static final Shown BYTES = new Shown(1, "bytes", "");

        Shown(double scale, String unit) {
            this(scale, unit, "");
        }

        String text(double v) {
            if (!Double.isFinite(v)) {
                return String.valueOf(v);
            }
            return unit.isEmpty() ? number(v) : number(v) + " " + unit;
        }

        /** As typed where the window shows the file's number, else as the window's field writes it. */
        private String number(double v) {
            return scale == 1 ? FieldRange.number(v) : Quantity.format(v * scale);
        }

        /** "from 1e-12 to 1e6 s" as "from 1e-9 to 1e9 ms"; the message as it is where it has no such limits. */
        String limits(String message) {
            if (si.isEmpty()) {
                return message;
            }
            Matcher m = Pattern.compile("from (\\S+) to (\\S+) " + Pattern.quote(si) + "(?=,|$)").matcher(message);
            if (!m.find()) {
                return message;
            }
            try {
                double low = Double.parseDouble(m.group(1));
                double high = Double.parseDouble(m.group(2));
                return message.substring(0, m.start()) + "from " + number(low) + " to " + number(high)
                        + (unit.isEmpty() ? "" : " " + unit) + message.substring(m.end());
            } catch (NumberFormatException e) {
                return message;
            }
        }
    }

    static ProblemPlace of(String shape, Shown shown, Namer where) {
        StringBuilder regex = new StringBuilder();
        for (char c : shape.toCharArray()) {
            regex.append(switch (c) {
                case '#' -> "(\\d+)";
                case '*' -> "(.+?)";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return new ProblemPlace(shape, Pattern.compile(regex.toString()), where, shown);
    }

    static ProblemPlace of(String shape, Namer where) {
        return of(shape, Shown.TYPED, where);
    }

    /** The index in group {@code g} of a matched path. */
    static int index(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    /** The name of item {@code i} of a list, or "#i+1" where the list has no such item or it has no name. */
    static <T> String named(List<T> list, int i, Function<T, String> name) {
        String n = list != null && i < list.size() && list.get(i) != null ? name.apply(list.get(i)) : null;
        return n == null || n.isBlank() ? "#" + (i + 1) : n;
    }
}
