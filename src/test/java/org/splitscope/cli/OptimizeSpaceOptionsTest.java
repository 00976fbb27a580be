package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/** {@code optimize} and {@code pareto} take the window's search space on the command line, and a huge space is searched, its true size in words. */
class OptimizeSpaceOptionsTest {
    private static final Path PORTEND = Path.of("sample-scenarios", "portend-three-tier.json");

    @TempDir
    Path dir;

    /** Before, 19 exits wrapped the configuration count and the command died with "Illegal Capacity" (exit 70). */
    @Test
    void nineteenExitsAreSearchedWithTheTrueCount() throws Exception {
        List<Unit> units = new ArrayList<>();
        List<ExitHead> heads = new ArrayList<>();
        double[][] conf = new double[19][];
        boolean[][] ok = new boolean[19][];
        for (int e = 0; e < 19; e++) {
            units.add(new Unit("u" + (e + 1), "conv", 1e8, 1e3, 1e3));
            heads.add(new ExitHead("e" + (e + 1), e + 1, 1e6, 1e3));
            conf[e] = new double[] {0.3, 0.9};
            ok[e] = new boolean[] {true, false};
        }
        units.add(new Unit("last", "fc", 1e8, 1e3, 10));
        ModelProfile profile = new ModelProfile("exits", null, 1000, 10.0, units, heads,
                new SampleStats(conf, ok, new boolean[] {true, true}), null, null, null, null);
        Topology one = new Topology(List.of(new Node("dev", 0, "arm", 1e9)), List.of(), "dev", null, null);
        Path file = dir.resolve("nineteen.json");
        ScenarioFiles.write(new Scenario("nineteen", profile, one, new Plan(List.of(new Stage(1, 20, "dev"))), Workload.NONE), file);
        CommandLineTest.Run r = CommandLineTest.run("optimize", file.toString());
        // sample statistics: searched by branch and bound, with the true size in its note
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("about 1.11e+19 exit configurations"), r.out());
        CommandLineTest.Run limited = CommandLineTest.run("optimize", "--max-exits", "1", "--json", file.toString());
        assertEquals(ExitCodes.OK, limited.code(), limited.err());
    }

    @Test
    void portendsRuleAndTheWindowsSpaceInLowerCase() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--placement", "outward", "--thresholds", "0.1,0.3",
                "--exit-rule", "stage-ends", "--shared-threshold", "--no-partial", "--objective", "mean_latency", "--json",
                PORTEND.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (JsonNode p : Json.mapper().readTree(r.out())) {
            JsonNode stages = p.at("/plan/stages");
            List<Integer> ends = new ArrayList<>();
            stages.forEach(s -> ends.add(s.get("lastUnit").asInt()));
            double shared = -1;
            for (JsonNode x : p.at("/plan/exits")) {
                double t = x.get("threshold").asDouble();
                assertTrue(shared < 0 || shared == t, "one threshold for every exit: " + p.at("/plan"));
                shared = t;
                assertTrue(t == 0.1 || t == 0.3, "a threshold of the grid: " + t);
            }
            assertTrue(p.at("/plan/terminalExit").isNull(), "no partial model");
        }
    }

    @Test
    void badSpaceValuesAreNamed() {
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--placement", "sideways", "--thresholds", "0.2,x",
                "--exit-rule", "anywhere", PORTEND.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--placement must be distinct, outward or any, got 'sideways'"), r.err());
        assertTrue(r.err().contains("--thresholds takes numbers in [0, 1] separated by commas; 'x' is not one"), r.err());
        assertTrue(r.err().contains("--exit-rule must be free or stage-ends, got 'anywhere'"), r.err());
    }
}
