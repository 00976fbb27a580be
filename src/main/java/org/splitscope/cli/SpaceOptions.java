package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import picocli.CommandLine.Option;

/** The search space the window's Optimize panel sets, on the command line; values in any case. */
final class SpaceOptions {
    @Option(names = "--placement", paramLabel = "RULE", description = "distinct (default: every stage on its own node),"
            + " outward (tiers strictly increase) or any")
    String placement;

    @Option(names = "--thresholds", paramLabel = "LIST", description = "exit thresholds to try, comma-separated in [0, 1]"
            + " (default 0.1,0.2,...,0.9)")
    String thresholds;

    @Option(names = "--max-exits", paramLabel = "K", description = "at most K enabled exits (a partial model's last exit"
            + " not counted)")
    Integer maxExits;

    @Option(names = "--exit-rule", paramLabel = "RULE", description = "free (default: exits after any unit) or"
            + " stage-ends (exits only where a stage ends, PORTEND's space)")
    String exitRule;

    @Option(names = "--shared-threshold", description = "one threshold for every enabled exit (PORTEND's space)")
    boolean sharedThreshold;

    @Option(names = "--no-partial", description = "every plan runs the whole model (no partial models ending at an exit)")
    boolean noPartial;

    private Placement parsedPlacement;
    private ExitRule parsedRule;
    private List<Double> parsedThresholds;

    /** False, after naming the offending option and what it accepts, when a value is bad. */
    boolean check(String command, PrintWriter err) {
        boolean ok = true;
        if (placement != null) {
            parsedPlacement = word(placement, Placement.class);
            if (parsedPlacement == null) {
                err.println(command + ": --placement must be distinct, outward or any, got '" + placement + "'");
                ok = false;
            }
        }
        if (exitRule != null) {
            parsedRule = word(exitRule, ExitRule.class);
            if (parsedRule == null) {
                err.println(command + ": --exit-rule must be free or stage-ends, got '" + exitRule + "'");
                ok = false;
            }
        }
        if (maxExits != null && maxExits < 0) {
            err.println(command + ": --max-exits must be >= 0, got " + maxExits);
            ok = false;
        }
        if (thresholds != null) {
            parsedThresholds = new ArrayList<>();
            for (String part : thresholds.split(",")) {
                Double t = number(part.trim());
                if (t == null || !(t >= 0 && t <= 1)) {
                    err.println(command + ": --thresholds takes numbers in [0, 1] separated by commas; '" + part.trim()
                            + "' is not one");
                    ok = false;
                } else if (parsedThresholds.contains(t)) {
                    err.println(command + ": --thresholds lists " + t + " twice");
                    ok = false;
                } else {
                    parsedThresholds.add(t);
                }
            }
        }
        return ok;
    }

    SearchRequest apply(SearchRequest request) {
        SearchSpace s = request.space();
        if (parsedPlacement != null) {
            s = s.withPlacement(parsedPlacement);
        }
        if (parsedThresholds != null) {
            s = s.withThresholds(parsedThresholds);
        }
        if (parsedRule != null) {
            s = s.withExitRule(parsedRule);
        }
        if (maxExits != null) {
            s = s.withMaxExits(maxExits);
        }
        if (sharedThreshold) {
            s = s.withSharedThreshold(true);
        }
        if (noPartial) {
            s = s.withPartialModels(false);
        }
        return request.withSpace(s);
    }

    /** An enum constant from a word in any case, with '-' for '_'; null when none matches. */
    private static <E extends Enum<E>> E word(String text, Class<E> type) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
