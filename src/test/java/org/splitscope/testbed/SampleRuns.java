package org.splitscope.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** Testbed runs made up from the evaluator's predictions, for tests of what shows a run. */
public final class SampleRuns {
    private SampleRuns() {
    }

    /**
     * One single-cut plan of the PORTEND sample per factor (cut after unit i + 1): measured mean
     * latency = factor x predicted, throughput = predicted / factor; no node slowed, no notes.
     */
    public static TestbedRun slower(double... factor) {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow();
        int units = s.profile().unitCount();
        String a = s.plan().stages().get(0).node();
        String b = s.plan().stages().get(s.plan().stages().size() - 1).node();
        List<PlanResult> results = new ArrayList<>();
        List<List<Double>> slow = new ArrayList<>();
        for (int i = 0; i < factor.length; i++) {
            Plan p = new Plan(List.of(new Stage(1, i + 1, a), new Stage(i + 2, units, b)));
            Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(p, s.workload());
            double mean = m.latency().mean() * factor[i];
            results.add(new PlanResult(p, "x", new Measurement(List.of(mean), mean, mean,
                    m.throughputPerSecond() / factor[i], 0, null, null), m, null, 0));
            slow.add(List.of(1.0, 1.0));
        }
        return new TestbedRun(results, "cpu", 1e9, slow, List.of());
    }
}
