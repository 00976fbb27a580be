package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/** Reads a scenario for a command and prints its problems and warnings the same way everywhere. */
final class ScenarioInput {
    private ScenarioInput() {
    }

    /** The scenario, or {@code null} after printing every problem to {@code err}. */
    static Scenario read(Path file, PrintWriter err) {
        Loaded<Scenario> loaded = ScenarioFiles.read(file);
        for (Problem w : loaded.warnings()) {
            err.println("warning: " + file + ": " + w);
        }
        if (!loaded.isOk()) {
            err.println(file + ": " + loaded.problems().size() + " problem" + (loaded.problems().size() == 1 ? "" : "s") + ":");
            for (Problem p : loaded.problems()) {
                err.println("  " + p);
            }
            return null;
        }
        return loaded.value();
    }
}
