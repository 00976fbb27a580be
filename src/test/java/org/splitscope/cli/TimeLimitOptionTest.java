package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.Objective;
import org.splitscope.perf.Evaluator;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --time-limit}: its values, and a search that reaches it answers with the best plan found
 * so far and the bound it proved. The deadline is read from a clock that steps 1 ms at every
 * reading, so a search trips its limit after a known number of checks, however fast the machine.
 */
@Isolated("sets the clock every command's deadline reads")
class TimeLimitOptionTest {
    private static final Path SEIFER = Path.of("sample-scenarios", "seifer-edge-cluster.json");
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");
    private static final Path PORTEND = Path.of("sample-scenarios", "portend-three-tier.json");
    private static final Pattern STOPPED = Pattern.compile("Stopped at the time limit after \\S+ m?s; best found so far,"
            + " within (\\S+) % of the optimum \\(lower bound (\\S+) ms of bottleneck per request\\)");

    private final LongSupplier real = TimeLimitOption.clock;

    @AfterEach
    void realClock() {
        TimeLimitOption.clock = real;
    }

    /** Every reading of the deadline's clock is 1 ms later than the one before. */
    private static void steppingClock() {
        AtomicLong now = new AtomicLong();
        TimeLimitOption.clock = () -> now.addAndGet(1_000_000);
    }

