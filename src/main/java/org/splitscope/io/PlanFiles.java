package org.splitscope.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * Plan files: {@code "formatVersion": 1} and the fields of {@link Plan}, exactly as they appear
 * under {@code "plan"} in a scenario, so that a plan can be kept, compared or pasted into another
 * scenario. A plan means something only with a model and a topology: {@link #read(Path, Scenario)}
 * checks it against a scenario, with the problems' paths under {@code plan.}.
 */
public final class PlanFiles {
    public static final int FORMAT_VERSION = 1;

    private PlanFiles() {
    }

    /** The plan after the structural check and binding (its stages are not checked against a model). */
    public static Loaded<Plan> read(Path file) {
        Loaded<String> text = JsonFiles.readText(file, InputFiles.MAX_TEXT_BYTES);
        return text.isOk() ? read(text.value()) : Loaded.failed(text.problems(), text.warnings());
    }

    public static Loaded<Plan> read(String json) {
        return JsonFiles.readVersioned(json, "plan", FORMAT_VERSION, Plan.class);
    }

    /** The plan, also checked against the scenario's model and topology (paths start with {@code plan.}). */
    public static Loaded<Plan> read(Path file, Scenario scenario) {
        Loaded<Plan> plan = read(file);
        if (!plan.isOk()) {
            return plan;
        }
        List<Problem> problems = plan.value().validate("plan", scenario.profile(), scenario.topology());
        return problems.isEmpty() ? plan : Loaded.failed(problems, plan.warnings());
    }

    public static String toJson(Plan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.setAll((ObjectNode) RecordTrees.toTree(plan));
        return JsonFiles.toText(root);
    }

    /** Written atomically, like every SplitScope file. */
    public static void write(Plan plan, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toJson(plan));
    }
}
