package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.io.Json;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.Node;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;

class SampleScenariosTest {
    private static final Path FOLDER = RegenerateSampleScenarios.FOLDER;

    @Test
    void everyBuiltScenarioIsValid() {
        SampleScenarios.all().forEach((file, s) -> assertEquals(List.of(), s.validate(), file));
    }

    @Test
    void committedFilesAreWhatTheBuildersProduce() throws IOException {
        for (Map.Entry<String, Scenario> e : SampleScenarios.all().entrySet()) {
            Path file = FOLDER.resolve(e.getKey());
            String committed = Files.readString(file).replace("\r\n", "\n");
            assertEquals(ScenarioFiles.toJson(e.getValue()), committed,
                    file + " is stale: run RegenerateSampleScenarios (see its Javadoc)");
            assertTrue(Files.size(file) < 1_000_000, file + " is over 1 MB");
        }
    }

    @Test
    void committedFilesParseAndValidate() throws IOException {
        for (String name : SampleScenarios.all().keySet()) {
            Path file = FOLDER.resolve(name);
            Scenario s = Json.mapper().readValue(file.toFile(), Scenario.class);
            assertEquals(List.of(), s.validate(), name);
            Loaded<Scenario> loaded = ScenarioFiles.read(file);
            assertEquals(List.of(), loaded.problems(), name);
        }
    }

    @Test
    void theDefaultIsPortendWithSyntheticEntropyStatistics() {
        Scenario s = SampleScenarios.all().values().iterator().next();
        assertEquals(SampleScenarios.portendThreeTier().name(), s.name());
        assertEquals(ExitCriterion.ENTROPY, s.profile().criterion());
        SampleStats stats = assertInstanceOf(SampleStats.class, s.profile().exitStats());
        assertEquals(SampleScenarios.SYNTHETIC_SAMPLES, stats.sampleCount());
        assertEquals(56, s.profile().unitCount());
        assertEquals(List.of("end", "edge"), s.plan().stages().stream().map(st -> st.node()).toList(),
                "partitioned between the end device and the edge");
        assertEquals(2, s.plan().exits().size());
        assertTrue(s.description().contains("SYNTHETIC") && s.profile().description().contains("SYNTHETIC"));
    }

    @Test
    void seiferPipelinesOverDistinctBoards() {
        Scenario s = SampleScenarios.seiferEdgeCluster();
        assertEquals(8, s.topology().nodes().size());
        assertEquals(28, s.topology().links().size(), "a full mesh");
        long distinct = s.plan().stages().stream().map(st -> st.node()).distinct().count();
        assertEquals(s.plan().stages().size(), distinct);
        assertTrue(distinct >= 3);
        assertTrue(s.workload().arrivalRatePerSecond() > 0);
    }

    @Test
    void moparUsesLambdaPricesAndACodec() {
        Scenario s = SampleScenarios.moparServerless();
        List<ServerlessPricing> functions = s.topology().nodes().stream().filter(Node::isServerless)
                .map(n -> (ServerlessPricing) n.pricing()).toList();
        assertEquals(3, functions.size());
        for (ServerlessPricing p : functions) {
            assertEquals(0.20e-6, p.usdPerRequest(), 1e-15);
            assertEquals(0.0000166667, p.usdPerGBSecond(), 1e-15);
            assertEquals(0.001, p.billingGranularitySeconds());
        }
        assertTrue(s.plan().stages().stream().anyMatch(st -> st.inboundCodec() != null));
        assertTrue(s.topology().links().stream().anyMatch(l -> l.usdPerGB() > 0));
    }
}
