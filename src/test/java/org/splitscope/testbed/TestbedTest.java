package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.zoo.Granularity;

/**
 * A whole testbed run of a tiny model over one shaped link: outputs checked, the request crosses
 * the link twice (cut out, answer back) in the measurement and in the prediction, and plans the
 * testbed cannot run fail with a message naming the field.
 */
class TestbedTest {
    private static final double LATENCY = 0.005;
    private static final Topology TWO = new Topology(List.of(new Node("d", 0, "cpu", 1e9), new Node("e", 1, "cpu", 1e9)),
            List.of(new Link("d", "e", 100e6, LATENCY)), "d", null, null);

    @TempDir
    Path dir;

    private Testbed open() throws Exception {
        Loaded<Testbed> bed = Testbed.open(TestModelFiles.residual(dir),
                ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8), new ProfileOptions(1, 3, 1),
                d -> { }, () -> false);
        assertTrue(bed.isOk(), bed.problems()::toString);
        return bed.value();
    }

    @Test
    void runsAPlanAndPredictsIt() throws Exception {
        Testbed bed = open().withShaper(ShaperChoice.IN_PROCESS);
        assertEquals(7, bed.singleCuts("d", "e").size(), "8 units, 7 single cuts");
        Plan plan = bed.singleCuts("d", "e").get(2);
        assertEquals(List.of(3), plan.cuts());
        double[] progress = {0};
        PlanResult r = bed.run(null, TWO, plan, new Testbed.Options(1, 3, 0, 1), d -> progress[0] = d, () -> false);
        assertTrue(r.outputsMatch(), "outputs differ by " + r.maxOutputDifference());
        assertEquals(1.0, progress[0], 1e-9);
        assertEquals(3, r.measured().latencies().size());
        // out over the link and back: at least two one-way latencies, measured and predicted
        assertTrue(r.measured().latencies().stream().allMatch(l -> l >= 2 * LATENCY), r.measured().latencies()::toString);
        assertTrue(r.predicted().latency().mean() >= 2 * LATENCY);
        assertTrue(r.measured().throughputPerSecond() > 0);
        assertEquals(Testbed.SHAPER, r.shaper());
    }

    @Test
    void aHopBetweenNodesWithoutADirectLinkCrossesTheRouteBothWays() throws Exception {
        // d - e - c in a line: the cut goes d -> e -> c and the answer c -> e -> d
        double far = 0.007;
        Topology line = new Topology(List.of(new Node("d", 0, "cpu", 1e9), new Node("e", 1, "cpu", 1e9),
                new Node("c", 2, "cpu", 1e9)), List.of(new Link("d", "e", 100e6, LATENCY), new Link("e", "c", 100e6, far)),
                "d", null, null);
        Testbed bed = open().withShaper(ShaperChoice.IN_PROCESS);
        PlanResult r = bed.run(null, line, bed.singleCuts("d", "c").get(2), new Testbed.Options(1, 3, 0, 1), d -> { },
                () -> false);
        assertTrue(r.outputsMatch(), "outputs differ by " + r.maxOutputDifference());
        double route = 2 * (LATENCY + far);
        assertTrue(r.measured().latencies().stream().allMatch(l -> l >= route), r.measured().latencies()::toString);
        assertTrue(r.predicted().latency().mean() >= route);
        TestbedException e = assertThrows(TestbedException.class, () -> bed.withShaper(ShaperChoice.KERNEL).run(null, line,
                bed.singleCuts("d", "c").get(2), new Testbed.Options(1, 2, 0, 1), d -> { }, () -> false));
        KernelLinks.Probe kernel = KernelLinks.probe();
        if (kernel.namespaces() && kernel.tbf()) { // else it is refused for the kernel's sake, which KernelLinksTest covers
            assertTrue(e.getMessage().startsWith("hop 2 of the plan crosses 2 links; kernel shaping shapes one link per hop"),
                    e.getMessage());
        }
    }

    @Test
    void cancellingStopsTheRun() throws Exception {
        Testbed bed = open();
        TestbedException e = assertThrows(TestbedException.class, () -> bed.run(null, TWO, bed.singleCuts("d", "e").get(0),
                new Testbed.Options(0, 3, 0, 1), d -> { }, () -> true));
        assertEquals("cancelled", e.getMessage());
    }

    @Test
    void plansItCannotRunAreRefusedNamingTheField() throws Exception {
        Testbed bed = open();
        Plan gap = new Plan(List.of(new Stage(1, 3, "d"), new Stage(5, 8, "e")));
        TestbedException e = assertThrows(TestbedException.class,
                () -> bed.run(null, TWO, gap, new Testbed.Options(0, 2, 0, 1), d -> { }, () -> false));
        assertTrue(e.getMessage().contains("plan.stages[1]"), e.getMessage());
        Topology noLink = TWO.withLinks(List.of());
        e = assertThrows(TestbedException.class, () -> bed.run(null, noLink, bed.singleCuts("d", "e").get(0),
                new Testbed.Options(0, 2, 0, 1), d -> { }, () -> false));
        assertTrue(e.getMessage().startsWith("plan.stages[1].node: no route of links joins"), e.getMessage());
    }
}
