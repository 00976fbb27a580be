package org.splitscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.report.ReportFixtures.flat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.testbed.Measurement;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.RSquared;
import org.splitscope.testbed.TestbedRun;

/**
 * A report with a testbed section, in HTML and PDF: each plan's predicted and measured figures with
 * its errors, the fit about y = x as {@link RSquared} computes it, both scatter charts; none of it
 * without a testbed run.
 */
class TestbedReportTest {
    /** Two single cuts of the sample, "measured" 10 % and 30 % slower than predicted on average, p95 20 % slower. */
    private static TestbedRun run(Scenario s) {
        List<PlanResult> results = new ArrayList<>();
        int units = s.profile().unitCount();
        String first = s.plan().stages().get(0).node();
        String last = s.plan().stages().get(s.plan().stages().size() - 1).node();
        double[] slower = {1.1, 1.3};
        for (int i = 0; i < 2; i++) {
            int cut = 1 + i * (units / 2 - 1);
            Plan p = new Plan(List.of(new Stage(1, cut, first), new Stage(cut + 1, units, last)));
            Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(p, s.workload());
            double mean = m.latency().mean() * slower[i];
            results.add(new PlanResult(p, "test shaper", new Measurement(List.of(mean, mean), mean, m.latency().p95() * 1.2,
                    m.throughputPerSecond() / slower[i], 0, null, null), m, null, 0));
        }
        return new TestbedRun(results, "test-cpu", 2e10, List.of(List.of(1.0, 3.0), List.of(1.0, 3.0)),
                List.of("node 'edge' (30 GFLOP/s) is not slower than this machine"));
    }

    @Test
    void bothFormatsShowEachPlanItsErrorsAndTheFit() throws IOException {
        Scenario s = ReportFixtures.sample("portend-three-tier.json");
        TestbedRun run = run(s);
        Report r = ReportFixtures.report("portend-three-tier.json").withTestbed(run);
        String page = new String(ReportFiles.render(r, ReportFiles.Format.HTML), StandardCharsets.UTF_8);
        String html = flat(page.replaceAll("<[^>]+>", " "));
        String pdf = ReportFixtures.pdfText(ReportFiles.render(r, ReportFiles.Format.PDF));
        double[] predicted = run.results().stream().mapToDouble(p -> p.predicted().latency().mean()).toArray();
        double[] measured = run.results().stream().mapToDouble(p -> p.measured().meanLatency()).toArray();
        String r2 = String.format(Locale.ROOT, "%.3f", RSquared.of(predicted, measured));
        for (String text : List.of(html, pdf)) {
            assertTrue(text.contains("Testbed: measured against predicted"), "heading");
            assertTrue(text.matches(".*R\\^2 mean latency:? " + r2 + ".*"), r2);
            assertTrue(text.contains("+10.0 %") && text.contains("+30.0 %"), "mean latency errors");
            assertTrue(text.contains("+20.0 %"), "p95 errors: 1.2 x the predicted p95");
            assertTrue(text.contains("test shaper"));
            assertTrue(text.contains("x3.00"), "slow-down factors");
            assertTrue(text.contains("mean latency " + run.withinGoal(PlanResult::meanLatencyError) + " of 2 plans, throughput "
                    + run.withinGoal(PlanResult::throughputError) + " of 2"), "plans within the goal");
            assertTrue(text.contains("Note: node 'edge' (30 GFLOP/s) is not slower than this machine."), "notes");
            for (PlanResult p : run.results()) {
                assertTrue(text.contains(Figures.ms(p.measured().meanLatency())), "measured mean");
            }
            assertTrue(text.contains("Measured vs predicted throughput, R^2 ="), "throughput scatter");
        }
        assertTrue(page.contains("chart-testbed-latency") && page.contains("chart-testbed-throughput"), "both charts in HTML");
    }

    @Test
    void aReportWithoutATestbedRunHasNoTestbedSection() throws IOException {
        Report r = ReportFixtures.report("portend-three-tier.json");
        assertEquals(null, r.testbed());
        String html = new String(ReportFiles.render(r, ReportFiles.Format.HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("Testbed"));
    }
}
