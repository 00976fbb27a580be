package org.splitscope.cli;

import java.io.PrintWriter;

import org.splitscope.optimize.SearchRequest;
import picocli.CommandLine.Option;

/** The constraint options every search command shares: they tighten the scenario's own goals. */
final class ConstraintOptions {
    @Option(names = "--min-accuracy", paramLabel = "SHARE", description = "accuracy floor in [0, 1]")
    Double minAccuracy;

    @Option(names = "--max-latency-ms", paramLabel = "MS", description = "latency SLO on the mean latency under load")
    Double maxLatencyMs;

    @Option(names = "--budget-usd-per-million", paramLabel = "USD", description = "cost ceiling per million requests")
    Double budgetPerMillion;

    /** False, after naming the offending option, when a value is out of range. */
    boolean check(String command, PrintWriter err) {
        boolean ok = true;
        if (minAccuracy != null && !(minAccuracy >= 0 && minAccuracy <= 1)) {
            err.println(command + ": --min-accuracy must be in [0, 1], got " + minAccuracy);
            ok = false;
        }
        if (maxLatencyMs != null && !(maxLatencyMs > 0 && Double.isFinite(maxLatencyMs))) {
            err.println(command + ": --max-latency-ms must be a positive number, got " + maxLatencyMs);
            ok = false;
        }
        if (budgetPerMillion != null && !(budgetPerMillion >= 0 && Double.isFinite(budgetPerMillion))) {
            err.println(command + ": --budget-usd-per-million must be >= 0, got " + budgetPerMillion);
            ok = false;
        }
        return ok;
    }

    SearchRequest apply(SearchRequest request) {
        var c = request.constraints();
        if (minAccuracy != null) {
            c = c.withAccuracyFloor(minAccuracy);
        }
        if (maxLatencyMs != null) {
            c = c.withLatencySlo(maxLatencyMs / 1e3);
        }
        if (budgetPerMillion != null) {
            c = c.withBudget(budgetPerMillion / 1e6);
        }
        return request.withConstraints(c);
    }
}
