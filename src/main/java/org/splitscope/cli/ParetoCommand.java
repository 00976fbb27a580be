package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.io.Json;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoFront;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.FrontStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pareto", description = "List the Pareto front of (mean latency, accuracy, cost) for a scenario.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:front listed", "1:the scenario has problems, or no plan meets the constraints (each named)",
                "2:bad command line", "4:--time-limit stopped the search before any part of the front was proven"})
final class ParetoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Mixin
    ConstraintOptions constraints;

    @Mixin
    SpaceOptions space;

    @Option(names = "--json", description = "print the front's plans with their metrics as JSON; with --time-limit,"
            + " an object: stopped, seconds, completeAbove (the accuracy above which a stopped front is complete) and the plans")
    boolean json;

    @Mixin
    TimeLimitOption timeLimit;

    /**
     * What {@code --json} prints with a time limit: whether it stopped the search, the seconds it
     * ran, the accuracy (a share) above which a stopped front is complete, and the front's points.
     */
    record Answer(boolean stopped, double seconds, Double completeAbove, List<ParetoPoint> plans) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = ScenarioInput.read(file, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        if (!constraints.check("pareto", err) | !space.check("pareto", err)) {
            return ExitCodes.USAGE;
        }
        // the objective only breaks ties inside the search; every point of the front is listed
        SearchRequest request = space.apply(constraints.apply(SearchRequest.of(s, Objective.MEAN_LATENCY)));
        CancellationToken token = timeLimit.token();
        List<ParetoPoint> front;
        Double completeAbove = null; // where a stopped front is complete
        try {
            front = Searches.run("pareto", err, () -> new ParetoFront(request).points(Progress.NONE, token));
        } catch (FrontStopped e) {
            front = e.points();
            completeAbove = e.completeAbove();
        } catch (CancellationException e) {
            front = List.of(); // stopped where the search had no part of the front to stand by
            completeAbove = Double.NaN;
        }
        if (front == null) {
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        int code = front.isEmpty() ? ExitCodes.TIME_LIMIT : ExitCodes.OK;
        if (json) {
            Object answer = timeLimit.limit == null ? front : new Answer(completeAbove != null,
                    token.elapsedNanos() / 1e9, completeAbove == null || completeAbove.isNaN() ? null : completeAbove, front);
            out.println(Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(answer));
            return code;
        }
        if (completeAbove != null) {
            String after = "Stopped at the time limit after " + TimeLimitOption.seconds(token);
            out.println(front.isEmpty() ? after + ", before any part of the Pareto front was proven"
                    + TimeLimitOption.spaceSize(request) : after + "; the front below is complete for the plans more"
                    + " accurate than " + Format.percent(completeAbove) + "; less accurate plans were not all searched");
            if (front.isEmpty()) {
                return code;
            }
        }
        out.printf(Locale.ROOT, "Pareto front of (mean latency, accuracy, cost): %d plans, by mean latency   method: %s%s%n",
                front.size(), front.get(0).provenance().method(),
                front.get(0).provenance().exact() ? " (exact)" : " (NOT exact)");
        PlanTable table = new PlanTable(out);
        for (int i = 0; i < front.size(); i++) {
            table.row(i + 1, front.get(i).plan(), front.get(i).metrics());
        }
        return ExitCodes.OK;
    }
}
