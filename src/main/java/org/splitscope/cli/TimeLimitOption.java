package org.splitscope.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchStopped;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --time-limit DURATION}: the search stops at the deadline and answers with the best plans
 * it found so far and the gap it proved, instead of running on. Shared by the commands that search.
 */
final class TimeLimitOption {
    /** Longest limit taken: past it a deadline would mean "never", which is no limit at all. */
    static final Duration LONGEST = Duration.ofDays(30);
    static final String FORMS = "seconds, or a number with ms, s, m or h (e.g. 30, 30s, 2m, 500ms)";

    /** The clock deadlines are read from; tests step it so that a search trips its limit at a known check. */
    static volatile LongSupplier clock = System::nanoTime;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = Durations.class, description = "stop the search"
            + " after this long and print the best plans found so far with the gap proved: " + FORMS)
    Duration limit;

    /** A token that trips at the limit, or one that never trips without a limit; made when the search starts. */
    CancellationToken token() {
        return limit == null ? CancellationToken.none() : CancellationToken.withTimeLimit(limit, clock);
    }

    /** The limit as given, in words: "500 ms", "30 s", "120 s". */
    String limitText() {
        BigDecimal s = BigDecimal.valueOf(limit.toNanos(), 9);
        boolean small = s.compareTo(BigDecimal.ONE) < 0;
        return (small ? s.movePointRight(3) : s).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                + (small ? " ms" : " s");
    }

    /** "2.4 s", "31 s" (as the window says it), or "12 ms" for a stop within a tenth of a second. */
    static String seconds(CancellationToken token) {
        double s = token.elapsedNanos() / 1e9;
        return s < 0.1 ? String.format(Locale.ROOT, "%.0f ms", s * 1e3)
                : String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
    }

    /**
     * The line that says the search stopped at the limit and what its best plan is worth:
     * "Stopped at the time limit after 30 s; best found so far, within 3.21 % of the optimum (lower bound 12.3 ms)".
     *
     * @param objective what the values measure; null for a pipeline's seconds of bottleneck per request
     */
    static String stoppedLine(CancellationToken token, SearchStopped stop, Objective objective) {
        String head = "Stopped at the time limit after " + seconds(token);
        if (stop.best().isEmpty()) {
            return head + ": no plan found within the time limit";
        }
        Double gap = stop.gap();
        String proven = gap == null ? "no bound on how far it is from the optimum is known yet"
                : String.format(Locale.ROOT, "within %.3g %% of the optimum", 100 * gap);
        Double bound = bound(stop, objective);
        String said = bound == null ? "" : " (" + (objective != null && !objective.minimize() ? "upper" : "lower") + " bound "
                + inUnits(bound, objective) + ")";
        return head + "; best found so far, " + proven + said;
    }

    /**
     * The best any plan can reach, in the objective's own SI unit (seconds, USD per request,
     * requests per second, share): a lower bound where smaller is better, an upper bound for
     * throughput and accuracy; null when the search keeps none.
     */
    static Double bound(SearchStopped stop, Objective objective) {
        double lb = stop.lowerBound();
        if (Double.isNaN(lb) || Double.isInfinite(lb)) {
            return null;
        }
        if (objective == Objective.THROUGHPUT && stop.incumbent() >= 0) {
            // the pipeline search answered: its values are seconds of bottleneck, and throughput is their inverse
            return lb > 0 ? 1 / lb : null;
        }
        return objective == null || objective.minimize() ? lb : -lb;
    }

    private static String inUnits(double v, Objective objective) {
        if (objective == null) {
            return Format.ms(v) + " of bottleneck per request";
        }
        return switch (objective) {
            case COST -> Format.usd(v * 1e6) + " per million requests";
            case THROUGHPUT -> Format.rate(v);
            case ACCURACY -> Format.percent(v);
            default -> Format.ms(v);
        };
    }

    /** " (the space has 1,234 exit configurations)": how much was left unsearched, where the count is known. */
    static String spaceSize(SearchRequest request) {
        if (request.space().exitRule() != ExitRule.FREE) {
            return "";
        }
        BigInteger n = request.space().exitConfigurations(request.evaluator().profile());
        return " (the space has " + (n.bitLength() < 40 ? String.format(Locale.ROOT, "%,d", n)
                : String.format(Locale.ROOT, "about %.2e", n.doubleValue())) + " exit configurations)";
    }

    /**
     * What {@code --json} prints with a time limit, stopped or not, so that a script reads one
     * shape: whether the limit stopped the search, the seconds it ran, the gap of the best plan
     * (0 when it is proven optimal, null when no bound is known), the {@link #bound} and the plans.
     */
    record Answer(boolean stopped, double seconds, Double gap, Double bound, List<?> plans) {
        static Answer of(CancellationToken token, SearchStopped stop, Objective objective, List<?> plans) {
            double seconds = token.elapsedNanos() / 1e9;
            if (stop == null) {
                boolean proven = plans.stream().allMatch(p -> p instanceof RankedPlan r ? r.provenance().exact()
                        : p instanceof ParetoPoint q && q.provenance().exact());
                return new Answer(false, seconds, proven ? 0.0 : null, null, plans);
            }
            return new Answer(true, seconds, stop.gap(), TimeLimitOption.bound(stop, objective), plans);
        }
    }

    /** Reads "30", "30s", "2m", "500ms", "1.5 h" as a duration; anything else is refused naming the forms taken. */
    static final class Durations implements ITypeConverter<Duration> {
        private static final Pattern TYPED = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ms|s|m|min|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = TYPED.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration; give " + FORMS);
            }
            BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> 1_000_000L;
                case "m", "min" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 1_000_000_000L;
            });
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
            if (nanos.signum() == 0) {
                throw new TypeConversionException("'" + value + "' is no time at all; give more than 0: " + FORMS);
            }
            if (nanos.compareTo(BigDecimal.valueOf(LONGEST.toNanos())) > 0) {
                throw new TypeConversionException("'" + value + "' is longer than 30 days; leave the option out for no limit");
            }
            return Duration.ofNanos(Math.max(1, nanos.longValue()));
        }
    }
}
