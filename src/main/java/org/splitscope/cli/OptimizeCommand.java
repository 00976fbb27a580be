package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.io.Json;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "optimize", description = "Find the best plans (cuts, placement, exits, thresholds) for an objective.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:plans found", "1:the scenario has problems, or no plan meets the constraints (each named)",
                "2:bad command line"})
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = "--objective", defaultValue = "MEAN_LATENCY",
            description = "one of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Objective objective;

    @Mixin
    ConstraintOptions constraints;

    @Option(names = "--top", defaultValue = "5", description = "how many plans to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print the ranked plans with their metrics as JSON")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = ScenarioInput.read(file, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        if (top < 1) {
            err.println("optimize: --top must be >= 1, got " + top);
            return ExitCodes.USAGE;
        }
        if (!constraints.check("optimize", err)) {
            return ExitCodes.USAGE;
        }
        SearchRequest request = constraints.apply(SearchRequest.of(s, objective));
        List<RankedPlan> plans;
        try {
            plans = new ExactChainSearch(request).top(top, Progress.NONE, CancellationToken.none());
        } catch (InvalidSearchException e) {
            e.problems().forEach(p -> err.println("optimize: " + p));
            return ExitCodes.INVALID_INPUT;
        } catch (InfeasibleConstraintsException e) {
            err.println("optimize: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(plans));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "Objective: %s%s%n", objective.label(),
                plans.isEmpty() ? "" : "   method: " + plans.get(0).provenance().method()
                        + (plans.get(0).provenance().exact() ? " (exact)" : " (NOT exact)"));
        PlanTable table = new PlanTable(out);
        for (RankedPlan p : plans) {
            table.row(p.rank(), p.plan(), p.metrics());
        }
        return ExitCodes.OK;
    }
}
