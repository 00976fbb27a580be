package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.InvalidSearchException;

/** Runs a search for a command; a bad request or unmet constraints are printed, each problem named, never thrown. */
final class Searches {
    private Searches() {
    }

    /** The search's answer, or null after printing why there is none (exit code {@link ExitCodes#INVALID_INPUT}). */
    static <T> T run(String command, PrintWriter err, Supplier<T> search) {
        try {
            return search.get();
        } catch (InvalidSearchException e) {
            e.problems().forEach(p -> err.println(command + ": " + p));
        } catch (InfeasibleConstraintsException e) {
            err.println(command + ": " + e.getMessage());
        }
        return null;
    }
}
