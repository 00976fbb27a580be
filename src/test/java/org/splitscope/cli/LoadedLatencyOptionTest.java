package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExhaustiveSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;

/** {@code optimize --objective loaded-latency}: the word in any case, the exact ranking, and the methods that refuse it. */
class LoadedLatencyOptionTest {
    @TempDir
    Path dir;

    /** The teaching scenario at half the throughput of its shipped plan. */
    private Path loadedTeaching() throws Exception {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "teaching.json")).orElseThrow();
        double rate = 0.5 * Evaluator.evaluate(s).throughputPerSecond();
        Path file = dir.resolve("loaded.json");
        ScenarioFiles.write(s.withWorkload(new Workload(rate, null, null, null)), file);
        return file;
    }

    @Test
    void theWordInAnyCaseRanksByTheMeanUnderLoadAsScoringEveryPlanDoes() throws Exception {
        Path file = loadedTeaching();
        for (String word : List.of("loaded-latency", "LOADED_LATENCY", "Loaded-Latency")) {
            CommandLineTest.Run r = CommandLineTest.run("optimize", "--objective", word, "--top", "3", "--json", file.toString());
            assertEquals(ExitCodes.OK, r.code(), r.err());
            JsonNode plans = Json.mapper().readTree(r.out());
            Scenario s = ScenarioFiles.read(file).orElseThrow();
            double best = new ExhaustiveSearch(SearchRequest.of(s, Objective.LOADED_LATENCY))
                    .top(1, Progress.NONE, CancellationToken.none()).get(0).metrics().loadedLatency().mean();
            assertEquals(best, plans.get(0).get("objectiveValue").asDouble(), 1e-12 * best);
            for (JsonNode p : plans) {
                assertEquals(p.at("/metrics/loadedLatency/mean").asDouble(), p.get("objectiveValue").asDouble(), 0);
                assertTrue(p.at("/provenance/exact").asBoolean());
            }
        }
        CommandLineTest.Run table = CommandLineTest.run("optimize", "--objective", "loaded-latency", file.toString());
        assertTrue(table.out().contains("Objective: mean latency under load"), table.out());
        assertTrue(table.out().contains("The winner has the best mean latency under load"), table.out());
    }

    @Test
    void theMethodsThatCannotRankByItSaySoInOneLine() throws Exception {
        Path file = loadedTeaching();
        CommandLineTest.Run pipeline = CommandLineTest.run("optimize", "--objective", "loaded-latency", "--method", "pipeline",
                file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, pipeline.code(), pipeline.out());
        assertTrue(pipeline.err().contains("pipeline placement (SEIFER) ranks plans by their bottleneck"), pipeline.err());
        CommandLineTest.Run serverless = CommandLineTest.run("optimize", "--objective", "loaded-latency", "--method",
                "serverless", file.toString());
        assertEquals(ExitCodes.USAGE, serverless.code());
        assertTrue(serverless.err().contains("--method serverless"), serverless.err());
        CommandLineTest.Run shortWord = CommandLineTest.run("optimize", "--objective", "loaded", file.toString());
        assertEquals(ExitCodes.OK, shortWord.code(), shortWord.err());
    }
}
