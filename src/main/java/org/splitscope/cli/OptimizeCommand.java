package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.explain.WinnerExplanation;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchStopped;
import org.splitscope.optimize.ServerlessOptions;
import org.splitscope.optimize.ServerlessSlicing;
import org.splitscope.optimize.ServerlessSlicingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "optimize", description = "Find the best plans (cuts, placement, exits, thresholds) for an objective.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:plans found (also when --time-limit stopped the search after it found one)",
                "1:the scenario has problems, or no plan meets the constraints (each named)",
                "2:bad command line", "3:the output file could not be written",
                "4:--time-limit stopped the search before it found a plan"})
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = "--objective", defaultValue = "latency", paramLabel = "OBJECTIVE", converter = OptionWords.Objectives.class,
            completionCandidates = OptionWords.Objectives.class,
            description = "one of ${COMPLETION-CANDIDATES}, in any case (default ${DEFAULT-VALUE})")
    Objective objective;

    @Mixin
    ConstraintOptions constraints;

    @Mixin
    SpaceOptions space;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "how many plans to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print the ranked plans with their metrics as JSON; with"
            + " --time-limit, an object: stopped, seconds, gap, bound and the plans")
    boolean json;

    /** Which search answers: the joint chain search, or one of the settings that also reshape the topology. */
    enum Method { CHAIN, PIPELINE, PIPELINE_COMMUNICATION, SERVERLESS }

    @Option(names = "--method", defaultValue = "chain", paramLabel = "METHOD", converter = OptionWords.Methods.class,
            completionCandidates = OptionWords.Methods.class, description = "chain: exact joint search of cuts, placement,"
            + " exits and thresholds (PORTEND, DNNSplit); pipeline (least bottleneck) or pipeline-communication (least"
            + " link time): at most --max-stages stages on distinct nodes of an edge cluster (SEIFER); serverless: slice into functions with memory sizes and codecs,"
            + " cheapest under the latency SLO (MOPAR). Default ${DEFAULT-VALUE}")
    Method method;

    @Option(names = "--max-stages", paramLabel = "K", description = "most stages (functions for serverless); default: the"
            + " search space's default")
    Integer maxStages;

    @Mixin
    TimeLimitOption timeLimit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "serverless: write the sliced scenario (its"
            + " functions and plan) to this file")
    Path output;

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
        if (!constraints.check("optimize", err) | !space.check("optimize", err)) {
            return ExitCodes.USAGE;
        }
        SearchRequest request = space.apply(constraints.apply(SearchRequest.of(s, objective)));
        if (maxStages != null) {
            if (maxStages < 1) {
                err.println("optimize: --max-stages must be >= 1, got " + maxStages);
                return ExitCodes.USAGE;
            }
            request = request.withSpace(request.space().withMaxStages(maxStages));
        }
        if (method == Method.SERVERLESS) {
            return serverless(s, request, err);
        }
        SearchRequest chosen = request;
        CancellationToken token = timeLimit.token();
        List<RankedPlan> plans;
        SearchStopped stop = null;
        try {
            plans = Searches.run("optimize", err, () -> switch (method) {
                case PIPELINE, PIPELINE_COMMUNICATION -> new PipelinePlacement(chosen.withSpace(chosen.space()
                        .withPlacement(Placement.DISTINCT)), method == Method.PIPELINE ? PipelineObjective.BOTTLENECK
                        : PipelineObjective.COMMUNICATION).top(top, Progress.NONE, token);
                default -> new ExactChainSearch(chosen).top(top, Progress.NONE, token);
            });
        } catch (CancellationException e) {
            // only the time limit cancels a command's search
            stop = e instanceof SearchStopped s2 ? s2 : new SearchStopped(List.of(), Double.NaN, Double.NaN);
            plans = stop.best();
        }
        if (plans == null) {
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        Objective valued = switch (method) {
            case PIPELINE, PIPELINE_COMMUNICATION -> null;
            default -> objective;
        };
        if (json) {
            Object answer = timeLimit.limit == null ? plans : TimeLimitOption.Answer.of(token, stop, valued, plans);
            out.println(Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(answer));
            return stop != null && plans.isEmpty() ? ExitCodes.TIME_LIMIT : ExitCodes.OK;
        }
        if (stop != null && plans.isEmpty()) {
            out.println(TimeLimitOption.stoppedLine(token, stop, valued)
                    + (method == Method.CHAIN ? TimeLimitOption.spaceSize(chosen) : ""));
            return ExitCodes.TIME_LIMIT;
        }
        String goal = switch (method) {
            case PIPELINE -> "least bottleneck (busiest node or link per request)";
            case PIPELINE_COMMUNICATION -> "least communication (busiest link per request)";
            default -> objective.label();
        };
        out.printf(Locale.ROOT, "Objective: %s%s%n", goal,
                plans.isEmpty() ? "" : "   method: " + plans.get(0).provenance().method()
                        + (plans.get(0).provenance().exact() ? " (exact)" : " (NOT exact)"));
        if (stop != null) {
            out.println(TimeLimitOption.stoppedLine(token, stop, valued));
        }
        PlanTable table = new PlanTable(out);
        for (RankedPlan p : plans) {
            table.row(p.rank(), p.plan(), p.metrics());
        }
        if (!plans.isEmpty()) {
            plans.get(0).provenance().notes().forEach(n -> out.println("note: " + n));
            if (method == Method.CHAIN) {
                out.println(new WinnerExplanation(objective, plans).text());
            } else if (method == Method.PIPELINE) {
                out.println(new WinnerExplanation(Objective.THROUGHPUT, plans.stream().map(p -> new RankedPlan(p.rank(),
                        p.plan(), p.metrics(), Objective.THROUGHPUT.value(p.metrics()), p.provenance())).toList()).text());
            }
        }
        return ExitCodes.OK;
    }

    private int serverless(Scenario s, SearchRequest request, PrintWriter err) throws JsonProcessingException {
        if (objective != Objective.COST) {
            err.println("optimize: --method serverless minimizes cost under the latency SLO; use --objective cost");
            return ExitCodes.USAGE;
        }
        var options = ServerlessOptions.defaults().withMaxFunctions(maxStages == null ? ServerlessOptions.DEFAULT_MAX_FUNCTIONS : maxStages);
        CancellationToken token = timeLimit.token();
        ServerlessSlicingResult result;
        try {
            result = Searches.run("optimize", err,
                    () -> new ServerlessSlicing(s, request.constraints(), options).solve(Progress.NONE, token));
        } catch (CancellationException e) {
            // the slicing program keeps no plan until it has finished
            PrintWriter out = spec.commandLine().getOut();
            SearchStopped none = new SearchStopped(List.of(), Double.NaN, Double.NaN);
            out.println(json ? Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(TimeLimitOption.Answer.of(token, none, Objective.COST, List.of()))
                    : TimeLimitOption.stoppedLine(token, none, Objective.COST));
            return ExitCodes.TIME_LIMIT;
        }
        if (result == null) {
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS).writeValueAsString(result));
        } else {
            ServerlessOutput.print(result, out);
        }
        if (output != null) {
            try {
                ScenarioFiles.write(result.scenario(), output);
            } catch (IOException e) {
                err.println("optimize: cannot write " + output + ": " + e.getMessage());
                return ExitCodes.IO_ERROR;
            }
        }
        return ExitCodes.OK;
    }
}
