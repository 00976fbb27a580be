package org.splitscope.ui.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.model.Problem;

/**
 * The Optimize panel's text fields read as numbers, and the search's problem paths said in the
 * panel's words ("pin 1" for {@code space.pins[0]}), so that a message names the field the user
 * typed into.
 */
final class SettingsText {
    private static final Pattern INDEXED = Pattern.compile("space\\.(pins|forbids|thresholds)\\[(\\d+)]");

    private SettingsText() {
    }

    /**
     * An optional limit read as its field's {@link Quantity} (empty text is {@code null}, no limit),
     * with the decimal point moved {@code shift} places left (2 for percent, 3 for ms, 6 for $ per
     * million requests), in decimal so that 99.9 % is the share 0.999 and not 0.9990000000000001.
     */
    static Double limit(String text, Quantity field, int shift, List<String> errors) {
        Quantity.Reading r = field.orNone().read(text);
        if (!r.ok()) {
            errors.add(r.error());
            return null;
        }
        return r.value() == null ? null : new BigDecimal(Double.toString(r.value())).movePointLeft(shift).doubleValue();
    }

    /** Thresholds separated by commas or spaces; whether each lies in (0, 1) the search checks. */
    static List<Double> grid(String text, List<String> errors) {
        List<Double> grid = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                grid.add(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                errors.add("Threshold grid: '" + part + "' is not a number");
            }
        }
        return grid;
    }

    /** The grid as the panel writes it. */
    static String grid(List<Double> grid) {
        return String.join(", ", grid.stream().map(SettingsText::number).toList());
    }

    /** A search problem with its path in the panel's words. */
    static String describe(Problem p) {
        String where = p.path() == null || p.path().isEmpty() ? "" : words(p.path());
        String text = words(p.message());
        return where.isEmpty() ? text : Character.toUpperCase(where.charAt(0)) + where.substring(1) + ": " + text;
    }

    /** The command line's advice to sweep the floor, which the window gives as its own Sweep page. */
    private static final java.util.regex.Pattern CLI_FLOOR_SWEEP =
            java.util.regex.Pattern.compile("with re-optimization \\(sweep --param workload\\.accuracyFloor --optimize [\\w-]+\\)");

    private static String words(String s) {
        Matcher m = INDEXED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(2)) + 1;
            String name = switch (m.group(1)) {
                case "pins" -> "pin " + n;
                case "forbids" -> "forbid " + n;
                default -> "threshold " + n + " of the grid";
            };
            m.appendReplacement(out, name);
        }
        m.appendTail(out);
        return CLI_FLOOR_SWEEP.matcher(out.toString()).replaceAll("in What-if > Sweep (vary workload.accuracyFloor)")
                .replace("space.thresholds", "threshold grid").replace("space.maxStages", "max stages")
                .replace("space.placement", "placement").replace("space.maxExits", "at most K exits")
                .replace("--max-exits", "At most K exits").replace("--shared-threshold", "Thresholds: one shared by every exit")
                .replace("--exit-rule stage-ends", "Exits: only at stage ends").replace("--max-stages", "Max stages").replace("constraints.accuracyFloor", "accuracy floor");
    }

    /** A figure as a person would type it: 12 significant digits, no trailing zeros (0.9 x 100 shows as 90). */
    static String number(double v) {
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
