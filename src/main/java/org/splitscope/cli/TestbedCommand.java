package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.io.Json;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.ShaperChoice;
import org.splitscope.testbed.Testbed;
import org.splitscope.testbed.TestbedException;
import org.splitscope.testbed.TestbedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "testbed", description = "Run the scenario's plan for real (one ONNX Runtime worker process per stage, "
        + "hops over loopback TCP shaped to their links) and compare with the evaluator's prediction.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every run finished (errors are reported, not judged)", "1:bad input, or a run failed (the reason is printed)",
                "2:bad command line"})
final class TestbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file whose profile was imported from MODEL")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.onnx", description = "the ONNX model of the scenario's profile")
    Path model;

    @Mixin
    OnnxInputOptions input = new OnnxInputOptions();

    @Option(names = "--requests", paramLabel = "N", description = "requests per phase (default ${DEFAULT-VALUE})")
    int requests = 20;

    @Option(names = "--warm-up", paramLabel = "N", description = "uncounted requests first (default ${DEFAULT-VALUE})")
    int warmUp = 3;

    @Option(names = "--rate", paramLabel = "REQ_PER_S", description = "also stream Poisson arrivals at this rate")
    double rate;

    @Option(names = "--all-single-cuts", description = "run every one-cut plan between the plan's first and last stage's nodes")
    boolean allSingleCuts;

    @Option(names = "--cut-step", paramLabel = "K", description = "with --all-single-cuts, every K-th cut only (default ${DEFAULT-VALUE})")
    int cutStep = 1;

    @Option(names = "--json", description = "print the results as JSON (SI units)")
    boolean json;

    @Option(names = "--shaper", paramLabel = "auto|kernel|in-process", converter = OptionWords.Shapers.class,
            completionCandidates = OptionWords.Shapers.class,
            description = "auto: the kernel's (network namespaces, veth, tc tbf + netem) where it can both limit and delay, "
                    + "else in-process; kernel: the kernel's rate, and its delay where netem exists; in-process: the "
                    + "driver's relays (default ${DEFAULT-VALUE})")
    ShaperChoice shaper = ShaperChoice.AUTO;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (requests < 2 || warmUp < 0 || !(rate >= 0) || Double.isInfinite(rate) || cutStep < 1) {
            err.println("--requests must be at least 2, --warm-up and --rate at least 0, --cut-step at least 1");
            return ExitCodes.USAGE;
        }
        ImportOptions options = input.importOptions(err);
        Scenario s = ScenarioInput.read(file, err);
        if (options == null || s == null) {
            return options == null ? ExitCodes.USAGE : ExitCodes.INVALID_INPUT;
        }
        Loaded<Testbed> opened = Testbed.open(model, options, new ProfileOptions(3, 20, 1), d -> { }, () -> false);
        if (!ProfileOutput.printed(model, opened, err)) {
            return ExitCodes.INVALID_INPUT;
        }
        Testbed bed = opened.value().withShaper(shaper);
        String shaping;
        try {
            shaping = bed.shaping().description();
        } catch (TestbedException e) {
            err.println("testbed: --shaper " + shaper + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        List<Plan> plans = List.of(s.plan());
        if (allSingleCuts) {
            var stages = s.plan().stages();
            List<Plan> all = bed.singleCuts(stages.get(0).node(), stages.get(stages.size() - 1).node());
            plans = new ArrayList<>();
            for (int i = 0; i < all.size(); i += cutStep) {
                plans.add(all.get(i));
            }
        }
        if (!json) {
            out.printf("shaper: %s; unit times measured on '%s'; %d requests per phase%n", shaping,
                    bed.deviceClass(), requests);
            out.printf(Locale.ROOT, "this machine: %.3g GFLOP/s over the model; node slow-downs: %s%n",
                    bed.slowDown().machineFlopsPerSecond() / 1e9, String.join(", ", s.topology().nodes().stream()
                            .map(n -> String.format(Locale.ROOT, "%s x%.2f", n.id(), bed.slowDown().factor(n))).toList()));
            bed.slowDown().tooFast(s.topology()).forEach(note -> out.println("note: " + note));
            out.println("cuts      mean ms pred/meas (err%)    p95 ms pred/meas (err%)    throughput/s pred/meas (err%)"
                    + (rate > 0 ? "    loaded mean ms pred/meas (err%)" : "") + "  outputs");
        }
        List<PlanResult> results = new ArrayList<>();
        List<List<Double>> slowDowns = new ArrayList<>();
        for (Plan p : plans) {
            try {
                PlanResult r = bed.run(s.profile(), s.topology(), p,
                        new Testbed.Options(warmUp, requests, rate, 1), d -> { }, () -> false);
                results.add(r);
                slowDowns.add(bed.slowDown().factors(s.topology(), p));
                if (!json) {
                    out.println(row(r));
                    out.flush();
                }
            } catch (TestbedException e) {
                err.println("testbed: plan with cuts " + p.cuts() + " failed: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        TestbedRun run = new TestbedRun(results, bed.deviceClass(), bed.slowDown().machineFlopsPerSecond(), slowDowns,
                bed.slowDown().tooFast(s.topology()));
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(jsonOf(run, shaping)));
        } else {
            if (results.size() > 1) {
                out.printf(Locale.ROOT, "R^2 (measured vs predicted, about y = x): mean latency %.3f, throughput %.3f%n",
                        run.rSquaredMeanLatency(), run.rSquaredThroughput());
            }
            out.printf(Locale.ROOT, "within %.0f%%: mean latency on %s, throughput on %s%n", TestbedRun.GOAL_PERCENT,
                    within(run, PlanResult::meanLatencyError), within(run, PlanResult::throughputError));
        }
        return ExitCodes.OK;
    }

    private static String row(PlanResult r) {
        var m = r.measured();
        var p = r.predicted();
        String loaded = r.measured().loadedMeanLatency() == null ? "" : String.format(Locale.ROOT, "    %s / %.2f (%s)",
                r.predictedLoaded() == null || r.predictedLoaded().loadedLatency() == null ? "saturated"
                        : String.format(Locale.ROOT, "%.2f", r.predictedLoaded().loadedLatency().mean() * 1e3),
                m.loadedMeanLatency() * 1e3, pct(r.loadedLatencyError()));
        return String.format(Locale.ROOT, "%-8s  %.2f / %.2f (%s)    %.2f / %.2f (%s)    %.1f / %.1f (%s)%s  %s",
                r.plan().cuts(), p.latency().mean() * 1e3, m.meanLatency() * 1e3, pct(r.meanLatencyError()),
                p.latency().p95() * 1e3, m.p95Latency() * 1e3, pct(r.p95LatencyError()),
                p.throughputPerSecond() == null ? Double.NaN : p.throughputPerSecond(), m.throughputPerSecond(),
                pct(r.throughputError()), loaded, r.outputsMatch() ? "equal" : "DIFFER by " + r.maxOutputDifference());
    }

    /** "k of n plans (largest error e%)" for the plans whose error is within the goal. */
    private static String within(TestbedRun run, ToDoubleFunction<PlanResult> error) {
        return String.format(Locale.ROOT, "%d of %d plans (largest error %.1f%%)", run.withinGoal(error),
                run.results().size(), run.largestError(error));
    }

    private static String pct(double e) {
        return Double.isNaN(e) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", e);
    }

    private static Map<String, Object> jsonOf(TestbedRun run, String shaping) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("shaper", shaping);
        root.put("deviceClass", run.deviceClass());
        root.put("machineFlopsPerSecond", run.machineFlopsPerSecond());
        root.put("notes", run.notes());
        List<Map<String, Object>> plans = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            PlanResult r = run.results().get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("cuts", r.plan().cuts());
            p.put("slowDowns", run.slowDowns().get(i));
            p.put("predictedMeanLatencySeconds", r.predicted().latency().mean());
            p.put("measuredMeanLatencySeconds", r.measured().meanLatency());
            p.put("predictedP95LatencySeconds", r.predicted().latency().p95());
            p.put("measuredP95LatencySeconds", r.measured().p95Latency());
            p.put("predictedThroughputPerSecond", r.predicted().throughputPerSecond());
            p.put("measuredThroughputPerSecond", r.measured().throughputPerSecond());
            p.put("meanLatencyErrorPercent", finite(r.meanLatencyError()));
            p.put("p95LatencyErrorPercent", finite(r.p95LatencyError()));
            p.put("throughputErrorPercent", finite(r.throughputError()));
            p.put("arrivalRatePerSecond", r.measured().arrivalRate());
            p.put("predictedLoadedMeanLatencySeconds", r.predictedLoaded() == null || r.predictedLoaded().loadedLatency() == null
                    ? null : r.predictedLoaded().loadedLatency().mean());
            p.put("measuredLoadedMeanLatencySeconds", r.measured().loadedMeanLatency());
            p.put("achievedRatePerSecond", r.measured().achievedRate());
            p.put("latenciesSeconds", r.measured().latencies());
            p.put("maxOutputDifference", r.maxOutputDifference());
            p.put("outputsMatch", r.outputsMatch());
            plans.add(p);
        }
        root.put("plans", plans);
        root.put("rSquaredMeanLatency", finite(run.rSquaredMeanLatency()));
        root.put("rSquaredThroughput", finite(run.rSquaredThroughput()));
        root.put("meanLatencyWithinGoal", run.withinGoal(PlanResult::meanLatencyError));
        root.put("throughputWithinGoal", run.withinGoal(PlanResult::throughputError));
        root.put("goalPercent", TestbedRun.GOAL_PERCENT);
        return root;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