    @Test
    void durationsInSecondsOrWithAUnit() {
        TimeLimitOption.Durations d = new TimeLimitOption.Durations();
        assertEquals(Duration.ofSeconds(30), d.convert("30"));
        assertEquals(Duration.ofSeconds(30), d.convert("30s"));
        assertEquals(Duration.ofMinutes(2), d.convert("2m"));
        assertEquals(Duration.ofMinutes(2), d.convert("2 min"));
        assertEquals(Duration.ofMillis(500), d.convert("500ms"));
        assertEquals(Duration.ofMillis(1500), d.convert("1.5"));
        assertEquals(Duration.ofMinutes(90), d.convert("1.5h"));
        assertEquals(Duration.ofDays(30), d.convert("720h"));
        for (String bad : new String[] {"", "2x", "-1", "0", "0ms", "1e3", "1,5", "30 sec", "721h", "s"}) {
            assertThrows(TypeConversionException.class, () -> d.convert(bad), bad);
        }
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionTheValueAndTheFormsTaken() {
        for (String command : new String[] {"optimize", "pareto"}) {
            CommandLineTest.Run r = CommandLineTest.run(command, "--time-limit", "2x", PORTEND.toString());
            assertEquals(ExitCodes.USAGE, r.code());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--time-limit: '2x' is not a duration; give seconds, or a number with ms, s, m or h"
                    + " (e.g. 30, 30s, 2m, 500ms)"), r.err());
            assertEquals("", r.out());
        }
        CommandLineTest.Run zero = CommandLineTest.run("optimize", "--time-limit", "0", PORTEND.toString());
        assertEquals(ExitCodes.USAGE, zero.code());
        assertTrue(zero.err().contains("--time-limit: '0' is no time at all"), zero.err());
    }

    @Test
    void thePipelineSearchStoppedAtItsLimitPrintsItsBestPlanWithTheProvenBound() throws Exception {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "pipeline", "--time-limit", "10ms",
                SEIFER.toString());
        assertEquals(ExitCodes.OK, r.code(), "a plan found is a result: " + r.err());
        Matcher m = STOPPED.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertFalse(r.out().contains("Stopped by you"), r.out());
        assertTrue(r.out().contains("(NOT exact)"), r.out());
        // the bound holds: the finished search's optimum lies between it and the plan shown
        Scenario s = ScenarioFiles.read(SEIFER).orElseThrow();
        SearchRequest request = SearchRequest.of(s, Objective.MEAN_LATENCY);
        double optimum = new PipelinePlacement(request.withSpace(request.space().withPlacement(Placement.DISTINCT)),
                PipelineObjective.BOTTLENECK).top(1, Progress.NONE, CancellationToken.none()).get(0).objectiveValue();
        double bound = Double.parseDouble(m.group(2)) / 1e3;
        assertTrue(bound <= optimum * (1 + 1e-5), "bound " + bound + " above the optimum " + optimum);
        assertTrue(Double.parseDouble(m.group(1)) > 0, "stopped before it proved its plan optimal");
    }

    @Test
    void withJsonTheAnswerSaysItStoppedWithTheGapTheBoundAndThePlans() throws Exception {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "pipeline", "--time-limit", "10ms", "--json",
                SEIFER.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode answer = Json.mapper().readTree(r.out());
        assertTrue(answer.get("stopped").asBoolean());
        assertTrue(answer.get("gap").asDouble() > 0);
        assertTrue(answer.get("bound").asDouble() > 0);
        assertTrue(answer.get("seconds").asDouble() >= 0.01, "at least the limit: " + answer.get("seconds"));
        JsonNode best = answer.get("plans").get(0);
        Scenario s = ScenarioFiles.read(SEIFER).orElseThrow();
        Plan plan = Json.mapper().treeToValue(best.get("plan"), Plan.class);
        double bottleneck = best.get("objectiveValue").asDouble();
        assertTrue(answer.get("bound").asDouble() <= bottleneck, "the bound is at most the best plan's value");
        assertEquals(new Evaluator(s.profile(), s.topology()).evaluate(plan, s.workload()).meanLatency(),
                best.at("/metrics/latency/mean").asDouble(), 1e-12, "the evaluator's figures");
        assertFalse(best.at("/provenance/exact").asBoolean());
    }

    /** The pipeline answers for throughput in seconds of bottleneck; the bound printed is on throughput, from above. */
    @Test
    void aThroughputBoundIsAnUpperBoundInRequestsPerSecond() throws Exception {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--objective", "throughput", "--time-limit", "10ms", "--json",
                SEIFER.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode answer = Json.mapper().readTree(r.out());
        assertTrue(answer.get("stopped").asBoolean());
        double bound = answer.get("bound").asDouble();
        TimeLimitOption.clock = real;
        double optimum = Json.mapper().readTree(CommandLineTest.run("optimize", "--objective", "throughput", "--json",
                SEIFER.toString()).out()).get(0).at("/metrics/throughputPerSecond").asDouble();
        assertTrue(answer.at("/plans/0/metrics/throughputPerSecond").asDouble() <= optimum * (1 + 1e-9));
        assertTrue(bound >= optimum * (1 - 1e-9), "upper bound " + bound + " below the optimum " + optimum);
        steppingClock();
        String text = CommandLineTest.run("optimize", "--objective", "throughput", "--time-limit", "10ms", SEIFER.toString())
                .out();
        assertTrue(text.contains("of the optimum (upper bound " + String.format(java.util.Locale.ROOT, "%.2f", bound)
                + " req/s)"), text);
    }

    @Test
    void aLimitNotReachedChangesNothingButTheJsonShape() throws Exception {
        CommandLineTest.Run plain = CommandLineTest.run("optimize", "--json", PORTEND.toString());
        CommandLineTest.Run limited = CommandLineTest.run("optimize", "--json", "--time-limit", "30m", PORTEND.toString());
        assertEquals(ExitCodes.OK, limited.code(), limited.err());
        JsonNode answer = Json.mapper().readTree(limited.out());
        assertFalse(answer.get("stopped").asBoolean());
        assertEquals(0.0, answer.get("gap").asDouble(), "the finished search proved its plans");
        assertTrue(answer.get("bound").isNull());
        assertEquals(Json.mapper().readTree(plain.out()).get(0).get("plan"), answer.get("plans").get(0).get("plan"));
    }

    @Test
    void theChainSearchStoppedAtItsFirstChecksStillPrintsAPlanWhenItHasOne() {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--time-limit", "5ms", PORTEND.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\(NOT exact\\)\nStopped at the time limit after \\d ms; best found so far,"
                + " no bound on how far it is from the optimum is known yet\n.*"), r.out());
        assertTrue(r.out().contains("\n   1 "), "the plan table: " + r.out());
    }

    @Test
    void theChainSearchStoppedBeforeItFoundAPlanSaysSoWithTheSizeOfTheSpace() {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--time-limit", "1ms", "--thresholds", "0.5",
                TEACHING.toString());
        assertEquals(ExitCodes.TIME_LIMIT, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().matches("Stopped at the time limit after \\d ms: no plan found within the time limit"
                + " \\(the space has 3 exit configurations\\)"), r.out());
    }

    /** A grid cell stopped with a plan is marked ~ (not proven optimal) and counted on the line that explains ~. */
    @Test
    void aGridCellStoppedWithAPlanIsMarkedAndCounted() {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("sweep", PORTEND.toString(), "--param", "link:end-edge.bandwidth",
                "--from", "1e6", "--to", "1e9", "--steps", "2", "--log", "--optimize", "latency", "--time-limit", "5ms",
                "--param2", "workload.rate", "--from2", "0", "--to2", "1", "--steps2", "1");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String[] cells = r.out().lines().toList().get(2).substring(12).strip().split("\\s{2,}");
        long marked = java.util.Arrays.stream(cells).filter(c -> c.endsWith("~")).count();
        long none = java.util.Arrays.stream(cells).filter(c -> c.equals("none")).count();
        assertEquals(2, marked + none, r.out());
        assertTrue(r.out().contains("Stopped at the time limit (5 ms per point): 2 of 2 points"), r.out());
        if (marked > 0) {
            assertTrue(r.out().contains("Not proven optimal (marked ~): " + marked + " of 2 points"), r.out());
        }
    }

    @Test
    void aSweepLimitsTheSearchAtEachValueAndMarksTheValuesItStopped() {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("sweep", PORTEND.toString(), "--param", "link:end-edge.bandwidth",
                "--from", "1e6", "--to", "1e9", "--steps", "3", "--log", "--optimize", "latency", "--time-limit", "5ms");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> rows = r.out().lines().dropWhile(l -> !l.startsWith("Best plan for")).skip(2).limit(3).toList();
        assertEquals(3, rows.size(), r.out());
        for (String row : rows) {
            assertTrue(row.endsWith("(stopped at the time limit: best found so far, no bound on the gap)")
                    || row.endsWith("no plan found within the time limit"), row);
        }
        assertTrue(r.out().contains("\nStopped at the time limit (5 ms per point): 3 of 3 points"), r.out());
        CommandLineTest.Run unlimited = CommandLineTest.run("sweep", PORTEND.toString(), "--param", "link:end-edge.bandwidth",
                "--from", "1e6", "--to", "1e9", "--steps", "3", "--log", "--optimize", "latency", "--time-limit", "30m");
        assertFalse(unlimited.out().contains("time limit"), "a limit not reached leaves the output as it was");
        CommandLineTest.Run noSearch = CommandLineTest.run("sweep", PORTEND.toString(), "--param", "link:end-edge.bandwidth",
                "--from", "1e6", "--to", "1e9", "--time-limit", "5ms");
        assertEquals(ExitCodes.USAGE, noSearch.code());
        assertEquals("sweep: --time-limit limits the search at each value; it needs --optimize OBJECTIVE", noSearch.err().strip());
    }

    @Test
    void aFrontStoppedAtTheLimitPrintsThePartItProvedWithTheAccuracyAboveWhichItIsComplete() throws Exception {
        steppingClock();
        // 1,111 exit configurations read the clock once each while their shares are worked out, then one reading per
        // configuration searched: 1,130 ms stops the front part-way, as its notes say
        CommandLineTest.Run r = CommandLineTest.run("pareto", "--time-limit", "1130ms", PORTEND.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        Matcher m = Pattern.compile("Stopped at the time limit after 1\\.1 s; the front below is complete for the plans"
                + " more accurate than (\\S+) %; less accurate plans were not all searched\n").matcher(r.out());
        assertTrue(m.lookingAt(), r.out());
        assertTrue(r.out().contains("(NOT exact)"), r.out());
        double above = Double.parseDouble(m.group(1)) / 100;
        steppingClock();
        JsonNode answer = Json.mapper().readTree(CommandLineTest.run("pareto", "--time-limit", "1130ms", "--json",
                PORTEND.toString()).out());
        assertTrue(answer.get("stopped").asBoolean());
        assertEquals(above, answer.get("completeAbove").asDouble(), 5e-5);
        JsonNode whole = Json.mapper().readTree(CommandLineTest.run("pareto", "--json", PORTEND.toString()).out());
        int part = 0;
        for (JsonNode p : whole) {
            if (p.at("/metrics/accuracy").asDouble() > answer.get("completeAbove").asDouble() + 1e-9) {
                part++;
            }
        }
        assertEquals(part, answer.get("plans").size(), "the whole front's points above that accuracy, no more, no fewer");
    }

    @Test
    void aFrontStoppedAtTheLimitSaysSoAndExitsWithFour() throws Exception {
        steppingClock();
        CommandLineTest.Run r = CommandLineTest.run("pareto", "--time-limit", "1ms", PORTEND.toString());
        assertEquals(ExitCodes.TIME_LIMIT, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("Stopped at the time limit after "), r.out());
        CommandLineTest.Run json = CommandLineTest.run("pareto", "--time-limit", "1ms", "--json", PORTEND.toString());
        assertEquals(ExitCodes.TIME_LIMIT, json.code());
        JsonNode answer = Json.mapper().readTree(json.out());
        assertTrue(answer.get("stopped").asBoolean());
        assertEquals(0, answer.get("plans").size());
    }
}
